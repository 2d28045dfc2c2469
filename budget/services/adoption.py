"""A budget is adopted (vastgesteld) only by a board decision: the budget is put before a body
as a proposal whose decision names it as its subject, and governance's one decide step calls
`budget_adopt` (registered in `avk.adoption`) when that decision is adopted. `budget_check`
refuses, in Dutch and naming the gap, a budget whose costs and coverage differ."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.formats import money
from avk.policy import require
from avk.services import lock, touch, update_versioned
from governance.models import DecisionKind
from governance.services import proposal_create, proposal_submit

from ..models import Budget, BudgetStatus
from ..selectors import balance_of, derived_contributions, pending_decisions


def budget_check(budget: Budget) -> None:
    """Raise a ValidationError unless the budget can be adopted now: a concept with cost lines
    whose costs equal its coverage."""
    budget = Budget.objects.select_related("programme").get(pk=budget.pk)
    if budget.status != BudgetStatus.CONCEPT:
        raise ValidationError(
            _("%(budget)s has been adopted already.") % {"budget": budget.label},
            code="adopted",
        )
    costs, coverage = balance_of(budget)
    if not costs:
        raise ValidationError(_("The budget has no costs yet."), code="empty")
    if costs != coverage:
        raise ValidationError(
            _(
                "The budget does not balance: the costs are %(costs)s and the coverage is "
                "%(coverage)s, a gap of %(gap)s. Costs and coverage must be equal before the "
                "budget can be adopted."
            )
            % {
                "costs": money(costs),
                "coverage": money(coverage),
                "gap": money(abs(costs - coverage)),
            },
            code="unbalanced",
        )


def budget_adopt(budget: Budget, *, decision, by) -> None:
    """Adopt the budget by `decision` (called by the decide step, inside its transaction): the
    member contributions derived from the commitments are fixed at their amount today, the
    budget becomes vastgesteld and names the decision; the version it amends records it."""
    budget = lock(budget)
    budget_check(budget)
    line = budget.lines.filter(derived=True).first()
    if line is not None:
        total = derived_contributions(budget).total
        update_versioned(
            line,
            version=None,
            by=by,
            event="line.fixed",
            details={"amount": money(total)},
            amount=total,
        )
    number = decision.number or str(decision)
    update_versioned(
        budget,
        version=None,
        by=by,
        event="budget.adopted",
        details={"number": number},
        status=BudgetStatus.ADOPTED,
        adopted_by=decision,
        adopted_on=decision.decided_on or timezone.localdate(),
    )
    if budget.amends_id:
        touch(
            budget.amends,
            by=by,
            event="budget.amended",
            details={"n": budget.revision, "number": number},
        )


@transaction.atomic
def budget_submit(*, budget_id: int, body, by, introduction: str = ""):
    """Put the budget before `body` (the board) for adoption: a proposal with one decision
    naming the budget, drafted and submitted at once (the secretary puts it on an agenda or in
    a written round). Refused while the budget does not balance, or when it is before the
    board already."""
    budget = lock(Budget, pk=budget_id)
    require(by, "budget.submit", budget)
    budget_check(budget)
    waiting = pending_decisions(budget).first()
    if waiting is not None:
        raise ValidationError(
            _("This budget is already before the board in the proposal '%(proposal)s'.")
            % {"proposal": waiting.proposal.title}
        )
    costs, _coverage = balance_of(budget)
    proposal = proposal_create(
        programme=budget.programme,
        body=body,
        title=_("Adopt %(budget)s") % {"budget": budget.label},
        drafter=by,
        by=by,
        introduction=introduction,
        decisions=[
            {
                "kind": DecisionKind.AGREE,
                "text": _("the budget '%(budget)s', with costs and coverage of %(total)s each")
                % {"budget": budget.label, "total": money(costs)},
                "subject": budget,
            }
        ],
    )
    proposal = proposal_submit(proposal_id=proposal.pk, by=by)
    touch(budget, by=by, event="budget.submitted", details={"body": body.name})
    return proposal
