"""What the reflection views share: the querysets objects are looked up in (with what the
access check needs), and the one way a form's post is saved through a service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors

from ..models import (
    AttentionPoint,
    FollowUpLink,
    Ingredient,
    Observation,
    QuickScan,
    Round,
    Session,
    Statement,
    Theme,
)

ROUNDS = Round.objects.select_related("programme")
THEMES = Theme.objects.select_related("round__programme")
SESSIONS = Session.objects.select_related("programme", "round", "framework")
POINTS = AttentionPoint.objects.select_related("programme", "session__round", "category")
INGREDIENTS = Ingredient.objects.select_related(
    "attention_point__programme", "attention_point__session"
)
OBSERVATIONS = Observation.objects.select_related("session__programme", "session__framework")
STATEMENTS = Statement.objects.select_related("session__programme", "session__framework")
LINKS = FollowUpLink.objects.select_related("programme", "attention_point", "ingredient")
SCANS = QuickScan.objects.select_related("programme", "round")


def save_form(request, form, save, *, done, template: str, context: dict, message=None):
    """Validate `form`; on a valid post call `save(cleaned_data)` (a service) and redirect to
    `done(obj)`; a service's ValidationError (a stale edit too) is shown on the form, in
    Dutch, and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            obj = save(data)
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if message:
                messages.success(request, message(obj) if callable(message) else message)
            return redirect(done(obj))
    return render(request, template, {**context, "form": form}, status=_status(request, form))


def _status(request, form) -> int:
    """A post that saved nothing answers 400, so a script or test sees the refusal."""
    return 400 if request.method == "POST" and form.errors else 200


def error_messages(request, error: ValidationError) -> None:
    """A refused step without a form (move, remove): its Dutch messages on the next page."""
    for text in error.messages:
        messages.error(request, text)


def back(request, fallback: str) -> str:
    """Where to go after a small post: the page it came from (`next`, a local path only), at
    the fallback's anchor; else `fallback`."""
    target = (request.POST.get("next") or "").split("#")[0]
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        fragment = fallback.partition("#")[2]
        return target + (f"#{fragment}" if fragment else "")
    return fallback


def go(request, fallback: str):
    return redirect(back(request, fallback))
