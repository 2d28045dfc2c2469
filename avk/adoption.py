"""Adoption by a board decision: what a decision can adopt, registered by the app that owns it.

A proposed decision may have a `subject` (a budget, a phase plan). When the decide step of
governance records the decision as adopted, it calls `adopt(subject, decision=..., by=...)` in
the same transaction: the subject's app, which registered an adopter for its model, makes the
subject adopted (vastgesteld) and links the decision. Rejecting or deferring calls nothing, so
the subject stays a concept. avk knows neither side: governance calls, the apps register.

    from avk import adoption
    adoption.register(Budget, adopt=budget_services.budget_adopt, check=budget_services.can_adopt)

`check(subject)` (optional) is asked before a subject is put before the board and again before it
is adopted; it raises a ValidationError in Dutch when the subject cannot be adopted (a budget whose
costs and coverage differ).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Adopter:
    model: type
    adopt: Callable  # adopt(subject, *, decision, by) -> None
    check: Callable | None = None  # check(subject) -> None, raises ValidationError


_adopters: dict[type, Adopter] = {}


def register(model: type, *, adopt: Callable, check: Callable | None = None) -> None:
    _adopters[model] = Adopter(model, adopt, check)


def adopter_for(subject) -> Adopter | None:
    if subject is None:
        return None
    for klass in type(subject).__mro__:
        if klass in _adopters:
            return _adopters[klass]
    return None


def adoptable_models() -> list[type]:
    """The models a decision can adopt (for the choices of a proposal's subject)."""
    return list(_adopters)


def check(subject) -> None:
    """Raise a ValidationError unless `subject` can be put before the board to be adopted."""
    adopter = adopter_for(subject)
    if adopter is None:
        raise ValidationError(
            _("%(subject)s cannot be adopted by a decision.") % {"subject": subject},
            code="not_adoptable",
        )
    if adopter.check is not None:
        adopter.check(subject)


def adopt(subject, *, decision, by) -> None:
    """Adopt `subject` by `decision` (inside the caller's transaction)."""
    check(subject)
    _adopters[adopter_for(subject).model].adopt(subject, decision=decision, by=by)
