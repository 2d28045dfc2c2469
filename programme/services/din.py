"""Every change to the DIN: lines, strategic and operational goals, efforts, working groups,
indicators and measurements. One function per verb; views, admin, the import and the demo all
come here, so every change leaves a history entry naming who did it and why."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from avk.access import Role, has_role
from avk.concurrency import ensure_fresh
from avk.services import save_with_history

from .. import permissions as policy
from ..models import (
    CapitalForm,
    Contribution,
    Effort,
    EffortCapital,
    EffortGoal,
    EffortPartner,
    EffortStatus,
    Indicator,
    Measurement,
    MeasurementStatus,
    OperationalGoal,
    PartnerRole,
    Programme,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)

__all__ = [
    "DIN_MOVES",
    "din_item_move",
    "effort_create",
    "effort_delete",
    "effort_update",
    "first_of_month",
    "indicator_create",
    "indicator_delete",
    "indicator_update",
    "line_create",
    "line_delete",
    "line_move",
    "line_update",
    "measurement_approve",
    "measurement_enter",
    "measurement_resubmit",
    "measurement_return",
    "operational_goal_create",
    "operational_goal_delete",
    "operational_goal_move",
    "operational_goal_update",
    "strategic_goal_create",
    "strategic_goal_delete",
    "strategic_goal_move",
    "strategic_goal_update",
    "working_group_create",
    "working_group_delete",
    "working_group_member_add",
    "working_group_member_remove",
    "working_group_update",
]

UP, DOWN = "up", "down"
DIN_MOVES = (UP, DOWN)


# --- ordering among siblings ----------------------------------------------------------------


def _siblings(obj):
    """The items that share `obj`'s parent, in display order."""
    model = type(obj)
    if model is ProgrammeLine:
        found = ProgrammeLine.objects.filter(programme_id=obj.programme_id)
    elif model is StrategicGoal:
        found = StrategicGoal.objects.filter(line_id=obj.line_id)
    elif model is OperationalGoal:
        found = OperationalGoal.objects.filter(strategic_goal_id=obj.strategic_goal_id)
    else:  # pragma: no cover - a programming error
        raise TypeError(model)
    return found.order_by("order", "pk")


def _densify(siblings, *, by, reason: str) -> None:
    """Give the siblings orders 0..n-1 in their current sequence (saving only changed ones)."""
    for index, item in enumerate(siblings):
        if item.order != index:
            item.order = index
            save_with_history(item, by=by, reason=reason)


def _move(model, *, pk: int, direction: str, by):
    if direction not in DIN_MOVES:
        raise ValidationError(_("Choose whether to move the item up or down."))
    item = model.objects.select_for_update().get(pk=pk)
    siblings = list(_siblings(item).select_for_update())
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    target = index - 1 if direction == UP else index + 1
    if 0 <= target < len(siblings):
        siblings[index], siblings[target] = siblings[target], siblings[index]
    _densify(siblings, by=by, reason=f"moved {direction}")
    item.refresh_from_db()
    return item


def _next_order(queryset) -> int:
    return queryset.count()


def _apply(obj, fields: dict, allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value)


def _update(model, *, pk, version, by, fields, allowed, reason):
    obj = model.objects.select_for_update().get(pk=pk)
    ensure_fresh(obj, version)
    _apply(obj, fields, allowed)
    obj.version += 1
    save_with_history(obj, by=by, reason=reason)
    return obj


# --- programme lines ---------------------------------------------------------------------------

LINE_FIELDS = {"name", "challenge", "approach"}


@transaction.atomic
def line_create(*, programme: Programme, by, name: str, challenge="", approach="") -> ProgrammeLine:
    line = ProgrammeLine(
        programme=programme,
        name=name,
        challenge=challenge,
        approach=approach,
        order=_next_order(ProgrammeLine.objects.filter(programme=programme)),
    )
    return save_with_history(line, by=by, reason="programme line added")


@transaction.atomic
def line_update(*, line_id: int, version: int, by, **fields) -> ProgrammeLine:
    return _update(
        ProgrammeLine,
        pk=line_id,
        version=version,
        by=by,
        fields=fields,
        allowed=LINE_FIELDS,
        reason="programme line edited",
    )


@transaction.atomic
def line_move(*, line_id: int, direction: str, by) -> ProgrammeLine:
    return _move(ProgrammeLine, pk=line_id, direction=direction, by=by)


