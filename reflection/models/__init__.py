"""The reflection models: frameworks, rounds and sessions, what sessions bring forth, the quick
scan."""

from .frameworks import Category, Framework, GuidingTopic
from .points import (
    AttentionPoint,
    FollowUpLink,
    FollowUpStatus,
    Ingredient,
    Observation,
    ObservationKind,
    Statement,
)
from .rounds import Level, Round, Session, Theme
from .scans import (
    ANSWER_SCORE,
    MAX_SCORE,
    Answer,
    QuickScan,
    ScanAnswer,
    ScanItem,
    ScanResponse,
)

__all__ = [
    "ANSWER_SCORE",
    "MAX_SCORE",
    "Answer",
    "AttentionPoint",
    "Category",
    "FollowUpLink",
    "FollowUpStatus",
    "Framework",
    "GuidingTopic",
    "Ingredient",
    "Level",
    "Observation",
    "ObservationKind",
    "QuickScan",
    "Round",
    "ScanAnswer",
    "ScanItem",
    "ScanResponse",
    "Session",
    "Statement",
    "Theme",
]
