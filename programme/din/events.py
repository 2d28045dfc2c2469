"""The history events of the DIN's services, with the labels every history page shows (in the
reader's language; `%(name)s` takes the event's details). Registered on import: the services
import this module, so the events exist before the first change is recorded."""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

EVENTS = {
    # the tree
    "din.line.created": _("programme line added"),
    "din.line.edited": _("programme line edited"),
    "din.line.removed": _("programme line removed"),
    "din.strategic_goal.created": _("strategic goal added"),
    "din.strategic_goal.edited": _("strategic goal edited"),
    "din.strategic_goal.removed": _("strategic goal removed"),
    "din.operational_goal.created": _("operational goal added"),
    "din.operational_goal.edited": _("operational goal edited"),
    "din.operational_goal.removed": _("operational goal removed"),
    # ordering among siblings
    "din.moved_up": _("moved up"),
    "din.moved_down": _("moved down"),
    "din.order_closed_up": _("order closed up after a removal"),
    # efforts; details of an edit: {"goals": [...], "partners": [...], "capitals": [...]}, the
    # links after the edit, only of the kinds that changed
    "din.effort.created": _("effort added"),
    "din.effort.edited": _("effort edited"),
    "din.effort.removed": _("effort removed"),
    "din.effort.progress_reported": _("progress reported"),
    "din.effort.goal_link_moved": _("goal link moved from '%(from)s' to '%(to)s'"),
    "din.effort.unlinked": _("unlinked from goal '%(goal)s'"),
    # working groups and their members
    "din.working_group.created": _("working group added"),
    "din.working_group.edited": _("working group edited"),
    "din.working_group.removed": _("working group removed"),
    "din.working_group.member_added": _("member added: %(member)s"),
    "din.working_group.member_removed": _("member removed: %(member)s"),
    "din.member.added": _("member added to working group"),
    "din.member.removed": _("member removed from working group"),
    # indicators and measurements
    "din.indicator.created": _("indicator added"),
    "din.indicator.edited": _("indicator edited"),
    "din.indicator.removed": _("indicator removed"),
    "din.indicator.moved_with_goal": _("moved along when its goal was removed"),
    "din.measurement.entered": _("measurement entered (draft)"),
    "din.measurement.entered_approved": _("measurement entered by the programme team (approved)"),
    "din.measurement.approved": _("measurement approved"),
    "din.measurement.returned": _("measurement sent back"),
    "din.measurement.resubmitted": _("measurement corrected and offered again"),
}

register_events(EVENTS)
