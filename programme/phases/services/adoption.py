"""A phase plan is adopted (vastgesteld) only by a board decision: the secretary puts it before
a body as a proposal whose decision names the plan, and governance's one decide step calls
`plan_adopt` (registered in `avk.adoption`) when that decision is adopted. Adopting freezes the
plan's contents as they are that day (`PhasePlan.frozen`): later DIN or budget edits do not
change the adopted plan, its page or its PDF."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.formats import money
from avk.policy import require
from avk.services import lock, touch, update_versioned
from budget.models import BudgetStatus
from budget.selectors import balance_of
from budget.selectors import pending_decisions as budget_pending
from governance.models import ADOPTING_OUTCOMES, DecisionKind
from governance.services import proposal_create, proposal_submit

from ..models import PhasePlan, PhasePlanStatus
from ..selectors import live_contents, pending_decisions


def plan_check(plan: PhasePlan) -> None:
    """Raise a ValidationError (Dutch) unless the plan can be adopted now: a concept that takes
    up at least one goal, whose budget (if linked) balances."""
    plan = PhasePlan.objects.select_related("programme", "budget").get(pk=plan.pk)
    if plan.status != PhasePlanStatus.CONCEPT:
        raise ValidationError(
            _("%(plan)s has been adopted already.") % {"plan": plan.title}, code="adopted"
        )
    if not plan.strategic_goals.exists():
        raise ValidationError(
            _("%(plan)s takes up no goals yet: select its goals and efforts first.")
            % {"plan": plan.title},
            code="empty",
        )
    if plan.budget is not None:
        costs, coverage = balance_of(plan.budget)
        if costs != coverage:
            raise ValidationError(
                _(
                    "The budget of %(plan)s does not balance: the costs are %(costs)s and the "
                    "coverage is %(coverage)s."
                )
                % {"plan": plan.title, "costs": money(costs), "coverage": money(coverage)},
                code="unbalanced",
            )


def plan_adopt(plan: PhasePlan, *, decision, by) -> None:
    """Adopt the plan by `decision` (called by the decide step, inside its transaction): its
    contents are frozen as they read today, it becomes vastgesteld and names the decision.
    Refused, in Dutch, for anything but an adopted board decision that names this plan."""
    named = (
        decision is not None
        and decision.subject_id == plan.pk
        and decision.subject_type_id is not None
        and decision.subject_type.model_class() is PhasePlan
        and decision.outcome in ADOPTING_OUTCOMES
    )
    if not named:
        raise ValidationError(
            _("A phase plan is adopted only by a decision of the board that names it."),
            code="no_decision",
        )
    plan = lock(plan)
    plan_check(plan)
    on = decision.decided_on or timezone.localdate()
    frozen = live_contents(plan)
    frozen["frozen_on"] = on.isoformat()
    frozen["decision"] = decision.number or ""
    update_versioned(
        plan,
        version=None,
        by=by,
        event="phaseplan.adopted",
        details={"number": decision.number or str(decision)},
        status=PhasePlanStatus.ADOPTED,
        adopted_by=decision,
        adopted_on=on,
        frozen=frozen,
    )


@transaction.atomic
def plan_submit(*, plan_id: int, body, by, introduction: str = "", with_budget: bool = False):
    """Put the plan before `body` (the board) for adoption: a proposal with a decision naming
    the plan, drafted and submitted at once (the secretary puts it on an agenda or in a written
    round). With `with_budget`, the plan's concept budget is put before the board in the same
    proposal, its decision first, so the plan freezes the adopted budget."""
    plan = lock(PhasePlan, pk=plan_id)
    require(by, "phaseplans.submit", plan)
    plan_check(plan)
    waiting = pending_decisions(plan).select_related("proposal").first()
    if waiting is not None:
        raise ValidationError(
            _("This phase plan is already before the board in the proposal '%(proposal)s'.")
            % {"proposal": waiting.proposal.title}
        )
    decisions = []
    budget = plan.budget
    if with_budget:
        if budget is None or budget.status != BudgetStatus.CONCEPT:
            raise ValidationError(
                {"with_budget": _("The plan has no concept budget to put before the board.")}
            )
        if budget_pending(budget).exists():
            raise ValidationError(
                {"with_budget": _("The budget is already before the board in another proposal.")}
            )
        costs, _coverage = balance_of(budget)
        decisions.append(
            {
                "kind": DecisionKind.AGREE,
                "text": _("the budget '%(budget)s', with costs and coverage of %(total)s each")
                % {"budget": budget.label, "total": money(costs)},
                "subject": budget,
            }
        )
    decisions.append(
        {
            "kind": DecisionKind.AGREE,
            "text": _("%(plan)s (%(period)s)") % {"plan": plan.title, "period": plan.period_label},
            "subject": plan,
        }
    )
    proposal = proposal_create(
        programme=plan.programme,
        body=body,
        title=_("Adopt %(plan)s") % {"plan": plan.title},
        drafter=by,
        by=by,
        introduction=introduction,
        decisions=decisions,
    )
    proposal = proposal_submit(proposal_id=proposal.pk, by=by)
    touch(plan, by=by, event="phaseplan.submitted", details={"body": body.name})
    return proposal
