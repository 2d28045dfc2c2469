"""The reflection overview of a programme, a round's page, its follow-up, PDF and history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.pdf import pdf_response
from avk.shortcuts import history_page, object_for, programme_for

from .. import selectors, services
from ..forms import RoundForm, ThemeForm
from ..models import FollowUpStatus
from ._common import ROUNDS, THEMES, error_messages, go, save_form


def round_list(request, slug):
    programme = programme_for(request, slug, "reflection.view")
    user = request.user
    return render(
        request,
        "reflection/round_list.html",
        {
            "programme": programme,
            "rounds": selectors.rounds(programme),
            "frameworks": selectors.frameworks(programme),
            "can_change": policy.allowed(user, "reflection.change", programme),
            "can_view_scans": policy.allowed(user, "reflection.view_scans", programme),
        },
    )


def round_create(request, slug):
    programme = programme_for(request, slug, "reflection.change")
    form = RoundForm(request.POST or None)
    return save_form(
        request,
        form,
        lambda data: services.round_create(programme=programme, by=request.user, **data),
        done=lambda round_: round_.get_absolute_url(),
        template="reflection/round_form.html",
        context={"programme": programme, "round": None},
        message=lambda round_: _("Added: %(item)s.") % {"item": round_},
    )


def round_edit(request, pk):
    round_ = object_for(request, ROUNDS, "reflection.change", pk=pk)
    form = RoundForm(request.POST or None, instance=round_)

    def save(data):
        version = data.pop("version")
        return services.round_update(round_id=round_.pk, version=version, by=request.user, **data)

    return save_form(
        request,
        form,
        save,
        done=lambda saved: saved.get_absolute_url(),
        template="reflection/round_form.html",
        context={"programme": round_.programme, "round": round_},
        message=_("Saved."),
    )


def round_detail(request, pk):
    object_for(request, ROUNDS, "reflection.view", pk=pk)
    page = selectors.round_page(pk)
    user = request.user
    programme = page["programme"]
    return render(
        request,
        "reflection/round_detail.html",
        {
            **page,
            "can_change": policy.allowed(user, "reflection.change", programme),
            "can_view_history": policy.allowed(user, "reflection.view_history", programme),
            "theme_form": ThemeForm(),
        },
    )


def round_follow_up(request, pk):
    round_ = object_for(request, ROUNDS, "reflection.view", pk=pk)
    status = request.GET.get("status") or ""
    if status not in FollowUpStatus.values:
        status = ""
    points = selectors.follow_up(round_, status=status)
    user = request.user
    for point in points:
        point.shown_links = selectors.shown(point.links.all(), user)
        for ingredient in point.ingredients.all():
            ingredient.shown_links = selectors.shown(ingredient.links.all(), user)
    counts = selectors.status_counts(round_)
    return render(
        request,
        "reflection/follow_up.html",
        {
            "round": round_,
            "programme": round_.programme,
            "points": points,
            "status": status,
            "statuses": [(code, label, counts[code]) for code, label in FollowUpStatus.choices],
            "unaddressed": [
                p for p in points if p.status == FollowUpStatus.OPEN and not p.shown_links
            ],
            "can_change": policy.allowed(user, "reflection.change", round_.programme),
        },
    )


def round_pdf(request, pk):
    object_for(request, ROUNDS, "reflection.view", pk=pk)
    document = selectors.round_document(pk)
    round_ = document["round"]
    return pdf_response(
        "reflection/pdf/round.html",
        document,
        filename=f"{round_.programme.slug}-{round_.title}",
        request=request,
    )


def round_history(request, pk):
    round_ = object_for(request, ROUNDS, "reflection.view_history", pk=pk)
    return history_page(
        request,
        round_,
        title=_("Reflection round: %(title)s") % {"title": round_.title},
        back_url=round_.get_absolute_url(),
        back_label=_("Back to the round"),
    )


@require_POST
def theme_add(request, pk):
    round_ = object_for(request, ROUNDS, "reflection.change", pk=pk)
    form = ThemeForm(request.POST)
    if form.is_valid():
        try:
            services.theme_add(round_=round_, by=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Theme added."))
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
    return go(request, reverse("reflection:round-detail", args=[round_.pk]) + "#themes")


@require_POST
def theme_remove(request, pk):
    theme = object_for(request, THEMES, "reflection.change", pk=pk)
    round_ = theme.round
    services.theme_remove(theme_id=theme.pk, by=request.user)
    messages.success(request, _("Theme removed."))
    return go(request, reverse("reflection:round-detail", args=[round_.pk]) + "#themes")
