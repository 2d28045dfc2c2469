"""A session's page, filled in during or after the session by the programme team: its
sides/categories with observations, attention points (numbered, reordered, renumbered),
ingredients, other points raised and ranked statements."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.shortcuts import history_page, object_for

from .. import selectors, services
from ..forms import AttentionPointForm, ObservationForm, SessionForm, StatementForm
from ..models import ObservationKind
from ._common import OBSERVATIONS, ROUNDS, SESSIONS, STATEMENTS, go, save_form


def _people(data: dict) -> dict:
    return {"participants": data.pop("participants"), "partners": data.pop("partners")}


def session_create(request, pk):
    round_ = object_for(request, ROUNDS, "reflection.change", pk=pk)
    form = SessionForm(request.POST or None, programme=round_.programme)

    def save(data):
        return services.session_create(round_=round_, by=request.user, **_people(data), **data)

    return save_form(
        request,
        form,
        save,
        done=lambda session: session.get_absolute_url(),
        template="reflection/session_form.html",
        context={"programme": round_.programme, "round": round_, "session": None},
        message=lambda session: _("Added: %(item)s.") % {"item": session},
    )


def session_edit(request, pk):
    session = object_for(request, SESSIONS, "reflection.change", pk=pk)
    form = SessionForm(request.POST or None, instance=session, programme=session.programme)

    def save(data):
        version = data.pop("version")
        people = _people(data)
        return services.session_update(
            session_id=session.pk, version=version, by=request.user, **people, **data
        )

    return save_form(
        request,
        form,
        save,
        done=lambda saved: saved.get_absolute_url(),
        template="reflection/session_form.html",
        context={"programme": session.programme, "round": session.round, "session": session},
        message=_("Saved."),
    )


def session_delete(request, pk):
    session = object_for(request, SESSIONS, "reflection.change", pk=pk)
    if request.method == "POST":
        round_ = session.round
        services.session_delete(session_id=session.pk, by=request.user)
        messages.success(request, _("Removed: %(item)s.") % {"item": session})
        return redirect(round_)
    return render(
        request,
        "reflection/confirm_remove.html",
        {
            "programme": session.programme,
            "round": session.round,
            "obj": session,
            "what": _("the session %(item)s with everything recorded in it") % {"item": session},
            "cancel_url": session.get_absolute_url(),
        },
    )


def session_detail(request, pk):
    object_for(request, SESSIONS, "reflection.view", pk=pk)
    page = selectors.session_page(pk)
    user = request.user
    programme = page["programme"]
    for block in [page["general"], *page["blocks"]]:
        for point in block.points:
            point.shown_links = selectors.shown(point.links.all(), user)
            for ingredient in point.ingredients.all():
                ingredient.shown_links = selectors.shown(ingredient.links.all(), user)
    return render(
        request,
        "reflection/session_detail.html",
        {
            **page,
            "can_change": policy.allowed(user, "reflection.change", programme),
            "can_view_history": policy.allowed(user, "reflection.view_history", programme),
            "kinds": ObservationKind,
        },
    )


def session_history(request, pk):
    session = object_for(request, SESSIONS, "reflection.view_history", pk=pk)
    return history_page(
        request,
        session,
        title=_("Session: %(session)s") % {"session": session},
        back_url=session.get_absolute_url(),
        back_label=_("Back to the session"),
    )


def _anchored(session, anchor: str) -> str:
    return reverse("reflection:session-detail", args=[session.pk]) + anchor


def _entry_context(session, title: str) -> dict:
    return {
        "programme": session.programme,
        "round": session.round,
        "session": session,
        "title": title,
    }


def point_add(request, pk):
    session = object_for(request, SESSIONS, "reflection.change", pk=pk)
    form = AttentionPointForm(request.POST or None, session=session)
    return save_form(
        request,
        form,
        lambda data: services.point_add(session=session, by=request.user, **data),
        done=lambda point: _anchored(session, f"#point-{point.pk}"),
        template="reflection/entry_form.html",
        context=_entry_context(session, _("New attention point")),
        message=lambda point: (
            _("Attention point %(reference)s added.") % {"reference": point.reference}
        ),
    )


def observation_add(request, pk):
    session = object_for(request, SESSIONS, "reflection.change", pk=pk)
    form = ObservationForm(request.POST or None, session=session)
    return save_form(
        request,
        form,
        lambda data: services.observation_add(session=session, by=request.user, **data),
        done=lambda row: _anchored(session, f"#observation-{row.pk}"),
        template="reflection/entry_form.html",
        context=_entry_context(session, _("New observation")),
        message=_("Added."),
    )


def observation_edit(request, pk):
    row = object_for(request, OBSERVATIONS, "reflection.change", pk=pk)
    session = row.session
    form = ObservationForm(request.POST or None, instance=row, session=session)

    def save(data):
        version = data.pop("version")
        return services.observation_update(
            observation_id=row.pk, version=version, by=request.user, **data
        )

    return save_form(
        request,
        form,
        save,
        done=lambda saved: _anchored(session, f"#observation-{saved.pk}"),
        template="reflection/entry_form.html",
        context={
            **_entry_context(session, _("Edit observation")),
            "remove_url": reverse("reflection:observation-remove", args=[row.pk]),
        },
        message=_("Saved."),
    )


@require_POST
def observation_remove(request, pk):
    row = object_for(request, OBSERVATIONS, "reflection.change", pk=pk)
    services.observation_remove(observation_id=row.pk, by=request.user)
    messages.success(request, _("Removed."))
    return go(request, row.session.get_absolute_url())


def statement_add(request, pk):
    session = object_for(request, SESSIONS, "reflection.change", pk=pk)
    form = StatementForm(request.POST or None, session=session)
    return save_form(
        request,
        form,
        lambda data: services.statement_add(session=session, by=request.user, **data),
        done=lambda row: _anchored(session, f"#statement-{row.pk}"),
        template="reflection/entry_form.html",
        context=_entry_context(session, _("New statement")),
        message=_("Added."),
    )


def statement_edit(request, pk):
    row = object_for(request, STATEMENTS, "reflection.change", pk=pk)
    session = row.session
    form = StatementForm(request.POST or None, instance=row, session=session)

    def save(data):
        version = data.pop("version")
        return services.statement_update(
            statement_id=row.pk, version=version, by=request.user, **data
        )

    return save_form(
        request,
        form,
        save,
        done=lambda saved: _anchored(session, f"#statement-{saved.pk}"),
        template="reflection/entry_form.html",
        context={
            **_entry_context(session, _("Edit statement")),
            "remove_url": reverse("reflection:statement-remove", args=[row.pk]),
        },
        message=_("Saved."),
    )


@require_POST
def statement_remove(request, pk):
    row = object_for(request, STATEMENTS, "reflection.change", pk=pk)
    services.statement_remove(statement_id=row.pk, by=request.user)
    messages.success(request, _("Removed."))
    return go(request, row.session.get_absolute_url())


@require_POST
def points_renumber(request, pk):
    session = object_for(request, SESSIONS, "reflection.change", pk=pk)
    changed = services.points_renumber(session=session, by=request.user)
    if changed:
        messages.success(request, _("The attention points have been renumbered."))
    else:
        messages.info(request, _("The numbers were in order already."))
    return redirect(_anchored(session, "#points"))
