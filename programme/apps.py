from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programmes")

    def ready(self):
        from avk import home, navigation

        from . import home as programme_home
        from . import navigation as programme_navigation

        navigation.register(programme_navigation.items, order=10)
        home.register(programme_home.panels, order=10)
