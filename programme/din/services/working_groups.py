"""Every change to working groups and their members. Each asks the policy first
(`din.change_din` on the group's programme) and leaves a history entry with its event; a
member added or removed is also on the group's own history (by name)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk import policy
from avk.access import has_role
from avk.services import delete_with_history, lock, save_with_history, touch, update_versioned
from programme.core.models import Programme

from ..models import WorkingGroup, WorkingGroupMember
from ._common import _check_fields

# --- working groups ----------------------------------------------------------------------------

#: The columns a service sets itself; `efforts` (many-to-many) is set after the save.
COLUMNS = tuple(f for f in WorkingGroup.EDITABLE_FIELDS if f != "efforts")


def _check_group_efforts(group: WorkingGroup, efforts) -> None:
    if any(e.programme_id != group.programme_id for e in efforts):
        raise ValidationError(
            {"efforts": _("A working group carries efforts of its own programme only.")}
        )


@transaction.atomic
def working_group_create(
    *, programme: Programme, by, name: str, theme="", efforts=(), order=None
) -> WorkingGroup:
    policy.require(by, "din.change_din", programme)
    group = WorkingGroup(
        programme=programme,
        name=name,
        theme=theme,
        order=order
        if order is not None
        else WorkingGroup.objects.filter(programme=programme).count(),
    )
    _check_group_efforts(group, efforts)
    save_with_history(group, by=by, event="din.working_group.created")
    group.efforts.set(efforts)  # recorded on the group's history with the same event
    return group


@transaction.atomic
def working_group_update(
    *, working_group_id: int, version: int, by, efforts=None, **fields
) -> WorkingGroup:
    _check_fields(fields, COLUMNS)
    group = WorkingGroup.objects.select_related("programme").get(pk=working_group_id)
    policy.require(by, "din.change_din", group)
    if efforts is not None:
        _check_group_efforts(group, efforts)
    group = update_versioned(
        group, version=version, by=by, event="din.working_group.edited", **fields
    )
    if efforts is not None:
        group.efforts.set(efforts)  # recorded on the group's history with the same event
    return group


@transaction.atomic
def working_group_delete(*, working_group_id: int, by) -> None:
    group = lock(WorkingGroup, pk=working_group_id)
    policy.require(by, "din.change_din", group)
    delete_with_history(group, by=by, event="din.working_group.removed")


@transaction.atomic
def working_group_member_add(
    *, working_group: WorkingGroup, by, partner=None, person=None, user=None, is_lead=False
) -> WorkingGroupMember:
    policy.require(by, "din.change_din", working_group)
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
    details = {"member": str(member), "working_group": working_group.name}
    save_with_history(member, by=by, event="din.member.added", details=details)
    touch(working_group, by=by, event="din.working_group.member_added", details=details)
    return member


@transaction.atomic
def working_group_member_remove(*, member_id: int, by) -> None:
    member = WorkingGroupMember.objects.select_related("working_group__programme").get(pk=member_id)
    group = member.working_group
    policy.require(by, "din.change_din", group)
    details = {"member": str(member), "working_group": group.name}
    delete_with_history(member, by=by, event="din.member.removed", details=details)
    touch(group, by=by, event="din.working_group.member_removed", details=details)
