from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvkConfig(AppConfig):
    name = "avk"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib import admin

        admin.site.site_header = _("Alliance portal administration")
        admin.site.site_title = _("Alliance portal")
        admin.site.index_title = _("Administration")