@transaction.atomic
def line_delete(*, line_id: int, by) -> None:
    line = ProgrammeLine.objects.select_for_update().get(pk=line_id)
    if line.strategic_goals.exists():
        raise ValidationError(
            _("The line '%(name)s' still has strategic goals. Move or remove them first.")
            % {"name": line.name}
        )
    line._history_user = by
    line._change_reason = "programme line removed"
    line.delete()
    _densify(
        ProgrammeLine.objects.filter(programme_id=line.programme_id).order_by("order", "pk"),
        by=by,
        reason="order closed up after a removal",
    )


# --- strategic goals ---------------------------------------------------------------------------

GOAL_FIELDS = {"title", "description"}


@transaction.atomic
def strategic_goal_create(*, line: ProgrammeLine, by, title: str, description="") -> StrategicGoal:
    goal = StrategicGoal(
        programme_id=line.programme_id,
        line=line,
        title=title,
        description=description,
        order=_next_order(StrategicGoal.objects.filter(line=line)),
    )
    return save_with_history(goal, by=by, reason="strategic goal added")


@transaction.atomic
def strategic_goal_update(*, goal_id: int, version: int, by, **fields) -> StrategicGoal:
    return _update(
        StrategicGoal,
        pk=goal_id,
        version=version,
        by=by,
        fields=fields,
        allowed=GOAL_FIELDS,
        reason="strategic goal edited",
    )


@transaction.atomic
def strategic_goal_move(*, goal_id: int, direction: str, by) -> StrategicGoal:
    return _move(StrategicGoal, pk=goal_id, direction=direction, by=by)


@transaction.atomic
def strategic_goal_delete(*, goal_id: int, by) -> None:
    goal = StrategicGoal.objects.select_for_update().get(pk=goal_id)
    if goal.operational_goals.exists():
        raise ValidationError(
            _(
                "The strategic goal '%(title)s' still has operational goals. Move or remove "
                "them first."
            )
            % {"title": goal.title}
        )
    goal._history_user = by
    goal._change_reason = "strategic goal removed"
    goal.delete()
    _densify(
        StrategicGoal.objects.filter(line_id=goal.line_id).order_by("order", "pk"),
        by=by,
        reason="order closed up after a removal",
    )


# --- operational goals -------------------------------------------------------------------------

MOVE_EFFORTS, UNLINK_EFFORTS = "move", "unlink"


@transaction.atomic
def operational_goal_create(
    *, strategic_goal: StrategicGoal, by, title: str, description=""
) -> OperationalGoal:
    goal = OperationalGoal(
        programme_id=strategic_goal.programme_id,
        strategic_goal=strategic_goal,
        title=title,
        description=description,
        order=_next_order(OperationalGoal.objects.filter(strategic_goal=strategic_goal)),
    )
    return save_with_history(goal, by=by, reason="operational goal added")


@transaction.atomic
def operational_goal_update(*, goal_id: int, version: int, by, **fields) -> OperationalGoal:
    return _update(
        OperationalGoal,
        pk=goal_id,
        version=version,
        by=by,
        fields=fields,
        allowed=GOAL_FIELDS,
        reason="operational goal edited",
    )


@transaction.atomic
def operational_goal_move(*, goal_id: int, direction: str, by) -> OperationalGoal:
    return _move(OperationalGoal, pk=goal_id, direction=direction, by=by)


@transaction.atomic
def operational_goal_delete(
    *, goal_id: int, by, efforts: str | None = None, move_to: OperationalGoal | None = None
) -> None:
    """Remove an operational goal. When efforts still serve it, `efforts` says what to do with
    their links: "move" them (and the goal's indicators) to `move_to`, or "unlink" them;
    without that choice the removal is refused."""
    goal = OperationalGoal.objects.select_for_update().get(pk=goal_id)
    links = list(goal.effort_links.select_related("effort"))
    has_indicators = goal.indicators.exists()
    if (links or has_indicators) and efforts not in (MOVE_EFFORTS, UNLINK_EFFORTS):
        raise ValidationError(
            _(
                "Efforts or indicators still serve the goal '%(title)s'. Choose whether to "
                "move them to another goal or to unlink the efforts."
            )
            % {"title": goal.title},
            code="choice_needed",
        )
    if efforts == MOVE_EFFORTS and (links or has_indicators):
        if move_to is None or move_to.pk == goal.pk:
            raise ValidationError(
                {"move_to": _("Choose the goal the efforts move to.")}, code="no_target"
            )
        if move_to.programme_id != goal.programme_id:
            raise ValidationError(
                {"move_to": _("An effort can only serve goals of its own programme.")}
            )
        for link in links:
            existing = EffortGoal.objects.filter(effort=link.effort, goal=move_to).first()
            if existing is None:
                EffortGoal.objects.create(
                    effort=link.effort, goal=move_to, contribution=link.contribution
                )
            _touch_effort(
                link.effort,
                by=by,
                reason=f"goal link moved from '{goal.title}' to '{move_to.title}'",
            )
        for indicator in goal.indicators.all():
            indicator.goal = move_to
            indicator.version += 1
            save_with_history(indicator, by=by, reason="moved with its goal's removal")
    elif efforts == UNLINK_EFFORTS:
        if has_indicators:
            raise ValidationError(
                _(
                    "The goal still has indicators. Move them with the efforts to another goal, "
                    "or remove the indicators first."
                )
            )
        for link in links:
            _touch_effort(link.effort, by=by, reason=f"unlinked from goal '{goal.title}'")
    goal.effort_links.all().delete()
    goal._history_user = by
    goal._change_reason = "operational goal removed"
    goal.delete()
    _densify(
        OperationalGoal.objects.filter(strategic_goal_id=goal.strategic_goal_id).order_by(
            "order", "pk"
        ),
        by=by,
        reason="order closed up after a removal",
    )


