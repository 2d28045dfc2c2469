"""Bodies and who sits on them. The programme team and the secretariat manage them
("governance.manage_governance")."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk import policy
from avk.services import end_period, save_with_history

from .. import events  # noqa: F401 - registers the history events
from ..models import Body, Membership


@transaction.atomic
def body_create(
    *,
    programme,
    kind: str,
    name: str,
    code: str,
    steering_level: str,
    by,
    description: str = "",
    vote_visibility: str = "",
) -> Body:
    """A new body of the programme ("governance.create_body": the team and the secretariat)."""
    policy.require(by, "governance.create_body", programme)
    body = Body(
        programme=programme,
        kind=kind,
        name=name.strip(),
        code=code.strip().upper(),
        steering_level=steering_level,
        description=description,
    )
    if vote_visibility:
        body.vote_visibility = vote_visibility
    return save_with_history(body, by=by, event="body.created")


@transaction.atomic
def membership_add(
    *,
    body: Body,
    user,
    role: str,
    by,
    valid_from: date | None = None,
    valid_until: date | None = None,
    expert_by_experience: bool = False,
) -> Membership:
    """Seat a person on the body. One membership per person at a time."""
    policy.require(by, "governance.manage_governance", body.programme)
    valid_from = valid_from or timezone.localdate()
    overlapping = Membership.objects.select_for_update().filter(body=body, user=user)
    overlapping = overlapping.exclude(valid_until__lt=valid_from)
    if valid_until is not None:
        overlapping = overlapping.exclude(valid_from__gt=valid_until)
    if overlapping.exists():
        raise ValidationError(
            {
                "user": _("%(person)s already sits on %(body)s in that period.")
                % {"person": user, "body": body}
            }
        )
    membership = Membership(
        body=body,
        user=user,
        role=role,
        valid_from=valid_from,
        valid_until=valid_until,
        expert_by_experience=expert_by_experience,
    )
    return save_with_history(membership, by=by, event="membership.added")


@transaction.atomic
def membership_end(*, membership_id: int, by, valid_until: date | None = None) -> Membership:
    """The person's last day on the body (today by default); the membership stays as history."""
    membership = Membership.objects.select_for_update().select_related("body__programme")
    membership = membership.get(pk=membership_id)
    policy.require(by, "governance.manage_governance", membership.body.programme)
    valid_until = valid_until or timezone.localdate()
    if membership.valid_until is not None and membership.valid_until <= valid_until:
        raise ValidationError(_("This membership has already ended."))
    return end_period(membership, on=valid_until, by=by, event="membership.ended")


#: What `body_update` takes: the editable fields, and the programme (which cannot change).
BODY_FIELDS = {*Body.EDITABLE_FIELDS, "programme"}


@transaction.atomic
def body_update(*, body_id: int, by, **fields) -> Body:
    unknown = set(fields) - BODY_FIELDS
    if unknown:
        raise TypeError(f"Not a body field: {', '.join(sorted(unknown))}")
    body = Body.objects.select_for_update().select_related("programme").get(pk=body_id)
    policy.require(by, "governance.edit_body", body)
    if "code" in fields:
        fields["code"] = fields["code"].strip().upper()
    if "programme" in fields and fields["programme"].pk != body.programme_id:
        raise ValidationError({"programme": _("A body stays in its programme.")})
    if (
        "code" in fields
        and fields["code"] != body.code
        and body.proposals.filter(decisions__number__isnull=False).exists()
    ):
        raise ValidationError(
            {"code": _("Decisions have been numbered with this code; it can no longer change.")}
        )
    for name, value in fields.items():
        setattr(body, name, value)
    return save_with_history(body, by=by, event="body.edited")
