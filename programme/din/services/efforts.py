"""Every change to efforts and their goal, partner and capital links. Each asks the policy
first (`din.change_din` on the effort's programme) and leaves a history entry with its event."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk import policy
from avk.access import Role, has_role
from avk.concurrency import ensure_fresh
from avk.services import delete_with_history, lock, save_with_history, update_versioned
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
from ._common import _apply, _check_fields

# --- efforts -----------------------------------------------------------------------------------


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


def _set_links(effort: Effort, *, goals, partners, capitals) -> dict:
    """Replace the effort's goal, partner and capital links. Returns, for the history, the
    links after the change of each kind that changed: {"goals": ["title (contribution)"],
    "partners": ["name (role)"], "capitals": ["form"]} (names and codes, no sentences)."""
    changed = {}
    if goals is not None and _set_goals(effort, goals):
        changed["goals"] = sorted(f"{g.title} ({c})" for g, c in goals)
    if partners is not None and _set_partners(effort, partners):
        changed["partners"] = sorted(f"{p} ({r})" for p, r in partners)
    if capitals is not None and _set_capitals(effort, capitals):
        changed["capitals"] = sorted({c for c in capitals if c})
    return changed


def _set_goals(effort: Effort, goals) -> bool:
    if any(g.programme_id != effort.programme_id for g, _c in goals):
        raise ValidationError({"goals": _("An effort can only serve goals of its own programme.")})
    wanted = {g.pk: (g, c) for g, c in goals}
    current = {link.goal_id: link for link in effort.goal_links.all()}
    changed = False
    for goal_id, link in current.items():
        if goal_id not in wanted:
            link.delete()
            changed = True
    for goal_id, (goal, contribution) in wanted.items():
        link = current.get(goal_id)
        if link is None:
            EffortGoal.objects.create(effort=effort, goal=goal, contribution=contribution)
            changed = True
        elif link.contribution != contribution:
            link.contribution = contribution
            link.save(update_fields=["contribution"])
            changed = True
    return changed


def _set_partners(effort: Effort, partners) -> bool:
    from partners.models import Participation

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
    changed = False
    for partner_id, link in current.items():
        if partner_id not in wanted:
            link.delete()
            changed = True
    for partner_id, (partner, role) in wanted.items():
        link = current.get(partner_id)
        if link is None:
            EffortPartner.objects.create(effort=effort, partner=partner, role=role)
            changed = True
        elif link.role != role:
            link.role = role
            link.save(update_fields=["role"])
            changed = True
    return changed


def _set_capitals(effort: Effort, capitals) -> bool:
    wanted = {c for c in capitals if c}
    if wanted - set(CapitalForm.values):
        raise ValidationError({"capitals": _("Unknown form of capital.")})
    current = set(effort.capitals.values_list("form", flat=True))
    effort.capitals.filter(form__in=current - wanted).delete()
    for form in sorted(wanted - current):
        EffortCapital.objects.create(effort=effort, form=form)
    return wanted != current


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
    policy.require(by, "din.change_din", programme)
    effort = Effort(programme=programme, title=title)
    _apply(effort, fields, Effort.EDITABLE_FIELDS)
    effort.start_month = first_of_month(effort.start_month)
    effort.end_month = first_of_month(effort.end_month)
    _check_effort(effort)
    save_with_history(effort, by=by, event="din.effort.created")
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
    """Edit an effort; links given as None stay as they are. The history entry's details name
    the links of each kind that changed."""
    _check_fields(fields, Effort.EDITABLE_FIELDS)
    effort = lock(Effort, pk=effort_id)
    policy.require(by, "din.change_din", effort)
    ensure_fresh(effort, version)
    # Check the edit on the locked row before any link changes; update_versioned saves it.
    _apply(effort, fields, Effort.EDITABLE_FIELDS)
    effort.start_month = first_of_month(effort.start_month)
    effort.end_month = first_of_month(effort.end_month)
    _check_effort(effort)
    changed = _set_links(
        effort,
        goals=_normalise_goals(goals),
        partners=_normalise_partners(partners),
        capitals=capitals,
    )
    checked = {name: getattr(effort, name) for name in (*fields, "start_month", "end_month")}
    checked["progress"] = effort.progress  # 100 once done
    return update_versioned(
        Effort,
        pk=effort_id,
        version=version,
        by=by,
        event="din.effort.edited",
        details=changed,
        **checked,
    )


@transaction.atomic
def effort_report_progress(
    *, effort_id: int, version: int, by, status: str, progress: int, progress_note: str = ""
) -> Effort:
    """A short progress report on an effort: its status, how far along it is (0-100) and a few
    words, by the programme team or a contact of the effort's lead partner
    (`din.report_progress`). A completed effort is 100% along. A report on an older version is
    refused (StaleEdit), naming what changed meanwhile."""
    effort = Effort.objects.select_related("programme").get(pk=effort_id)
    policy.require(by, "din.view_din", effort)
    effort = lock(Effort, pk=effort_id)
    ensure_fresh(effort, version)
    policy.require(by, "din.report_progress", effort)
    errors = {}
    if status not in EffortStatus.values:
        errors["status"] = _("Choose one of the statuses offered.")
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        errors["progress"] = _("Progress is a whole percentage from 0 to 100.")
    if errors:
        raise ValidationError(errors)
    if status == EffortStatus.DONE:
        progress = 100
    return update_versioned(
        effort,
        version=version,
        by=by,
        event="din.effort.progress_reported",
        status=status,
        progress=progress,
        progress_note=(progress_note or "").strip(),
    )


@transaction.atomic
def effort_delete(*, effort_id: int, by) -> None:
    effort = lock(Effort, pk=effort_id)
    policy.require(by, "din.change_din", effort)
    delete_with_history(effort, by=by, event="din.effort.removed")
