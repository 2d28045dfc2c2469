"""Rounds of reflection, their themes and their sessions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.services import delete_with_history, lock, save_with_history, touch, update_versioned

from ..models import Framework, Round, Session, Theme
from ._common import check_fields, require_change


@transaction.atomic
def round_create(*, programme, by, **fields) -> Round:
    require_change(by, programme)
    check_fields(fields, Round.EDITABLE_FIELDS)
    round_ = Round(programme=programme, **fields)
    return save_with_history(round_, by=by, event="round.created")


@transaction.atomic
def round_update(*, round_id: int, version: int | None, by, **fields) -> Round:
    round_ = Round.objects.select_related("programme").get(pk=round_id)
    require_change(by, round_)
    check_fields(fields, Round.EDITABLE_FIELDS)
    return update_versioned(round_, version=version, by=by, event="round.edited", **fields)


@transaction.atomic
def theme_add(*, round_: Round, by, name: str) -> Theme:
    require_change(by, round_)
    theme = Theme(round=round_, name=name.strip(), order=round_.themes.count())
    save_with_history(theme, by=by, event="theme.added", details={"name": theme.name})
    touch(round_, by=by, event="theme.added", details={"name": theme.name})
    return theme


@transaction.atomic
def theme_remove(*, theme_id: int, by) -> None:
    """Remove a theme; its attention points keep their place, without a theme."""
    theme = Theme.objects.select_related("round__programme").get(pk=theme_id)
    require_change(by, theme.round)
    name = theme.name
    round_ = theme.round
    delete_with_history(lock(theme), by=by, event="theme.removed", details={"name": name})
    touch(round_, by=by, event="theme.removed", details={"name": name})


def _participants(session: Session, participants, partners) -> None:
    """Set the people and partners of a session; only those of its programme."""
    errors = {}
    if participants is not None:
        from avk.access import has_role

        strangers = [u for u in participants if not has_role(u, session.programme)]
        if strangers:
            errors["participants"] = _("%(names)s hold no role in this programme.") % {
                "names": ", ".join(str(u) for u in strangers)
            }
    if partners is not None:
        ids = {p.pk for p in partners}
        known = set(
            session.programme.participations.filter(partner_id__in=ids).values_list(
                "partner_id", flat=True
            )
        )
        if ids - known:
            errors["partners"] = _("Choose partners of this programme only.")
    if errors:
        raise ValidationError(errors)
    if participants is not None:
        session.participants.set(participants)
    if partners is not None:
        session.partners.set(partners)


@transaction.atomic
def session_create(*, round_: Round, by, participants=None, partners=None, **fields) -> Session:
    require_change(by, round_)
    check_fields(fields, Session.EDITABLE_FIELDS)
    session = Session(round=round_, programme=round_.programme, **fields)
    _check_framework(session)
    save_with_history(session, by=by, event="session.created")
    _participants(session, participants, partners)
    return session


def _check_framework(session: Session, *, previous: int | None = None) -> None:
    framework = Framework.objects.filter(pk=session.framework_id).first()
    if framework is not None and not framework.active and framework.pk != previous:
        raise ValidationError(
            {"framework": _("This framework is no longer in use; choose another.")},
            code="inactive_framework",
        )


@transaction.atomic
def session_update(
    *, session_id: int, version: int | None, by, participants=None, partners=None, **fields
) -> Session:
    """Change a session. Its framework changes only while nothing is recorded under the old
    framework's categories."""
    session = lock(Session, pk=session_id)
    require_change(by, session)
    check_fields(fields, Session.EDITABLE_FIELDS)
    framework = fields.get("framework")
    if framework is not None and framework.pk != session.framework_id:
        if (
            session.attention_points.filter(category__isnull=False).exists()
            or session.observations.filter(category__isnull=False).exists()
            or session.statements.exists()
        ):
            raise ValidationError(
                {
                    "framework": _(
                        "Points are recorded under this framework's categories; the framework "
                        "can no longer be changed."
                    )
                },
                code="framework_in_use",
            )
        probe = Session(framework=framework)
        _check_framework(probe, previous=session.framework_id)
    updated = update_versioned(session, version=version, by=by, event="session.edited", **fields)
    _participants(updated, participants, partners)
    return updated


@transaction.atomic
def session_delete(*, session_id: int, by) -> None:
    """Remove a session with everything recorded in it (the history keeps it)."""
    session = lock(Session, pk=session_id)
    require_change(by, session)
    for point in session.attention_points.all():
        for ingredient in point.ingredients.all():
            delete_with_history(ingredient, by=by, event="ingredient.removed")
        delete_with_history(
            point, by=by, event="point.removed", details={"reference": point.number}
        )
    for row in [*session.observations.all(), *session.statements.all()]:
        event = (
            "observation.removed"
            if row._meta.model_name == "observation"
            else ("statement.removed")
        )
        delete_with_history(row, by=by, event=event)
    delete_with_history(session, by=by, event="session.removed")
