"""Every change to efforts and their goal, partner and capital links."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.access import Role, has_role
from avk.concurrency import ensure_fresh
from avk.services import save_with_history
from programme.core.models import Programme

from ..models import (
    CapitalForm,
    Contribution,
    Effort,
    EffortCapital,
    EffortGoal,
    EffortPartner,
    EffortStatus,
    OperationalGoal,
    PartnerRole,
)
from ._common import _apply, _reason

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
