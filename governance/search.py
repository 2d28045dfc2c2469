"""Proposals and decisions in the header's search box (registered with avk.search in apps.py).

Only what the person may see: the proposals of `selectors.proposals_visible` (the policy's
`governance.view` rule as a filter, per programme, joined into one query), and the decisions
(with an outcome) of those proposals."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from avk.search import Group, Hit, Query, first, matching

from .models import Proposal, ProposedDecision
from .selectors import proposals_visible

PROPOSAL_FIELDS = {"title": "A", "introduction": "B", "content": "C"}
DECISION_FIELDS = {
    "text": "A",
    "amended_text": "A",
    "number": "A",
    "proposal__title": "B",
}


def _visible(query: Query):
    visible = Proposal.objects.none()
    for programme in query.programmes:
        visible = visible | proposals_visible(user=query.user, programme=programme)
    return visible


def _proposal_hit(proposal: Proposal) -> Hit:
    detail = " · ".join(
        [proposal.body.name, proposal.get_status_display(), date_format(proposal.date)]
    )
    return Hit(proposal.title, proposal.get_absolute_url(), detail, proposal.programme)


def _decision_hit(decision: ProposedDecision) -> Hit:
    parts = [decision.number or "", decision.get_outcome_display()]
    if decision.decided_on:
        parts.append(date_format(decision.decided_on))
    parts.append(decision.proposal.title)
    return Hit(
        Truncator(decision.final_text).chars(160),
        decision.get_absolute_url(),
        " · ".join(part for part in parts if part),
        decision.proposal.programme,
    )


def search(query: Query) -> list[Group]:
    if not (query.wants("proposals") or query.wants("decisions")):
        return []
    visible = _visible(query)
    groups = []
    if query.wants("proposals"):
        rows, more = first(
            matching(
                visible.select_related("body", "programme"),
                query.text,
                PROPOSAL_FIELDS,
                order_by=("-date", "-pk"),
            ),
            query.limit,
        )
        groups.append(Group("proposals", _("Proposals"), [_proposal_hit(p) for p in rows], more))
    if query.wants("decisions"):
        decisions = (
            ProposedDecision.objects.filter(proposal__in=visible.values("pk"))
            .exclude(outcome="")
            .select_related("proposal", "proposal__programme")
        )
        rows, more = first(
            matching(
                decisions,
                query.text,
                DECISION_FIELDS,
                order_by=("-decided_on", "number", "pk"),
            ),
            query.limit,
        )
        groups.append(Group("decisions", _("Decisions"), [_decision_hit(d) for d in rows], more))
    return groups
