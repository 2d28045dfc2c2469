"""An attention point's page: its ingredients, its follow-up status and what took it up; and
the small posts that change them (move, remove, status, links)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.concurrency import StaleEdit
from avk.history import entries
from avk.shortcuts import history_page, object_for, posted_version

from .. import selectors, services
from ..forms import AttentionPointForm, IngredientForm, LinkForm, StatusForm
from ._common import INGREDIENTS, LINKS, POINTS, back, error_messages, go, save_form


def _point_url(point, anchor: str = "") -> str:
    return reverse("reflection:point-detail", args=[point.pk]) + anchor


def point_detail(request, pk):
    object_for(request, POINTS, "reflection.view", pk=pk)
    point = selectors.point_page(pk)
    user = request.user
    can_change = policy.allowed(user, "reflection.change", point.programme)
    point.shown_links = selectors.shown(point.links.all(), user)
    for ingredient in point.ingredients.all():
        ingredient.shown_links = selectors.shown(ingredient.links.all(), user)
    return render(
        request,
        "reflection/point_detail.html",
        {
            "point": point,
            "session": point.session,
            "round": point.session.round,
            "programme": point.programme,
            "can_change": can_change,
            "can_view_history": policy.allowed(user, "reflection.view_history", point.programme),
            "choices": selectors.link_choices(point.programme) if can_change else [],
            "statuses": StatusForm.base_fields["status"].choices,
        },
    )


def point_edit(request, pk):
    point = object_for(request, POINTS, "reflection.change", pk=pk)
    session = point.session
    form = AttentionPointForm(request.POST or None, instance=point, session=session)

    def save(data):
        version = data.pop("version")
        return services.point_update(point_id=point.pk, version=version, by=request.user, **data)

    return save_form(
        request,
        form,
        save,
        done=lambda saved: _point_url(saved),
        template="reflection/entry_form.html",
        context={
            "programme": point.programme,
            "round": session.round,
            "session": session,
            "title": _("Edit attention point %(reference)s") % {"reference": point.reference},
        },
        message=_("Saved."),
    )


def point_remove(request, pk):
    point = object_for(request, POINTS, "reflection.change", pk=pk)
    session = point.session
    if request.method == "POST":
        services.point_remove(point_id=point.pk, by=request.user)
        messages.success(
            request,
            _("Attention point %(reference)s removed. Renumber the session to close the gap.")
            % {"reference": point.reference},
        )
        return redirect(reverse("reflection:session-detail", args=[session.pk]) + "#points")
    return render(
        request,
        "reflection/confirm_remove.html",
        {
            "programme": point.programme,
            "round": session.round,
            "session": session,
            "obj": point,
            "what": _("attention point %(reference)s “%(title)s” with its ingredients")
            % {"reference": point.reference, "title": point.title},
            "cancel_url": point.get_absolute_url(),
        },
    )


@require_POST
def point_move(request, pk):
    point = object_for(request, POINTS, "reflection.change", pk=pk)
    try:
        services.point_move(
            point_id=point.pk, direction=request.POST.get("direction", ""), by=request.user
        )
    except ValidationError as error:
        error_messages(request, error)
    return go(
        request, reverse("reflection:session-detail", args=[point.session_id]) + f"#point-{pk}"
    )


def point_history(request, pk):
    """The point's history with its ingredients' (a point's follow-up is often theirs)."""
    point = object_for(request, POINTS, "reflection.view_history", pk=pk)
    merged = entries(point)
    for ingredient in point.ingredients.all():
        merged.extend(entries(ingredient))
    merged.sort(key=lambda entry: entry["when"], reverse=True)
    return history_page(
        request,
        point,
        title=_("Attention point: %(title)s") % {"title": point.title},
        back_url=point.get_absolute_url(),
        back_label=_("Back to the attention point"),
        history=merged,
    )


# --- ingredients ------------------------------------------------------------------------------


def ingredient_add(request, pk):
    point = object_for(request, POINTS, "reflection.change", pk=pk)
    form = IngredientForm(request.POST or None)
    return save_form(
        request,
        form,
        lambda data: services.ingredient_add(point=point, by=request.user, **data),
        done=lambda ingredient: back(request, _point_url(point)) + f"#ingredient-{ingredient.pk}",
        template="reflection/entry_form.html",
        context={
            "programme": point.programme,
            "round": point.session.round,
            "session": point.session,
            "title": _("New ingredient for %(point)s") % {"point": point},
        },
        message=_("Ingredient added."),
    )


def ingredient_edit(request, pk):
    ingredient = object_for(request, INGREDIENTS, "reflection.change", pk=pk)
    point = ingredient.attention_point
    form = IngredientForm(request.POST or None, instance=ingredient)

    def save(data):
        version = data.pop("version")
        return services.ingredient_update(
            ingredient_id=ingredient.pk, version=version, by=request.user, **data
        )

    return save_form(
        request,
        form,
        save,
        done=lambda saved: _point_url(point, f"#ingredient-{saved.pk}"),
        template="reflection/entry_form.html",
        context={
            "programme": point.programme,
            "round": point.session.round,
            "session": point.session,
            "title": _("Edit ingredient"),
            "remove_url": reverse("reflection:ingredient-remove", args=[ingredient.pk]),
        },
        message=_("Saved."),
    )


@require_POST
def ingredient_move(request, pk):
    ingredient = object_for(request, INGREDIENTS, "reflection.change", pk=pk)
    try:
        services.ingredient_move(
            ingredient_id=ingredient.pk,
            direction=request.POST.get("direction", ""),
            by=request.user,
        )
    except ValidationError as error:
        error_messages(request, error)
    return go(request, _point_url(ingredient.attention_point, f"#ingredient-{pk}"))


@require_POST
def ingredient_remove(request, pk):
    ingredient = object_for(request, INGREDIENTS, "reflection.change", pk=pk)
    services.ingredient_remove(ingredient_id=ingredient.pk, by=request.user)
    messages.success(request, _("Ingredient removed."))
    return go(request, _point_url(ingredient.attention_point, "#ingredients"))


# --- follow-up: status and links ----------------------------------------------------------------


def _set_status(request, source, anchor: str):
    version = posted_version(request)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.follow_up_set(
                source=source,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                version=version,
                by=request.user,
            )
        except (StaleEdit, ValidationError) as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Follow-up saved."))
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
    return go(request, anchor)


@require_POST
def point_status(request, pk):
    point = object_for(request, POINTS, "reflection.change", pk=pk)
    return _set_status(request, point, _point_url(point, "#follow-up"))


@require_POST
def ingredient_status(request, pk):
    ingredient = object_for(request, INGREDIENTS, "reflection.change", pk=pk)
    return _set_status(
        request, ingredient, _point_url(ingredient.attention_point, f"#ingredient-{pk}")
    )


def _link(request, source, anchor: str):
    form = LinkForm(request.POST, choices=selectors.link_choices(source.programme))
    if form.is_valid():
        try:
            services.link_add(
                source=source,
                value=form.cleaned_data["target"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Link saved."))
    else:
        messages.error(request, _("Choose what took this up from the list."))
    return go(request, anchor)


@require_POST
def point_link(request, pk):
    point = object_for(request, POINTS, "reflection.change", pk=pk)
    return _link(request, point, _point_url(point, "#follow-up"))


@require_POST
def ingredient_link(request, pk):
    ingredient = object_for(request, INGREDIENTS, "reflection.change", pk=pk)
    return _link(request, ingredient, _point_url(ingredient.attention_point, f"#ingredient-{pk}"))


@require_POST
def link_remove(request, pk):
    link = object_for(request, LINKS, "reflection.change", pk=pk)
    point = link.attention_point or link.ingredient.attention_point
    services.link_remove(link_id=link.pk, by=request.user)
    messages.success(request, _("Link removed."))
    return go(request, _point_url(point, "#follow-up"))
