"""The history events of the reflection services, with the labels history pages show."""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

from .models import FollowUpStatus

EVENTS = {
    # frameworks (the admin)
    "framework.created": _("Framework created"),
    "framework.edited": _("Framework edited"),
    "framework.removed": _("Framework removed"),
    "framework_part.saved": _("Category or guiding topic saved"),
    "framework_part.removed": _("Category or guiding topic removed"),
    # rounds, themes and sessions
    "round.created": _("Reflection round created"),
    "round.edited": _("Reflection round edited"),
    "theme.added": _("Theme %(name)s added"),
    "theme.removed": _("Theme %(name)s removed"),
    "session.created": _("Session created"),
    "session.edited": _("Session edited"),
    "session.removed": _("Session removed"),
    # what a session brings forth
    "observation.added": _("Observation added"),
    "observation.edited": _("Observation edited"),
    "observation.removed": _("Observation removed"),
    "point.added": _("Attention point %(reference)s added"),
    "point.edited": _("Attention point edited"),
    "point.removed": _("Attention point %(reference)s removed"),
    "point.moved_up": _("Moved up to number %(number)s"),
    "point.moved_down": _("Moved down to number %(number)s"),
    "point.renumbered": _("Renumbered: %(old)s → %(number)s"),
    "ingredient.added": _("Ingredient added"),
    "ingredient.edited": _("Ingredient edited"),
    "ingredient.removed": _("Ingredient removed"),
    "ingredient.moved": _("Ingredient moved"),
    "statement.added": _("Statement added"),
    "statement.edited": _("Statement edited"),
    "statement.removed": _("Statement removed"),
    # follow-up
    "link.added": _("Taken up by %(target)s"),
    "link.removed": _("No longer linked to %(target)s"),
    # the quick scan
    "scan.created": _("Quick scan created"),
    "scan.edited": _("Quick scan edited"),
    "scan_item.saved": _("Quick scan question saved"),
    "scan_item.removed": _("Quick scan question removed"),
    "scan.filled_in": _("Quick scan filled in for %(partner)s"),
    "scan.answer_saved": _("Answer saved"),
}

#: Events whose details hold a follow-up status's code, shown by its label.
STATUS_EVENTS = {
    "followup.status": _("Follow-up: %(old)s → %(status)s"),
}

register_events(EVENTS)
register_events(STATUS_EVENTS, choices={"status": FollowUpStatus, "old": FollowUpStatus})
