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
        home.register(programme_home.din_panels, order=20)
        self._register_partner_sections()

    def _register_partner_sections(self):
        """A partner's page and "Mijn organisatie" list the efforts and working groups the
        partner is in (when the partners app offers sections)."""
        try:
            from partners import sections
        except ImportError:  # pragma: no cover - partners without sections
            return
        from .sections import partner_din_section

        sections.register(partner_din_section, order=30)
