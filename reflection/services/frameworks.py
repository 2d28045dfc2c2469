"""Frameworks of reflection and their categories and guiding topics (kept in the admin)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import delete_with_history, lock, save_with_history, update_versioned

from ..models import Category, Framework, GuidingTopic
from ._common import check_fields


def _framework_of(part) -> Framework:
    if isinstance(part, Framework):
        return part
    if isinstance(part, Category):
        return part.framework
    if isinstance(part, GuidingTopic):
        return part.category.framework
    raise TypeError(part)


@transaction.atomic
def framework_create(*, programme=None, by, categories=(), **fields) -> Framework:
    """A framework with its categories: (name, short name, description, [guiding topics])."""
    check_fields(fields, Framework.EDITABLE_FIELDS)
    framework = Framework(programme=programme, **fields)
    require(by, "reflection.manage_framework", framework)
    save_with_history(framework, by=by, event="framework.created")
    for order, (name, short_name, description, topics) in enumerate(categories):
        category = Category(
            framework=framework,
            name=name,
            short_name=short_name,
            description=description,
            order=order,
        )
        save_with_history(category, by=by, event="framework_part.saved")
        for position, text in enumerate(topics):
            topic = GuidingTopic(category=category, text=text, order=position)
            save_with_history(topic, by=by, event="framework_part.saved")
    return framework


@transaction.atomic
def framework_update(
    *, framework_id: int, version: int | None, by, event="framework.edited", **fields
):
    framework = Framework.objects.select_related("programme").get(pk=framework_id)
    require(by, "reflection.manage_framework", framework)
    check_fields(fields, Framework.EDITABLE_FIELDS)
    return update_versioned(framework, version=version, by=by, event=event, **fields)


@transaction.atomic
def framework_delete(*, framework_id: int, by) -> None:
    """Remove a framework no session uses (the history keeps it)."""
    framework = lock(Framework, pk=framework_id)
    require(by, "reflection.manage_framework", framework)
    if framework.sessions.exists():
        raise ValidationError(
            _("Sessions use this framework; it cannot be removed. Make it inactive instead."),
            code="protected",
        )
    for category in framework.categories.all():
        _remove_category(category, by=by)
    delete_with_history(framework, by=by, event="framework.removed")


def _remove_category(category: Category, *, by) -> None:
    if (
        category.attention_points.exists()
        or category.observations.exists()
        or category.statements.exists()
    ):
        raise ValidationError(
            _("Sessions have recorded points under %(category)s; it cannot be removed.")
            % {"category": category},
            code="protected",
        )
    for topic in category.topics.all():
        delete_with_history(topic, by=by, event="framework_part.removed")
    delete_with_history(category, by=by, event="framework_part.removed")


@transaction.atomic
def framework_part_save(*, part, by):
    """Save a category or guiding topic of a framework (new or changed)."""
    require(by, "reflection.manage_framework", _framework_of(part))
    return save_with_history(part, by=by, event="framework_part.saved")


@transaction.atomic
def framework_part_remove(*, part, by) -> None:
    require(by, "reflection.manage_framework", _framework_of(part))
    if isinstance(part, Category):
        _remove_category(part, by=by)
    else:
        delete_with_history(part, by=by, event="framework_part.removed")
