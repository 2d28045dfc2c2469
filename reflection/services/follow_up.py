"""The follow-up of attention points and ingredients: a status (open, taken up in the phase
plan, completed, not adopted) and links to what took them up, an item of the same programme
of a kind registered in `reflection.targets`. A phase plan (a later app) calls the same
functions to mark what it answers."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.services import delete_with_history, save_with_history, touch, update_versioned

from .. import targets
from ..models import AttentionPoint, FollowUpLink, FollowUpStatus, Ingredient
from ._common import require_change


def _source(source):
    """The attention point or ingredient, read again with its programme."""
    if isinstance(source, AttentionPoint):
        return AttentionPoint.objects.select_related("programme").get(pk=source.pk)
    if isinstance(source, Ingredient):
        return Ingredient.objects.select_related("attention_point__programme").get(pk=source.pk)
    raise TypeError(f"Not an attention point or ingredient: {source!r}")


@transaction.atomic
def follow_up_set(*, source, status: str, note: str = "", version: int | None, by):
    """Set the follow-up status of an attention point or ingredient (with a note)."""
    source = _source(source)
    require_change(by, source)
    if status not in FollowUpStatus.values:
        raise ValidationError({"status": _("Choose a follow-up status from the list.")})
    old = source.status
    return update_versioned(
        source,
        version=version,
        by=by,
        event="followup.status",
        details={"old": old, "status": status, "note": note},
        status=status,
        status_note=note,
    )


@transaction.atomic
def link_add(*, source, target=None, value: str = "", note: str = "", by) -> FollowUpLink:
    """Link what took up `source` (an attention point or ingredient): an item of its own
    programme, given as an object or as a posted "<kind>:<id>". An item of another programme,
    or of a kind nobody registered, is refused with a Dutch message."""
    source = _source(source)
    require_change(by, source)
    programme = source.programme
    if target is None:
        target = targets.resolve(value, programme)
    kind = targets.check_programme(target, programme)
    link = FollowUpLink(
        programme=programme,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        note=note,
        created_by=by if getattr(by, "pk", None) else None,
    )
    if isinstance(source, AttentionPoint):
        link.attention_point = source
    else:
        link.ingredient = source
    label = f"{kind.label} {kind.describe(target)}"
    save_with_history(link, by=by, event="link.added", details={"target": label})
    touch(source, by=by, event="link.added", details={"target": label})
    return link


@transaction.atomic
def link_remove(*, link_id: int, by) -> None:
    link = FollowUpLink.objects.select_related("programme", "attention_point", "ingredient").get(
        pk=link_id
    )
    require_change(by, link)
    source = link.source
    target = link.target
    kind = targets.kind_for_model(type(target)) if target is not None else None
    label = f"{kind.label} {kind.describe(target)}" if kind else f"#{link.target_id}"
    delete_with_history(link, by=by, event="link.removed", details={"target": label})
    touch(source, by=by, event="link.removed", details={"target": label})
