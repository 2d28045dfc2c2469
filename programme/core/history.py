"""The histories programme.core shows, in the shape of `avk.history.entries` (rendered by
avk/_history.html): the programme's own edits together with its phases and steering forms, and
the roles given and ended in it ("Mensen en rollen").

A phase, a steering form or a role is a row of its own, so these histories read the historical
rows of one programme (one query per model) and merge them, newest first. Codes in the details
(a phase, a steering form, a role) are shown by their labels in the reader's language.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from avk.access import Role
from avk.history import describe, entries, is_event

from .models import (
    Phase,
    Programme,
    ProgrammePhase,
    ProgrammeSteeringForm,
    RoleAssignment,
    SteeringForm,
)

LIMIT = 50

#: Details that hold the code of a choice, shown by its label.
_CHOICE_TYPES = {"phase": Phase, "steering_form": SteeringForm, "role": Role}


def _readable(details) -> dict:
    shown = dict(details or {})
    for key, choices in _CHOICE_TYPES.items():
        code = shown.get(key)
        if code in choices.values:
            shown[key] = choices(code).label
    return shown


def _entry(record, details, *, created: str = "") -> dict:
    """One entry; `created` names the event of a row recorded without one (made elsewhere)."""
    code = record.history_change_reason or ""
    if not is_event(code) and record.history_type == "+" and created:
        code = created
    return {
        "when": record.history_date,
        "who": record.history_user,
        "type": record.history_type,
        "event": describe(code, _readable(details)),
        "known": is_event(code),
        "changes": [],
    }


def _records(model, programme: Programme):
    return (
        model.history.filter(programme_id=programme.pk)
        .select_related("history_user")
        .order_by("-history_date", "-pk")[:LIMIT]
    )


def _newest_first(found: list[dict]) -> list[dict]:
    found.sort(key=lambda entry: entry["when"], reverse=True)
    return found[:LIMIT]


def programme_history(programme: Programme) -> list[dict]:
    """The programme's edits (with the fields changed), phases and steering forms (read from
    the rows too, so those recorded without an event read as recorded as well)."""
    found = entries(programme, limit=LIMIT)
    for record in _records(ProgrammePhase, programme):
        details = {"phase": record.phase, "from": record.valid_from, **record.history_details}
        found.append(_entry(record, details, created="programme.phase_recorded"))
    for record in _records(ProgrammeSteeringForm, programme):
        details = {
            "steering_form": record.steering_form,
            "from": record.valid_from,
            **record.history_details,
        }
        found.append(_entry(record, details, created="programme.steering_form_recorded"))
    return _newest_first(found)


def role_history(programme: Programme) -> list[dict]:
    """Roles given and ended in the programme: who, which role, from and until when. The person
    and the role are read from the row itself too (one query for all the people), so a role
    recorded without an event or details (made elsewhere) reads as given as well."""
    records = list(_records(RoleAssignment, programme))
    people = get_user_model().objects.in_bulk({record.user_id for record in records})
    found = []
    for record in records:
        person = people.get(record.user_id)
        details = {
            "person": str(person) if person else "",
            "role": record.role,
            "from": record.valid_from,
            "on": record.valid_until,
            **record.history_details,
        }
        found.append(_entry(record, details, created="role.granted"))
    return _newest_first(found)
