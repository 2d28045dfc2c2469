from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from avk import home, navigation

        from . import home as partners_home
        from . import navigation as partners_navigation

        navigation.register(partners_navigation.items, order=20)
        home.register(partners_home.panels, order=20)
