"""Helpers the governance views share."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from avk.forms import add_service_errors
from avk.views import programme_for, remember_programme

from ..models import (
    Proposal,
)

_programme = programme_for


def _proposal(request, pk, rule) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("programme", "body"), pk=pk)
    if not rule(request.user, proposal):
        raise PermissionDenied
    remember_programme(request, proposal.programme)
    return proposal


def _error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


_form_errors = add_service_errors
