from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from avk import demo, home, navigation, policy

        from . import (
            events,  # noqa: F401 - registers the history events
            permissions,
            refusals,
        )
        from . import home as governance_home
        from . import navigation as governance_navigation

        policy.register("governance", permissions.allowed, refusal=refusals.why_not)
        navigation.register(governance_navigation.items, order=30)
        home.register(governance_home.panels, order=20)
        demo.register("governance.demo", order=40)

        from avk import sections
        from avk.calendar_feed import register_calendar
        from avk.search import register_search

        from . import calendar_events as governance_calendar
        from . import profile as governance_profile
        from . import search as governance_search

        register_search(governance_search.search, order=30)
        register_calendar(governance_calendar.events, order=10)
        # The bodies a person sits on, on their profile page.
        sections.register("profile", governance_profile.memberships_section, order=20)
