from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """Two areas: programme.core (programmes, roles, people) and programme.din (the DIN), each
    registering its policy, menu, home panels, sections and demo step (docs/architecture.md)."""

    name = "programme"
    verbose_name = _("Programmes")

    def ready(self):
        from avk import demo, home, navigation, policy, sections

        from .core import events as core_events  # noqa: F401  (history events)
        from .core import home as core_home
        from .core import navigation as core_navigation
        from .core import permissions as core_policy
        from .din import events as din_events  # noqa: F401  (history events)
        from .din import home as din_home
        from .din import navigation as din_navigation
        from .din import permissions as din_policy
        from .din.sections import partner_din_section

        policy.register("programme", core_policy.allowed)
        policy.register(
            "din", din_policy.allowed, messages=din_policy.MESSAGES, refusal=din_policy.refusal
        )
        navigation.register(core_navigation.items, order=10)
        navigation.register(din_navigation.items, order=11)
        home.register(core_home.panels, order=10)
        home.register(din_home.din_panels, order=20)
        # A partner's page and "Mijn organisatie" list the efforts and working groups it is in.
        sections.register("partner", partner_din_section, order=30)
        demo.register("programme.core.demo", order=10)
        demo.register("programme.din.demo", order=30)

        from avk.calendar_feed import register_calendar
        from avk.search import register_search

        from .core import profile as core_profile
        from .din import calendar_events as din_calendar
        from .din import search as din_search

        register_search(din_search.search, order=20)
        register_calendar(din_calendar.events, order=20)
        # The person's roles with their dates, on their profile page.
        sections.register("profile", core_profile.roles_section, order=10)

        # Phase plans: a third area, above the DIN, budget, governance and reflection.
        from .phases.setup import register_all as register_phase_plans

        register_phase_plans()
