"""Who may do what with a programme's budget. The only place that decides it; registered as the
"budget" policy, so everything asks `avk.policy.allowed(user, "budget.<verb>", obj)` or
`require(...)`.

Every answer names the programme: a role in one programme gives nothing in another. The back
office (programme team and secretariat) keeps the budget: drafts and edits concepts, records
realisation (the programme controller sits in the programme team), puts a budget before the
board, drafts amendments, invoices and records the contributions received. The board reads
every budget, its member contributions per partner and who has paid. Everyone else with a role
in the programme (partner contacts, readers) reads the adopted budgets without the amounts per
partner; a partner contact sees its own organisation's contribution. Only the programme team
closes a year. A rule answers for the budget's state too: an adopted budget is read-only.

Verbs:
  view_list, create, view_contributions,
  manage_contributions, view_mine        obj: a Programme
  view, view_breakdown, export,
  view_history, change, import, submit,
  amend, close, record_realisation       obj: a Budget (or anything with .budget)
  view_contribution                      obj: a MemberContribution, or (programme, partner)
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser
from partners.permissions import speaks_for
from programme.core.models import Programme

from .models import Budget, BudgetStatus, MemberContribution


def is_back_office(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE_ROLES)


def reads_everything(user, programme) -> bool:
    """The back office and the board: every budget, concepts and amounts per partner too."""
    return is_back_office(user, programme) or has_role(user, programme, Role.BOARD)


# Programme-wide --------------------------------------------------------------------------------


def can_view_list(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme)


def can_create(user, programme) -> bool:
    return is_back_office(user, programme)


def can_view_contributions(user, programme) -> bool:
    """Every partner's contribution, invoiced and paid: who is behind."""
    return reads_everything(user, programme)


def can_manage_contributions(user, programme) -> bool:
    return is_back_office(user, programme)


def can_view_mine(user, programme) -> bool:
    """ "Our contribution": for someone who speaks for an organisation in the programme."""
    from partners.permissions import contact_partner_ids

    return bool(contact_partner_ids(user, programme))


# One budget ----------------------------------------------------------------------------------


def _later_versions(budget: Budget) -> list[Budget]:
    """The later versions of the budget's period: from the versions its page has read
    already (`period_versions`, set by `selectors.budget_sheet`), else by a query."""
    versions = getattr(budget, "period_versions", None)
    if versions is None:
        versions = Budget.objects.filter(
            programme_id=budget.programme_id, valid_from=budget.valid_from
        ).only("revision", "status")
    return [version for version in versions if version.revision > budget.revision]


def _latest(budget: Budget) -> bool:
    """No later version of the same period exists (an amendment, adopted or not)."""
    return not _later_versions(budget)


def _superseded(budget: Budget) -> bool:
    """A later version of the same period has been adopted."""
    adopted = (BudgetStatus.ADOPTED, BudgetStatus.CLOSED)
    return any(version.status in adopted for version in _later_versions(budget))


def can_view(user, budget: Budget) -> bool:
    programme = budget.programme_id
    if reads_everything(user, programme):
        return True
    return budget.status != BudgetStatus.CONCEPT and has_role(user, programme)


def can_view_breakdown(user, budget: Budget) -> bool:
    return reads_everything(user, budget.programme_id)


def can_export(user, budget: Budget) -> bool:
    return reads_everything(user, budget.programme_id)


def can_view_history(user, budget: Budget) -> bool:
    return is_back_office(user, budget.programme_id)


def can_change(user, budget: Budget) -> bool:
    """The lines and texts of a concept; an adopted budget changes only by an amendment."""
    return budget.status == BudgetStatus.CONCEPT and is_back_office(user, budget.programme_id)


def can_submit(user, budget: Budget) -> bool:
    return can_change(user, budget)


def can_amend(user, budget: Budget) -> bool:
    return (
        budget.status == BudgetStatus.ADOPTED
        and is_back_office(user, budget.programme_id)
        and _latest(budget)
    )


def can_close(user, budget: Budget) -> bool:
    return (
        budget.status == BudgetStatus.ADOPTED
        and (is_superuser(user) or has_role(user, budget.programme_id, Role.PROGRAMME_TEAM))
        and _latest(budget)
    )


def can_record_realisation(user, budget: Budget) -> bool:
    """Realisation is recorded on the version in force: a concept not yet adopted, or the
    latest adopted version; not on a closed year, nor on a version an amendment replaced."""
    if budget.status == BudgetStatus.CLOSED or not is_back_office(user, budget.programme_id):
        return False
    if budget.status == BudgetStatus.CONCEPT:
        return budget.revision == 0
    return not _superseded(budget)


def can_view_contribution(user, obj) -> bool:
    programme, partner = (
        (obj.programme_id, obj.partner_id) if isinstance(obj, MemberContribution) else obj
    )
    programme_id = programme if isinstance(programme, int) else programme.pk
    return reads_everything(user, programme_id) or speaks_for(user, programme_id, partner)


PROGRAMME_RULES = {
    "view_list": can_view_list,
    "create": can_create,
    "view_contributions": can_view_contributions,
    "manage_contributions": can_manage_contributions,
    "view_mine": can_view_mine,
}
BUDGET_RULES = {
    "view": can_view,
    "view_breakdown": can_view_breakdown,
    "export": can_export,
    "view_history": can_view_history,
    "change": can_change,
    "import": can_change,
    "submit": can_submit,
    "amend": can_amend,
    "close": can_close,
    "record_realisation": can_record_realisation,
}

MESSAGES = {
    "create": _("Only the programme team and the secretariat draw up a budget."),
    "manage_contributions": _(
        "Only the programme team and the secretariat record invoices and payments."
    ),
    "view_mine": _("This page is for the contact person of a partner organisation."),
    "view_contribution": _("You can see only your own organisation's contribution."),
    "close": _("Only the programme team closes the budget of a year."),
}


def refusal(user, verb: str, obj):
    """What stands in the way, when it is the budget's state rather than the person's role."""
    budget = getattr(obj, "budget", obj)
    if not isinstance(budget, Budget) or not is_back_office(user, budget.programme_id):
        return None
    if verb in ("change", "import", "submit") and budget.status != BudgetStatus.CONCEPT:
        return _(
            "This budget has been adopted and can no longer be changed; draft an amendment "
            "(begrotingswijziging) instead."
        )
    if verb in ("amend", "close") and budget.status == BudgetStatus.CONCEPT:
        return _("This budget has not been adopted yet.")
    if verb in ("amend", "close") and budget.status == BudgetStatus.CLOSED:
        return _("This budget has been closed.")
    if verb in ("amend", "close") and not _latest(budget):
        return _("A later version of this budget exists; work on that one.")
    if verb == "record_realisation":
        if budget.status == BudgetStatus.CLOSED:
            return _("This budget has been closed.")
        if budget.status == BudgetStatus.CONCEPT and budget.revision:
            return _("Record realisation on the adopted budget; this amendment is a concept.")
        if _superseded(budget):
            return _("An amendment has replaced this version; record it on the current one.")
    return None


def allowed(user, action: str, obj) -> bool:
    if action in PROGRAMME_RULES:
        programme = obj if isinstance(obj, Programme) else obj.programme
        return PROGRAMME_RULES[action](user, programme)
    if action in BUDGET_RULES:
        budget = obj if isinstance(obj, Budget) else obj.budget
        return BUDGET_RULES[action](user, budget)
    if action == "view_contribution":
        return can_view_contribution(user, obj)
    raise ValueError(f"Unknown action for budget: {action!r}")
