from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    """Islands of reflection: yearly sessions per level, frameworks as data, attention points
    that feed the next phase plan, and the partner quick scan (docs/architecture.md)."""

    name = "reflection"
    verbose_name = _("Reflection")

    def ready(self):
        from avk import demo, home, navigation, policy

        from . import (
            events,  # noqa: F401 - registers the history events
            permissions,
            target_kinds,
        )
        from . import home as reflection_home
        from . import navigation as reflection_navigation

        policy.register(
            "reflection",
            permissions.allowed,
            messages=permissions.MESSAGES,
            refusal=permissions.refusal,
        )
        navigation.register(reflection_navigation.items, order=40)
        home.register(reflection_home.panels, order=40)
        # what can take up an attention point; each kind's page shows what led to it
        target_kinds.register_all()
        demo.register("reflection.demo", order=60)
