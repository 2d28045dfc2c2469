"""Every change to working groups and their members."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.access import has_role
from avk.concurrency import ensure_fresh
from avk.services import save_with_history
from programme.core.models import Programme

from ..models import WorkingGroup, WorkingGroupMember
from ._common import _apply, _reason

# --- working groups ----------------------------------------------------------------------------

WORKING_GROUP_FIELDS = {"name", "theme", "order"}


def _check_group_efforts(group: WorkingGroup, efforts) -> None:
    if any(e.programme_id != group.programme_id for e in efforts):
        raise ValidationError(
            {"efforts": _("A working group carries efforts of its own programme only.")}
        )


@transaction.atomic
def working_group_create(
    *, programme: Programme, by, name: str, theme="", efforts=(), order=None
) -> WorkingGroup:
    group = WorkingGroup(
        programme=programme,
        name=name,
        theme=theme,
        order=order
        if order is not None
        else WorkingGroup.objects.filter(programme=programme).count(),
    )
    save_with_history(group, by=by, reason="working group added")
    _check_group_efforts(group, efforts)
    group.efforts.set(efforts)
    return group


@transaction.atomic
def working_group_update(
    *, working_group_id: int, version: int, by, efforts=None, **fields
) -> WorkingGroup:
    group = WorkingGroup.objects.select_for_update().get(pk=working_group_id)
    ensure_fresh(group, version)
    _apply(group, fields, WORKING_GROUP_FIELDS)
    if efforts is not None:
        _check_group_efforts(group, efforts)
        group.efforts.set(efforts)
    group.version += 1
    return save_with_history(group, by=by, reason="working group edited")


@transaction.atomic
def working_group_delete(*, working_group_id: int, by) -> None:
    group = WorkingGroup.objects.select_for_update().get(pk=working_group_id)
    group._history_user = by
    group._change_reason = "working group removed"
    group.delete()


@transaction.atomic
def working_group_member_add(
    *, working_group: WorkingGroup, by, partner=None, person=None, user=None, is_lead=False
) -> WorkingGroupMember:
    errors = {}
    if person is not None and person.programme_id != working_group.programme_id:
        errors["person"] = _("This person belongs to another programme's delegation.")
    if user is not None and not (user.is_superuser or has_role(user, working_group.programme_id)):
        errors["user"] = _("This person has no role in the programme.")
    if errors:
        raise ValidationError(errors)
    member = WorkingGroupMember(
        working_group=working_group, partner=partner, person=person, user=user, is_lead=is_lead
    )
    save_with_history(member, by=by, reason="member added to working group")
    _touch_group(working_group, by=by, reason=f"member added: {member}")
    return member


@transaction.atomic
def working_group_member_remove(*, member_id: int, by) -> None:
    member = WorkingGroupMember.objects.select_related("working_group").get(pk=member_id)
    group = member.working_group
    label = str(member)
    member._history_user = by
    member._change_reason = "member removed from working group"
    member.delete()
    _touch_group(group, by=by, reason=f"member removed: {label}")


def _touch_group(group, *, by, reason):
    group = WorkingGroup.objects.get(pk=group.pk)
    group.version += 1
    save_with_history(group, by=by, reason=_reason(reason))
