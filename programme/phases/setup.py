"""What the phase plans register in the shell and in the apps below them; called from
ProgrammeConfig.ready() (programme/apps.py)."""

from django.utils.translation import gettext_lazy as _


def _describe(plan) -> str:
    return f"{plan.title} ({plan.period_label})"


def register_all() -> None:
    from avk import adoption, demo, home, navigation, policy
    from avk.search import register_search
    from reflection import targets

    from . import (
        events,  # noqa: F401 - registers the history events
        permissions,
    )
    from . import home as phase_home
    from . import navigation as phase_navigation
    from . import search as phase_search
    from .models import PhasePlan
    from .services import plan_adopt, plan_check

    policy.register(
        "phaseplans",
        permissions.allowed,
        messages=permissions.MESSAGES,
        refusal=permissions.refusal,
    )
    navigation.register(phase_navigation.items, order=12)
    home.register(phase_home.panels, order=45)
    register_search(phase_search.search, order=35)
    adoption.register(PhasePlan, adopt=plan_adopt, check=plan_check)
    # An attention point of the reflection can be taken up in a phase plan.
    targets.register(
        "phaseplan",
        PhasePlan,
        label=_("phase plan"),
        choices=lambda programme: (
            PhasePlan.objects.filter(programme=programme).defer("frozen").order_by("-number")
        ),
        view_action="phaseplans.view",
        describe=_describe,
        order=60,
    )
    demo.register("programme.phases.demo", order=70)