@transaction.atomic
def din_item_move(*, item, direction: str, by):
    """Move a line or goal up or down among its siblings (orders stay 0..n-1)."""
    return _move(type(item), pk=item.pk, direction=direction, by=by)


# --- efforts -----------------------------------------------------------------------------------

EFFORT_FIELDS = {
    "title",
    "description",
    "lead_member",
    "lead_user",
    "other_parties",
    "start_month",
    "end_month",
    "status",
    "progress",
    "progress_note",
    "structural",
    "municipality",
    "place",
}


def first_of_month(value: date | None) -> date | None:
    return value.replace(day=1) if value else None


def _reason(text: str) -> str:
    """Change reasons are at most 100 characters (django-simple-history's column)."""
    return text if len(text) <= 100 else text[:99] + "…"


def _touch_effort(effort: Effort, *, by, reason: str) -> None:
    """Leave a history entry on the effort for a change in its links."""
    effort = Effort.objects.get(pk=effort.pk)
    effort.version += 1
    save_with_history(effort, by=by, reason=_reason(reason))


def _check_effort(effort: Effort) -> None:
    errors = {}
    if effort.lead_member_id and effort.lead_member.programme_id != effort.programme_id:
        errors["lead_member"] = _("The lead belongs to another programme's delegation.")
    if effort.lead_user_id and not (
        effort.lead_user.is_superuser
        or has_role(effort.lead_user, effort.programme_id, Role.PROGRAMME_TEAM)
    ):
        errors["lead_user"] = _("The lead must be a member of the programme team.")
    if effort.status == EffortStatus.DONE:
        effort.progress = 100
    if errors:
        raise ValidationError(errors)


def _normalise_goals(goals) -> list[tuple[OperationalGoal, str]]:
    if goals is None:
        return None
    found = []
    for item in goals:
        goal, contribution = item if isinstance(item, tuple | list) else (item, Contribution.MEDIUM)
        found.append((goal, contribution or Contribution.MEDIUM))
    return found


def _normalise_partners(partners):
    if partners is None:
        return None
    found = []
    for item in partners:
        partner, role = item if isinstance(item, tuple | list) else (item, PartnerRole.PARTICIPANT)
        found.append((partner, role or PartnerRole.PARTICIPANT))
    return found


