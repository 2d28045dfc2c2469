"""The history events of the budget's services, with the labels history pages show."""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

EVENTS = {
    "budget.created": _("Budget created"),
    "budget.edited": _("Budget edited"),
    "budget.amendment_created": _("Amendment %(n)s drafted"),
    "budget.submitted": _("Put before %(body)s for adoption"),
    "budget.adopted": _("Adopted by decision %(number)s"),
    "budget.amended": _("Changed by amendment %(n)s, adopted by decision %(number)s"),
    "budget.closed": _("Closed on %(on)s"),
    "budget.lines_imported": _("%(count)s lines imported"),
    "budget.line_added": _("Line added: %(line)s"),
    "budget.line_edited": _("Line edited: %(line)s"),
    "budget.line_removed": _("Line removed: %(line)s"),
    "line.created": _("Line added"),
    "line.edited": _("Line edited"),
    "line.removed": _("Line removed"),
    "line.imported": _("Line imported"),
    "line.copied": _("Line copied into amendment %(n)s"),
    "line.fixed": _("Member contributions fixed at adoption: %(amount)s"),
    "realisation.recorded": _("Realisation recorded"),
    "realisation.removed": _("Realisation removed"),
    "realisation.imported": _("Transaction read from the books"),
    "realisation.mapped": _("Ledger account %(account)s mapped to a line"),
    "contribution.invoiced": _("Contribution for %(year)s invoiced"),
    "contribution.paid": _("Payment of %(amount)s recorded on %(on)s"),
    "contribution.edited": _("Contribution edited"),
    "ledger.mapped": _("Ledger account %(account)s mapped to %(line)s"),
    "ledger.remapped": _("Ledger account %(account)s now maps to %(line)s"),
}

register_events(EVENTS)
