"""Drafting a proposal: create and edit a concept with its numbered proposed decisions, each
possibly naming the subject it would adopt (a budget, a phase plan)."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk import adoption, policy
from avk.services import delete_with_history, save_with_history, update_versioned

from ..models import Body, DecisionKind, Proposal, ProposalStatus, ProposedDecision, Transition
from .steps import lock_proposal

S = ProposalStatus


def _check_subject(subject, programme) -> None:
    """A decision adopts only an object of an adoptable model, of the proposal's programme."""
    if adoption.adopter_for(subject) is None:
        raise ValidationError(
            _("%(subject)s cannot be adopted by a decision.") % {"subject": subject},
            code="not_adoptable",
        )
    if getattr(subject, "programme_id", None) != programme.pk:
        raise ValidationError(
            _("%(subject)s belongs to another programme.") % {"subject": subject},
            code="other_programme",
        )


def _clean_decisions(decisions: list[dict], *, programme) -> list[dict]:
    """[{kind, text, subject (optional)}] with the empty rows left out."""
    cleaned = []
    for item in decisions:
        text = (item.get("text") or "").strip()
        if not text:
            continue
        kind = item.get("kind") or DecisionKind.AGREE
        if kind not in DecisionKind.values:
            raise ValidationError(_("Unknown kind of decision: %(kind)s.") % {"kind": kind})
        subject = item.get("subject")
        if subject is not None:
            _check_subject(subject, programme)
        cleaned.append({"kind": kind, "text": text, "subject": subject})
    return cleaned


def _write_decisions(proposal: Proposal, decisions: list[dict], *, by) -> None:
    existing = {d.position: d for d in proposal.decisions.select_for_update()}
    if any(d.outcome for d in existing.values()):
        raise ValidationError(_("Decisions that have an outcome cannot be changed."))
    for position, item in enumerate(decisions, start=1):
        decision = existing.pop(position, None) or ProposedDecision(
            proposal=proposal, position=position
        )
        decision.kind, decision.text = item["kind"], item["text"]
        subject = item.get("subject")
        decision.subject_type = ContentType.objects.get_for_model(subject) if subject else None
        decision.subject_id = subject.pk if subject else None
        save_with_history(decision, by=by, event="decision.written", details={"n": position})
    for surplus in existing.values():
        delete_with_history(
            surplus, by=by, event="decision.removed", details={"n": surplus.position}
        )


@transaction.atomic
def proposal_create(
    *,
    programme,
    body: Body,
    title: str,
    drafter,
    by,
    drafter_function: str = "",
    date: date | None = None,
    introduction: str = "",
    content: str = "",
    decisions: list[dict] | None = None,
) -> Proposal:
    """A new proposal in concept, with its proposed decisions [{kind, text, subject}, ...] in
    order (`subject`, optional: what the decision adopts, see `avk.adoption`)."""
    policy.require(by, "governance.create_proposal", programme)
    if body.programme_id != programme.pk:
        raise ValidationError({"body": _("The body belongs to another programme.")})
    cleaned = _clean_decisions(decisions or [], programme=programme)
    proposal = Proposal(
        programme=programme,
        body=body,
        title=title,
        drafter=drafter,
        drafter_function=drafter_function,
        date=date or timezone.localdate(),
        introduction=introduction,
        content=content,
    )
    save_with_history(proposal, by=by, event="proposal.drafted")
    Transition.objects.create(
        proposal=proposal, from_status="", to_status=S.CONCEPT, by=by, note=_("drafted")
    )
    _write_decisions(proposal, cleaned, by=by)
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal_id: int, version: int, by, decisions: list[dict] | None = None, **fields
) -> Proposal:
    """Edit a concept: its fields (`Proposal.EDITABLE_FIELDS`) and (when given) its whole
    ordered list of decisions."""
    unknown = set(fields) - set(Proposal.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a proposal field: {', '.join(sorted(unknown))}")
    proposal = lock_proposal(proposal_id)
    policy.require(by, "governance.edit", proposal)
    if "body" in fields and fields["body"].programme_id != proposal.programme_id:
        raise ValidationError({"body": _("The body belongs to another programme.")})
    cleaned = None
    if decisions is not None:
        cleaned = _clean_decisions(decisions, programme=proposal.programme)
    update_versioned(proposal, version=version, by=by, event="proposal.edited", **fields)
    if cleaned is not None:
        _write_decisions(proposal, cleaned, by=by)
    return proposal