def _set_links(effort: Effort, *, goals, partners, capitals) -> list[str]:
    """Replace the effort's goal, partner and capital links; returns what changed, in words."""
    from partners.models import Participation

    changes: list[str] = []
    if goals is not None:
        wrong = [g for g, _c in goals if g.programme_id != effort.programme_id]
        if wrong:
            raise ValidationError(
                {"goals": _("An effort can only serve goals of its own programme.")}
            )
        wanted = {g.pk: (g, c) for g, c in goals}
        current = {link.goal_id: link for link in effort.goal_links.all()}
        for goal_id, link in current.items():
            if goal_id not in wanted:
                link.delete()
                changes.append(f"goal -{link.goal_id}")
        for goal_id, (goal, contribution) in wanted.items():
            link = current.get(goal_id)
            if link is None:
                EffortGoal.objects.create(effort=effort, goal=goal, contribution=contribution)
                changes.append(f"goal +{goal.title} ({contribution})")
            elif link.contribution != contribution:
                link.contribution = contribution
                link.save()
                changes.append(f"goal {goal.title}: {contribution}")
    if partners is not None:
        taking_part = set(
            Participation.objects.filter(
                programme_id=effort.programme_id, partner__in=[p for p, _r in partners]
            ).values_list("partner_id", flat=True)
        )
        outside = [str(p) for p, _r in partners if p.pk not in taking_part]
        if outside:
            raise ValidationError(
                {
                    "partners": _(
                        "Only partners taking part in the programme can be involved: %(names)s."
                    )
                    % {"names": ", ".join(outside)}
                }
            )
        wanted = {p.pk: (p, r) for p, r in partners}
        current = {link.partner_id: link for link in effort.partner_links.all()}
        for partner_id, link in current.items():
            if partner_id not in wanted:
                link.delete()
                changes.append(f"partner -{partner_id}")
        for partner_id, (partner, role) in wanted.items():
            link = current.get(partner_id)
            if link is None:
                EffortPartner.objects.create(effort=effort, partner=partner, role=role)
                changes.append(f"partner +{partner} ({role})")
            elif link.role != role:
                link.role = role
                link.save()
                changes.append(f"partner {partner}: {role}")
    if capitals is not None:
        valid = set(CapitalForm.values)
        wanted = {c for c in capitals if c}
        if wanted - valid:
            raise ValidationError({"capitals": _("Unknown form of capital.")})
        current = set(effort.capitals.values_list("form", flat=True))
        effort.capitals.filter(form__in=current - wanted).delete()
        for form in sorted(wanted - current):
            EffortCapital.objects.create(effort=effort, form=form)
        if wanted != current:
            changes.append(f"capitals {', '.join(sorted(wanted)) or '-'}")
    return changes


@transaction.atomic
def effort_create(
    *,
    programme: Programme,
    by,
    title: str,
    goals=(),
    partners=(),
    capitals=(),
    **fields,
) -> Effort:
    """Create an effort. `goals`: operational goals or (goal, contribution) pairs of this
    programme; `partners`: partners or (partner, role) pairs taking part in the programme;
    `capitals`: CapitalForm values."""
    effort = Effort(programme=programme, title=title)
    _apply(effort, fields, EFFORT_FIELDS)
    effort.start_month = first_of_month(effort.start_month)
    effort.end_month = first_of_month(effort.end_month)
    _check_effort(effort)
    save_with_history(effort, by=by, reason="effort added")
    _set_links(
        effort,
        goals=_normalise_goals(goals),
        partners=_normalise_partners(partners),
        capitals=list(capitals),
    )
    return effort


@transaction.atomic
def effort_update(
    *, effort_id: int, version: int, by, goals=None, partners=None, capitals=None, **fields
) -> Effort:
    """Edit an effort; links given as None stay as they are."""
    effort = Effort.objects.select_for_update().get(pk=effort_id)
    ensure_fresh(effort, version)
    _apply(effort, fields, EFFORT_FIELDS)
    effort.start_month = first_of_month(effort.start_month)
    effort.end_month = first_of_month(effort.end_month)
    _check_effort(effort)
    changes = _set_links(
        effort,
        goals=_normalise_goals(goals),
        partners=_normalise_partners(partners),
        capitals=capitals,
    )
    effort.version += 1
    reason = "effort edited" + (f" ({'; '.join(changes)})" if changes else "")
    save_with_history(effort, by=by, reason=_reason(reason))
    return effort


@transaction.atomic
def effort_delete(*, effort_id: int, by) -> None:
    effort = Effort.objects.select_for_update().get(pk=effort_id)
    effort._history_user = by
    effort._change_reason = "effort removed"
    effort.delete()


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


# --- indicators and measurements ---------------------------------------------------------------

INDICATOR_FIELDS = {
    "name",
    "unit",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "direction",
    "cumulative",
    "owner",
    "frequency",
    "goal",
}


@transaction.atomic
def indicator_create(*, goal: OperationalGoal, by, name: str, **fields) -> Indicator:
    indicator = Indicator(programme_id=goal.programme_id, goal=goal, name=name)
    _apply(indicator, fields, INDICATOR_FIELDS - {"goal"})
    return save_with_history(indicator, by=by, reason="indicator added")


@transaction.atomic
def indicator_update(*, indicator_id: int, version: int, by, **fields) -> Indicator:
    return _update(
        Indicator,
        pk=indicator_id,
        version=version,
        by=by,
        fields=fields,
        allowed=INDICATOR_FIELDS,
        reason="indicator edited",
    )


