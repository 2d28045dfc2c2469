"""What the governance views share: the querysets objects are looked up in, and showing a
service's refusal of a workflow button as messages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError

from ..models import ActionItem, Body, Meeting, Proposal, ProposedDecision

PROPOSALS = Proposal.objects.select_related("programme", "body")
MEETINGS = Meeting.objects.select_related("body__programme")
BODIES = Body.objects.select_related("programme")
ACTION_ITEMS = ActionItem.objects.select_related("body__programme", "meeting")
DECISIONS = ProposedDecision.objects.select_related("proposal__programme", "proposal__body")


def error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
