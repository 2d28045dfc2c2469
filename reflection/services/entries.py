"""Observations and other points raised, ingredients, and ranked statements: rows in an order
(0..n-1) within their parent, moved up or down by swapping with a neighbour."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.services import delete_with_history, lock, save_with_history, update_versioned

from ..models import AttentionPoint, Ingredient, Observation, Session, Statement
from ._common import check_fields, require_change
from .points import MOVES, UP


def _densify(rows, *, by, event: str) -> None:
    for index, row in enumerate(rows):
        if row.order != index:
            row.order = index
            save_with_history(row, by=by, event=event, validate=False)


def _move(rows: list, pk: int, direction: str, *, by, event: str):
    if direction not in MOVES:
        raise ValidationError(_("Choose whether to move the item up or down."))
    index = next(i for i, row in enumerate(rows) if row.pk == pk)
    target = index - 1 if direction == UP else index + 1
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    _densify(rows, by=by, event=event)
    return next(row for row in rows if row.pk == pk)


# --- observations and other points raised -----------------------------------------------------


@transaction.atomic
def observation_add(*, session: Session, by, **fields) -> Observation:
    require_change(by, session)
    check_fields(fields, Observation.EDITABLE_FIELDS)
    observation = Observation(session=session, order=session.observations.count(), **fields)
    return save_with_history(observation, by=by, event="observation.added")


@transaction.atomic
def observation_update(*, observation_id: int, version: int | None, by, **fields) -> Observation:
    observation = Observation.objects.select_related("session__programme").get(pk=observation_id)
    require_change(by, observation)
    check_fields(fields, Observation.EDITABLE_FIELDS)
    return update_versioned(
        observation, version=version, by=by, event="observation.edited", **fields
    )


@transaction.atomic
def observation_remove(*, observation_id: int, by) -> None:
    observation = lock(Observation, pk=observation_id)
    session = observation.session
    require_change(by, session)
    delete_with_history(observation, by=by, event="observation.removed")
    _densify(list(session.observations.order_by("order", "pk")), by=by, event="observation.edited")


# --- ingredients --------------------------------------------------------------------------------


@transaction.atomic
def ingredient_add(*, point: AttentionPoint, by, **fields) -> Ingredient:
    require_change(by, point)
    check_fields(fields, Ingredient.EDITABLE_FIELDS)
    lock(point)
    ingredient = Ingredient(attention_point=point, order=point.ingredients.count(), **fields)
    return save_with_history(ingredient, by=by, event="ingredient.added")


@transaction.atomic
def ingredient_update(*, ingredient_id: int, version: int | None, by, **fields) -> Ingredient:
    ingredient = Ingredient.objects.select_related("attention_point__programme").get(
        pk=ingredient_id
    )
    require_change(by, ingredient)
    check_fields(fields, Ingredient.EDITABLE_FIELDS)
    return update_versioned(ingredient, version=version, by=by, event="ingredient.edited", **fields)


@transaction.atomic
def ingredient_remove(*, ingredient_id: int, by) -> None:
    ingredient = lock(Ingredient, pk=ingredient_id)
    point = ingredient.attention_point
    require_change(by, point)
    delete_with_history(ingredient, by=by, event="ingredient.removed")
    _densify(list(point.ingredients.order_by("order", "pk")), by=by, event="ingredient.moved")


@transaction.atomic
def ingredient_move(*, ingredient_id: int, direction: str, by) -> Ingredient:
    ingredient = Ingredient.objects.select_related("attention_point__programme").get(
        pk=ingredient_id
    )
    require_change(by, ingredient)
    point = lock(AttentionPoint, pk=ingredient.attention_point_id)
    rows = list(point.ingredients.order_by("order", "pk").select_for_update())
    return _move(rows, ingredient.pk, direction, by=by, event="ingredient.moved")


# --- statements (a framework that ranks them) -----------------------------------------------------


def _check_ranked(session: Session) -> None:
    if not session.framework.ranks_statements:
        raise ValidationError(
            _("The framework of this session has no statements with a priority."),
            code="no_statements",
        )


@transaction.atomic
def statement_add(*, session: Session, by, **fields) -> Statement:
    require_change(by, session)
    check_fields(fields, Statement.EDITABLE_FIELDS)
    _check_ranked(session)
    statement = Statement(session=session, order=session.statements.count(), **fields)
    return save_with_history(statement, by=by, event="statement.added")


@transaction.atomic
def statement_update(*, statement_id: int, version: int | None, by, **fields) -> Statement:
    statement = Statement.objects.select_related("session__programme").get(pk=statement_id)
    require_change(by, statement)
    check_fields(fields, Statement.EDITABLE_FIELDS)
    return update_versioned(statement, version=version, by=by, event="statement.edited", **fields)


@transaction.atomic
def statement_remove(*, statement_id: int, by) -> None:
    statement = lock(Statement, pk=statement_id)
    require_change(by, statement.session)
    delete_with_history(statement, by=by, event="statement.removed")
