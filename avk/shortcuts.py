"""View plumbing every app shares: the programme or object a URL names, if the person may act on
it (404 when it does not exist, 403 with a Dutch message when refused), and the hidden version a
form was opened with (400 with a Dutch message when the post is damaged).

    def partner_edit(request, slug, pk):
        programme = programme_for(request, slug, "partners.view_list")
        partners = Partner.objects.in_programme(programme)
        partner = object_for(request, partners, "partners.change", pk=pk)
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import models
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from .history import entries
from .policy import require

SESSION_PROGRAMME = "programme"


class DamagedPost(BadRequest):
    """A post whose hidden fields are missing or tampered with: answered with 400."""

    def __init__(self, message=None):
        self.message = message or _(
            "The form was damaged on its way (a hidden field is missing or changed). Nothing "
            "has been saved. Reload the page and try again."
        )
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


def programme_model() -> type[models.Model]:
    """The model of a programme (`settings.AVK_PROGRAMME_MODEL`), without importing its app."""
    return apps.get_model(settings.AVK_PROGRAMME_MODEL)


def remember_programme(request, programme) -> None:
    """Programme-scoped views call this (the helpers below do): the menu then shows that
    programme's entries."""
    request.programme = programme
    session = getattr(request, "session", None)
    if session is not None and session.get(SESSION_PROGRAMME) != programme.pk:
        session[SESSION_PROGRAMME] = programme.pk


def programme_for(request, slug: str, action: str, *, queryset=None):
    """The programme named in the URL, if the person may do `action` there: 404 for an unknown
    programme, 403 (`Refused`) when not. Every programme-scoped view starts here; `queryset`
    (a selector's, with what the page needs) saves fetching the programme twice."""
    programme = get_object_or_404(programme_model() if queryset is None else queryset, slug=slug)
    require(request.user, action, programme)
    remember_programme(request, programme)
    return programme


def object_for(request, queryset, action: str, **lookup):
    """The object `lookup` names in `queryset` (a model or queryset), if the person may do
    `action` to it now: 404 when it does not exist, 403 (`Refused`) when refused. Its programme
    becomes the current one for the menu."""
    obj = get_object_or_404(queryset, **lookup)
    require(request.user, action, obj)
    programme = getattr(obj, "programme", None)
    if isinstance(programme, programme_model()):
        remember_programme(request, programme)
    return obj


def posted_version(request, name: str = "version") -> int:
    """The version a form was opened with (hidden field); DamagedPost (400) when missing or not
    a whole number, never a silent version 0."""
    raw = (request.POST.get(name) or "").strip()
    if not raw.isdigit():
        raise DamagedPost
    return int(raw)


def history_page(
    request, obj, *, title: str, back_url: str = "", back_label: str = "", history=None
):
    """The history page of `obj` (the one shared layout, avk/history.html): who changed what and
    when, in the reader's language. The view has already asked the policy for `obj`. `history`
    defaults to `avk.history.entries(obj)`; an area that merges several rows' histories (a
    programme with its phases) passes its own list of entries in the same shape."""
    return render(
        request,
        "avk/history.html",
        {
            "obj": obj,
            "title": title,
            "back_url": back_url,
            "back_label": back_label,
            "history": entries(obj) if history is None else history,
        },
    )