@transaction.atomic
def indicator_delete(*, indicator_id: int, by) -> None:
    indicator = Indicator.objects.select_for_update().get(pk=indicator_id)
    indicator._history_user = by
    indicator._change_reason = "indicator removed"
    indicator.delete()


@transaction.atomic
def measurement_enter(
    *,
    indicator: Indicator,
    by,
    period_label: str,
    period_end: date,
    value,
    narrative="",
    source="",
) -> Measurement:
    """Enter a measurement. The programme team's own entries count at once (approved); those
    of owners, kartrekkers and partner contacts are drafts until the team approves them."""
    if not policy.can_enter_measurement(by, indicator):
        raise PermissionDenied(_("You may not enter measurements for this indicator."))
    by_team = policy.can_change_din(by, indicator.programme)
    measurement = Measurement(
        indicator=indicator,
        period_label=period_label,
        period_end=period_end,
        value=value,
        narrative=narrative,
        source=source,
        entered_by=by,
        status=MeasurementStatus.APPROVED if by_team else MeasurementStatus.DRAFT,
    )
    if by_team:
        measurement.reviewed_by = by
        measurement.reviewed_at = timezone.now()
    return save_with_history(
        measurement,
        by=by,
        reason="measurement entered by the programme team (approved)"
        if by_team
        else "measurement entered (draft)",
    )


def _reviewable(measurement_id: int, version: int, by) -> Measurement:
    measurement = (
        Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement_id)
    )
    if not policy.can_review_measurement(by, measurement):
        raise PermissionDenied(_("Only the programme team reviews measurements."))
    ensure_fresh(measurement, version)
    if measurement.status != MeasurementStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be approved or sent back; this one is %(status)s.")
            % {"status": measurement.get_status_display()},
            code="not_draft",
        )
    return measurement


@transaction.atomic
def measurement_approve(*, measurement_id: int, version: int, by) -> Measurement:
    measurement = _reviewable(measurement_id, version, by)
    measurement.status = MeasurementStatus.APPROVED
    measurement.reviewed_by = by
    measurement.reviewed_at = timezone.now()
    measurement.review_remark = ""
    measurement.version += 1
    return save_with_history(measurement, by=by, reason="measurement approved")


@transaction.atomic
def measurement_return(*, measurement_id: int, version: int, by, remark: str) -> Measurement:
    """Send a draft back with a remark; the person who entered it gets an e-mail."""
    if not (remark or "").strip():
        raise ValidationError(
            {"remark": _("Say why the measurement goes back, so it can be corrected.")}
        )
    measurement = _reviewable(measurement_id, version, by)
    measurement.status = MeasurementStatus.RETURNED
    measurement.reviewed_by = by
    measurement.reviewed_at = timezone.now()
    measurement.review_remark = remark.strip()
    measurement.version += 1
    save_with_history(measurement, by=by, reason="measurement sent back")
    recipient = measurement.entered_by
    if recipient is not None and recipient.email:
        transaction.on_commit(lambda: _mail_returned(measurement.pk))
    return measurement


def _mail_returned(measurement_id: int) -> None:
    measurement = Measurement.objects.select_related(
        "indicator", "indicator__programme", "entered_by", "reviewed_by"
    ).get(pk=measurement_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Measurement sent back: %(indicator)s, %(period)s") % {
            "indicator": measurement.indicator.name,
            "period": measurement.period_label,
        }
        body = render_to_string(
            "programme/email/measurement_returned.txt",
            {"measurement": measurement, "base_url": settings.PORTAL_BASE_URL.rstrip("/")},
        )
    send_mail(subject, body, None, [measurement.entered_by.email])


@transaction.atomic
def measurement_resubmit(
    *, measurement_id: int, version: int, by, value, narrative="", source="", period_label=None
) -> Measurement:
    """Correct a measurement that was sent back; it becomes a draft again."""
    measurement = (
        Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement_id)
    )
    if not policy.can_resubmit_measurement(by, measurement):
        raise PermissionDenied(_("You may not correct this measurement."))
    ensure_fresh(measurement, version)
    if measurement.status != MeasurementStatus.RETURNED:
        raise ValidationError(
            _("Only a measurement that was sent back can be corrected and offered again."),
            code="not_returned",
        )
    measurement.value = value
    measurement.narrative = narrative
    measurement.source = source
    if period_label:
        measurement.period_label = period_label
    measurement.status = MeasurementStatus.DRAFT
    measurement.version += 1
    return save_with_history(measurement, by=by, reason="measurement corrected and offered again")
