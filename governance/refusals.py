"""Why a governance step is refused, in Dutch, when the reason lies in the object's state (a
decided proposal cannot be withdrawn) or, for voting, in who votes. Part of the area's policy:
registered with the gate (`avk.policy.register(..., refusal=why_not)`), so every
`policy.require(user, "governance.<verb>", obj)` refuses with the reason."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Proposal, ProposalStatus
from .permissions import STEPS
from .permissions.proposals import _records

S = ProposalStatus


def _cannot(proposal: Proposal, doing: str) -> str:
    return _("A proposal with status '%(status)s' cannot %(doing)s.") % {
        "status": S(proposal.status).label,
        "doing": doing,
    }


def state_refusal(verb: str, proposal: Proposal) -> str:
    """Why the proposal's status does not allow the step (for someone who may take it)."""
    status = proposal.status
    if verb == "edit":
        return _(
            "This proposal has been submitted; only a draft can be edited, its decisions included."
        )
    if verb == "submit":
        return _cannot(proposal, _("be submitted"))
    if verb == "schedule":
        if status == S.CONCEPT:
            return _("A draft cannot be put on the agenda; submit it first.")
        return _cannot(proposal, _("be put on an agenda"))
    if verb == "open_round":
        if status == S.CONCEPT:
            return _("A draft cannot go to a written round; submit it first.")
        return _cannot(proposal, _("be put to a written round"))
    if verb == "close_round":
        if status == S.DECIDED:
            return _("This proposal has been decided already; a decision is final.")
        return _cannot(proposal, _("be closed as a written round"))
    if verb == "withdraw":
        if status == S.DECIDED:
            return _("A decided proposal cannot be withdrawn; a decision is final.")
        return _cannot(proposal, _("be withdrawn"))
    if verb == "record":
        if status == S.DECIDED:
            return _("This proposal has been decided already; a decision is final.")
        if status == S.CONCEPT:
            return _("A draft cannot be decided; submit it and put it on an agenda.")
        return _cannot(proposal, _("be decided in a meeting"))
    # attach
    if status in (S.DECIDED, S.WITHDRAWN):
        return _("A decided or withdrawn proposal gets no new attachments.")
    return _cannot(proposal, _("get new attachments"))


def _vote_refusal(user, proposal: Proposal) -> str:
    if proposal.status != S.WRITTEN_ROUND:
        return _("This proposal is not in a written round; voting is closed.")
    if proposal.deadline_passed:
        return _("The deadline of this written round has passed; voting is closed.")
    return _("Only current voting members of %(body)s vote on this proposal.") % {
        "body": proposal.body
    }


def why_not(user, verb: str, obj) -> str | None:
    """The Dutch reason a step is refused, when it lies in the object's state (or, for voting,
    in who votes); None when the person may not take the step at all (the general refusal)."""
    if verb == "vote":
        return _vote_refusal(user, obj)
    if verb in STEPS:
        who, _statuses = STEPS[verb]
        return state_refusal(verb, obj) if who(user, obj) else None
    if verb == "remind" and _records(user, obj):
        if obj.status != S.WRITTEN_ROUND:
            return _("This proposal is not in a written round; there is nobody to remind.")
        return _("The deadline of this written round has passed; a reminder can no longer help.")
    if verb == "correct" and _records(user, obj.proposal):
        return _("Only a taken decision can be corrected.")
    if verb == "decide" and _records(user, obj.proposal):
        return _("A taken decision is final; record a correction instead.")
    return None
