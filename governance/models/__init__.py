"""Bodies, meetings, proposals and the decisions taken on them.

The data here only describes; every change goes through `governance.services` (one function per
verb), which asks the policy, checks the workflow, keeps a `Transition` per step and the history
record, assigns decision numbers under a lock, and sends the e-mails. Recorded decisions are
final: the services refuse to change them and the admin offers no change or delete.

`ProposedDecision.subject` (a generic link) names what a decision adopts (a budget, a phase
plan: any model registered in `avk.adoption`); the one decide step
(`governance.services.decisions.decision_record`) adopts it. `ProposedDecision.number` (e.g.
DB-2023-004) is the stable identifier of an adopted decision and
`ProposedDecision.get_absolute_url()` its stable page.
"""

from .bodies import (
    VOTING_ROLES,
    Body,
    BodyKind,
    MemberRole,
    Membership,
    SteeringLevel,
    VoteVisibility,
)
from .decisions import (
    ADOPTING_OUTCOMES,
    ALLOWED_OUTCOMES,
    CORRECTION_OUTCOMES,
    FINAL_OUTCOMES,
    NUMBERED_OUTCOMES,
    DecidedVia,
    DecisionKind,
    Outcome,
    ProposedDecision,
    Vote,
    VoteChoice,
)
from .documents import DecisionListDocument, DocumentStatus
from .meetings import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingStatus,
    Presence,
)
from .proposals import (
    Attachment,
    Proposal,
    ProposalStatus,
    RoundReminder,
    Transition,
    attachment_path,
)

__all__ = [
    "ADOPTING_OUTCOMES",
    "ALLOWED_OUTCOMES",
    "CORRECTION_OUTCOMES",
    "FINAL_OUTCOMES",
    "NUMBERED_OUTCOMES",
    "VOTING_ROLES",
    "ActionItem",
    "ActionStatus",
    "AgendaItem",
    "Attachment",
    "Attendance",
    "Body",
    "BodyKind",
    "DecidedVia",
    "DecisionListDocument",
    "DecisionKind",
    "DocumentStatus",
    "Meeting",
    "MeetingStatus",
    "MemberRole",
    "Membership",
    "Outcome",
    "Presence",
    "Proposal",
    "ProposalStatus",
    "ProposedDecision",
    "RoundReminder",
    "SteeringLevel",
    "Transition",
    "Vote",
    "VoteChoice",
    "VoteVisibility",
    "attachment_path",
]
