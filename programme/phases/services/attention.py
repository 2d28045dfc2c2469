"""The reflection's attention points a concept phase plan takes up ("opgepakt in faseplan"):
through reflection's own follow-up services, so the attention point's page shows the plan and
its follow-up status reads "taken up in phase plan"."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import lock, touch
from reflection.models import AttentionPoint, FollowUpLink, FollowUpStatus
from reflection.services import follow_up_set, link_add, link_remove

from ..models import PhasePlan


def _links_to(plan: PhasePlan):
    return FollowUpLink.objects.filter(
        target_type=ContentType.objects.get_for_model(PhasePlan), target_id=plan.pk
    )


@transaction.atomic
def attention_take_up(*, plan_id: int, point_id: int, by, note: str = "") -> FollowUpLink:
    """Link an attention point of the plan's programme to the plan and mark it taken up."""
    plan = lock(PhasePlan, pk=plan_id)
    require(by, "phaseplans.change", plan)
    point = AttentionPoint.objects.filter(pk=point_id).first()
    if point is None or point.programme_id != plan.programme_id:
        raise ValidationError({"point": _("Choose an attention point of this programme.")})
    if _links_to(plan).filter(attention_point=point).exists():
        raise ValidationError({"point": _("This plan takes up that attention point already.")})
    link = link_add(source=point, target=plan, note=note, by=by)
    point.refresh_from_db()
    if point.status == FollowUpStatus.OPEN:
        follow_up_set(
            source=point,
            status=FollowUpStatus.TAKEN_UP,
            note=_("Taken up in %(plan)s") % {"plan": plan.title},
            version=point.version,
            by=by,
        )
    touch(plan, by=by, event="phaseplan.attention_added", details={"point": point.title})
    return link


@transaction.atomic
def attention_release(*, plan_id: int, link_id: int, by) -> None:
    """The plan no longer takes up the attention point; one taken up by nothing else is open
    again."""
    plan = lock(PhasePlan, pk=plan_id)
    require(by, "phaseplans.change", plan)
    link = _links_to(plan).select_related("attention_point").filter(pk=link_id).first()
    if link is None or link.attention_point is None:
        raise ValidationError(_("This attention point is not taken up in this plan."))
    point = link.attention_point
    link_remove(link_id=link.pk, by=by)
    point.refresh_from_db()
    if point.status == FollowUpStatus.TAKEN_UP and not point.links.exists():
        follow_up_set(
            source=point, status=FollowUpStatus.OPEN, note="", version=point.version, by=by
        )
    touch(plan, by=by, event="phaseplan.attention_removed", details={"point": point.title})
