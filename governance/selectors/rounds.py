"""Read side of written rounds: how far a round is (who has voted on everything, who has not),
and the open rounds a person follows. A few queries for any number of rounds, so a home page or
"Te besluiten" can show the progress of each.

For the home page: `open_rounds(user=..., programmes=[...])` gives the open rounds the person
may follow (the programme team and secretariat: every round of their programme; board members
and the body's members: their bodies' rounds), each with `.progress` (a `RoundProgress`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count

from avk.access import BACK_OFFICE_ROLES, Role, is_superuser, roles_by_programme

from ..models import (
    FINAL_OUTCOMES,
    DecisionKind,
    Membership,
    Proposal,
    ProposalStatus,
    ProposedDecision,
    RoundReminder,
    Vote,
)

#: Roles that follow every open round of their programme.
FOLLOWERS = frozenset(BACK_OFFICE_ROLES) | {Role.BOARD}


@dataclass
class RoundProgress:
    """Who of the body's current voting members has voted on every open agree-decision
    (`voted`), on some of them (`partly`), or not at all (`not_voted`)."""

    decisions: int = 0
    voted: list = field(default_factory=list)
    partly: list = field(default_factory=list)
    not_voted: list = field(default_factory=list)

    @property
    def members(self) -> int:
        return len(self.voted) + len(self.partly) + len(self.not_voted)

    @property
    def done(self) -> int:
        return len(self.voted)

    @property
    def waiting(self) -> list:
        """Everyone who still has to vote on something, by name."""
        return sorted(self.partly + self.not_voted, key=_name)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.members) if self.members else 0

    @property
    def complete(self) -> bool:
        return self.members > 0 and not self.partly and not self.not_voted


def _name(user) -> tuple:
    return (user.last_name.lower(), user.first_name.lower(), user.username)


def round_progress(proposals: Iterable[Proposal]) -> dict[int, RoundProgress]:
    """Proposal id -> its `RoundProgress`, for any number of proposals in three queries (the
    open decisions per proposal, the voting members of their bodies, the votes cast)."""
    proposals = list(proposals)
    if not proposals:
        return {}
    ids = [p.pk for p in proposals]
    open_agree = ProposedDecision.objects.filter(
        proposal_id__in=ids, kind=DecisionKind.AGREE
    ).exclude(outcome__in=FINAL_OUTCOMES)
    needed = dict(
        open_agree.values("proposal_id").annotate(n=Count("pk")).values_list("proposal_id", "n")
    )
    members: dict[int, list] = {}
    for membership in (
        Membership.objects.current()
        .voting()
        .filter(body_id__in={p.body_id for p in proposals})
        .select_related("user")
    ):
        members.setdefault(membership.body_id, []).append(membership.user)
    cast: dict[tuple[int, int], int] = {}
    for proposal_id, user_id in Vote.objects.filter(decision__in=open_agree).values_list(
        "decision__proposal_id", "user_id"
    ):
        cast[proposal_id, user_id] = cast.get((proposal_id, user_id), 0) + 1
    found = {}
    for proposal in proposals:
        progress = RoundProgress(decisions=needed.get(proposal.pk, 0))
        for user in sorted(members.get(proposal.body_id, []), key=_name):
            count = cast.get((proposal.pk, user.pk), 0)
            if progress.decisions and count >= progress.decisions:
                progress.voted.append(user)
            elif count:
                progress.partly.append(user)
            else:
                progress.not_voted.append(user)
        found[proposal.pk] = progress
    return found


def open_rounds(*, user, programmes) -> list[Proposal]:
    """The open written rounds of `programmes` (programmes or their ids) that the person
    follows, soonest deadline first, each with `.progress`: every round of a programme where
    they are in the team, the secretariat or the board; else the rounds of bodies they sit on.
    Five queries, whatever the number of programmes and rounds."""
    ids = {getattr(p, "pk", p) for p in programmes}
    if not ids or not getattr(user, "is_authenticated", False):
        return []
    roles = roles_by_programme(user)
    member_of = set(
        Membership.objects.current().filter(user=user).values_list("body_id", flat=True)
    )
    rows = [
        proposal
        for proposal in Proposal.objects.filter(
            status=ProposalStatus.WRITTEN_ROUND, programme_id__in=ids
        )
        .select_related("body", "programme", "drafter")
        .order_by("round_deadline", "pk")
        if is_superuser(user)
        or roles.get(proposal.programme_id, frozenset()) & FOLLOWERS
        or proposal.body_id in member_of
    ]
    progress = round_progress(rows)
    for proposal in rows:
        proposal.progress = progress[proposal.pk]
    return rows


def reminders(proposal: Proposal) -> list[RoundReminder]:
    """The reminders sent in the proposal's round, newest first, with who sent them and to
    whom (two queries)."""
    return list(
        RoundReminder.objects.filter(proposal=proposal)
        .select_related("sent_by")
        .prefetch_related("recipients")
        .order_by("-sent_at", "-pk")
    )
