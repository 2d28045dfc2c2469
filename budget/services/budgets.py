"""Drawing up a budget, changing a concept, drafting an amendment (begrotingswijziging) of an
adopted budget, and closing a year. Adoption itself is in `adoption` (by a board decision)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import bulk_create_with_events, lock, save_with_history, update_versioned

from ..models import Budget, BudgetLine, BudgetStatus, Side, SourceKind

#: The line fields copied into a new budget or an amendment.
COPIED_FIELDS = BudgetLine.EDITABLE_FIELDS


def _check_period(programme, valid_from, valid_until, *, exclude_start=None) -> None:
    """A period may not overlap another period's budget of the programme."""
    if not valid_from or not valid_until:
        return
    overlapping = (
        Budget.objects.filter(
            programme=programme, valid_from__lte=valid_until, valid_until__gte=valid_from
        )
        .exclude(valid_from=exclude_start)
        .order_by("valid_from")
        .first()
    )
    if overlapping is not None and overlapping.valid_from != valid_from:
        raise ValidationError(
            {
                "valid_from": _(
                    "The period overlaps the budget %(budget)s (%(from)s to %(until)s)."
                )
                % {
                    "budget": overlapping.title,
                    "from": date_format(overlapping.valid_from),
                    "until": date_format(overlapping.valid_until),
                }
            }
        )


def _copies(lines, budget: Budget, *, keep_lineage: bool) -> list[BudgetLine]:
    copies = []
    for line in lines:
        copy = BudgetLine(budget=budget, **{name: getattr(line, name) for name in COPIED_FIELDS})
        if keep_lineage:
            copy.lineage = line.lineage
        copies.append(copy)
    return copies


@transaction.atomic
def budget_create(
    *,
    programme,
    by,
    title: str,
    valid_from,
    valid_until,
    explanation: str = "",
    copy_from: Budget | None = None,
) -> Budget:
    """A new concept budget for a period. Its lines are copied from `copy_from` (another
    period's budget of the programme), else it starts with the member contributions line,
    derived from the commitments."""
    require(by, "budget.create", programme)
    if copy_from is not None and copy_from.programme_id != programme.pk:
        raise ValidationError({"copy_from": _("This budget belongs to another programme.")})
    _check_period(programme, valid_from, valid_until)
    budget = Budget(
        programme=programme,
        title=title,
        valid_from=valid_from,
        valid_until=valid_until,
        explanation=explanation,
    )
    save_with_history(budget, by=by, event="budget.created")
    if copy_from is not None:
        lines = _copies(copy_from.lines.order_by("side", "order", "pk"), budget, keep_lineage=False)
    else:
        lines = [
            BudgetLine(
                budget=budget,
                side=Side.COVERAGE,
                description=_("Yearly member contributions"),
                source_kind=SourceKind.MEMBERS,
                derived=True,
            )
        ]
    bulk_create_with_events(lines, BudgetLine, by=by, event="line.created")
    return budget


@transaction.atomic
def budget_update(*, budget_id: int, version: int, by, **fields) -> Budget:
    """Change a concept's title, period or explanation (`Budget.EDITABLE_FIELDS`)."""
    unknown = set(fields) - set(Budget.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a budget field: {', '.join(sorted(unknown))}")
    budget = lock(Budget, pk=budget_id)
    require(by, "budget.change", budget)
    start = fields.get("valid_from", budget.valid_from)
    end = fields.get("valid_until", budget.valid_until)
    if (start, end) != (budget.valid_from, budget.valid_until):
        if budget.revision:
            raise ValidationError(
                {"valid_from": _("An amendment keeps the period of the budget it amends.")}
            )
        _check_period(budget.programme, start, end, exclude_start=budget.valid_from)
    return update_versioned(budget, version=version, by=by, event="budget.edited", **fields)


@transaction.atomic
def budget_amend(*, budget_id: int, by) -> Budget:
    """Draft an amendment (begrotingswijziging) of an adopted budget: a new concept version
    of the same period with a copy of its lines, to be adopted by a decision of its own. The
    copies keep their lines' lineage, so the realisation recorded so far counts for them."""
    budget = lock(Budget, pk=budget_id)
    require(by, "budget.amend", budget)
    amendment = Budget(
        programme=budget.programme,
        title=budget.title,
        valid_from=budget.valid_from,
        valid_until=budget.valid_until,
        explanation=budget.explanation,
        revision=budget.revision + 1,
        amends=budget,
    )
    details = {"n": amendment.revision}
    save_with_history(amendment, by=by, event="budget.amendment_created", details=details)
    lines = _copies(budget.lines.order_by("side", "order", "pk"), amendment, keep_lineage=True)
    bulk_create_with_events(lines, BudgetLine, by=by, event="line.copied", details=details)
    return amendment


@transaction.atomic
def budget_close(*, budget_id: int, by, on=None) -> Budget:
    """Close the year: the adopted budget (its latest version) becomes afgesloten; no more
    realisation is recorded on it."""
    budget = lock(Budget, pk=budget_id)
    require(by, "budget.close", budget)
    day = on or timezone.localdate()
    return update_versioned(
        budget,
        version=None,
        by=by,
        event="budget.closed",
        details={"on": day},
        status=BudgetStatus.CLOSED,
        closed_on=day,
    )
