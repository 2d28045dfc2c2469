from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from avk import demo, home, navigation, policy

        from . import (
            events,  # noqa: F401 - registers the history events
            permissions,
        )
        from . import home as partners_home
        from . import navigation as partners_navigation

        policy.register("partners", permissions.allowed, messages=permissions.MESSAGES)
        navigation.register(partners_navigation.items, order=20)
        home.register(partners_home.panels, order=20)
        demo.register("partners.demo", order=20)

        from avk.search import register_search

        from . import search as partners_search

        register_search(partners_search.search, order=10)
