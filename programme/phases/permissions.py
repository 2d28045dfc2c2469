"""Who may do what with a programme's phase plans. The only place that decides it; registered
as the "phaseplans" policy, so everything asks `avk.policy.allowed(user, "phaseplans.<verb>",
obj)` or `require(...)`.

| who (in the programme)        | reads and downloads     | edits a concept, submits | closes |
|-------------------------------|-------------------------|--------------------------|--------|
| programme team                | every plan              | yes                      | yes    |
| secretariat                   | every plan              | yes                      | no     |
| board member                  | every plan              | no                       | no     |
| partner contact, reader       | adopted and closed ones | no                       | no     |
| other programme / no role     | nothing                 | no                       | no     |

Superusers may do everything the plan's state allows. A concept becomes adopted only by a board
decision (`avk.adoption`); nobody adopts it by hand. An adopted plan is read-only.

Verbs:
  view_list, create                      obj: a Programme
  view, download, compare, view_history,
  change, submit, close                  obj: a PhasePlan
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser
from programme.core.models import Programme

from .models import PhasePlan, PhasePlanStatus


def is_back_office(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE_ROLES)


def reads_concepts(user, programme) -> bool:
    """The back office and the board read concepts too (the board adopts them)."""
    return is_back_office(user, programme) or has_role(user, programme, Role.BOARD)


def can_view_list(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme)


def can_create(user, programme) -> bool:
    return is_back_office(user, programme)


def can_view(user, plan: PhasePlan) -> bool:
    if reads_concepts(user, plan.programme_id):
        return True
    return plan.status != PhasePlanStatus.CONCEPT and has_role(user, plan.programme_id)


def can_view_history(user, plan: PhasePlan) -> bool:
    return is_back_office(user, plan.programme_id)


def can_change(user, plan: PhasePlan) -> bool:
    """Texts, selection and taking up attention points: a concept, by the back office."""
    return plan.status == PhasePlanStatus.CONCEPT and is_back_office(user, plan.programme_id)


def can_close(user, plan: PhasePlan) -> bool:
    return plan.status == PhasePlanStatus.ADOPTED and (
        is_superuser(user) or has_role(user, plan.programme_id, Role.PROGRAMME_TEAM)
    )


PROGRAMME_RULES = {"view_list": can_view_list, "create": can_create}
PLAN_RULES = {
    "view": can_view,
    "download": can_view,
    "compare": can_view,
    "view_history": can_view_history,
    "change": can_change,
    "submit": can_change,
    "close": can_close,
}

MESSAGES = {
    "view_list": _("Only people with a role in this programme read its phase plans."),
    "create": _("Only the programme team and the secretariat draw up a phase plan."),
    "view": _(
        "This phase plan is a concept: the programme team, the secretariat and the board read "
        "it until the board has adopted it."
    ),
    "change": _("Only the programme team and the secretariat change a concept phase plan."),
    "submit": _("Only the programme team and the secretariat put a phase plan before the board."),
    "close": _("Only the programme team closes a phase plan."),
}


def refusal(user, verb: str, obj):
    """What stands in the way, when it is the plan's state rather than the person's role."""
    if not isinstance(obj, PhasePlan) or not is_back_office(user, obj.programme_id):
        return None
    if verb in ("change", "submit") and obj.status != PhasePlanStatus.CONCEPT:
        return _(
            "This phase plan has been adopted by the board and can no longer be changed; "
            "draw up the next phase plan instead."
        )
    if verb == "close" and obj.status == PhasePlanStatus.CONCEPT:
        return _("This phase plan has not been adopted yet: only the board's decision adopts it.")
    if verb == "close" and obj.status == PhasePlanStatus.CLOSED:
        return _("This phase plan has been closed already.")
    return None


def readable(user, programmes) -> Q:
    """The `view` rule as a filter on phase plans, for lists that cross programmes (search):
    every plan of the programmes where the person reads concepts, the adopted and closed
    plans of the others they have a role in, nothing else."""
    every = [p.pk for p in programmes if reads_concepts(user, p.pk)]
    settled = [p.pk for p in programmes if p.pk not in every and can_view_list(user, p.pk)]
    return Q(programme_id__in=every) | (
        Q(programme_id__in=settled) & ~Q(status=PhasePlanStatus.CONCEPT)
    )


def allowed(user, action: str, obj) -> bool:
    if action in PROGRAMME_RULES:
        programme = obj if isinstance(obj, Programme) else obj.programme
        return PROGRAMME_RULES[action](user, programme)
    if action in PLAN_RULES:
        return PLAN_RULES[action](user, obj)
    raise ValueError(f"Unknown action for phase plans: {action!r}")
