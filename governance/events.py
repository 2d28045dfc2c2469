"""The history events of the governance services, with the labels history pages show.

A service records one of these codes with structured details (`avk.services`); the label is
filled from the details when the history is read, in the reader's language. Free text a person
typed (why a proposal is withdrawn) goes in details["note"] and is shown after the label.
"""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

EVENTS = {
    # bodies and who sits on them
    "body.created": _("Body created"),
    "body.edited": _("Body edited"),
    "membership.added": _("Seated on the body"),
    "membership.ended": _("Membership ended on %(on)s"),
    # meetings, their agenda and action items
    "meeting.planned": _("Meeting planned"),
    "meeting.edited": _("Meeting edited"),
    "meeting.held": _("Meeting marked as held"),
    "agenda_item.added": _("Added to the agenda"),
    "action_item.added": _("Action item added"),
    "action_item.done": _("Action item done on %(on)s"),
    "action_item.reopened": _("Action item reopened"),
    "meeting.attendance": _("Attendance, chair and minute taker recorded"),
    "attendance.recorded": _("Attendance of %(person)s recorded"),
    "attendance.removed": _("Attendance of %(person)s removed"),
    # the proposal's workflow
    "proposal.drafted": _("Proposal drafted"),
    "proposal.edited": _("Proposal edited"),
    "proposal.submitted": _("Proposal submitted"),
    "proposal.scheduled": _("Put on the agenda of %(meeting)s"),
    "proposal.round_opened": _("Written round opened until %(deadline)s"),
    "proposal.reminder_sent": _("Reminder of the written round sent"),
    "proposal.reminded": _("Reminder sent to the members who had not voted: %(names)s"),
    "proposal.round_closed": _("Written round closed"),
    "proposal.decided": _("Decided in %(meeting)s"),
    "proposal.deferred": _("Decisions deferred to a later meeting"),
    "proposal.withdrawn": _("Proposal withdrawn"),
    "attachment.added": _("Attachment added"),
    # proposed decisions and what was decided
    "decision.written": _("Proposed decision written"),
    "decision.removed": _("Proposed decision removed"),
    "decision.adopted": _("Adopted as %(number)s"),
    "decision.adopted_amended": _("Adopted with amendment as %(number)s"),
    "decision.rejected": _("Rejected"),
    "decision.deferred": _("Deferred"),
    "decision.noted": _("Noted"),
    "decision.correction_adopted": _("Correction of %(corrects)s adopted as %(number)s"),
    "decision.correction_rejected": _("Correction of %(corrects)s rejected"),
    "vote.cast": _("Vote cast"),
    "vote.changed": _("Vote changed"),
}

register_events(EVENTS)
