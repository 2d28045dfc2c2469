"""Helpers the governance views share."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from avk.views import remember_programme
from programme.models import Programme

from ..models import (
    Proposal,
)


def _programme(request, slug, rule) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    if not rule(request.user, programme):
        raise PermissionDenied
    remember_programme(request, programme)
    return programme


def _proposal(request, pk, rule) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("programme", "body"), pk=pk)
    if not rule(request.user, proposal):
        raise PermissionDenied
    remember_programme(request, proposal.programme)
    return proposal


def _error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
