"""Read-side querysets of rounds, sessions and attention points, with what their pages need
(a fixed number of queries whatever the number of sessions and points)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from .. import targets
from ..models import (
    AttentionPoint,
    Category,
    FollowUpStatus,
    Framework,
    Ingredient,
    Observation,
    ObservationKind,
    Round,
    Session,
    Statement,
)


def rounds(programme):
    """The programme's rounds, newest first, with their counts."""
    return (
        Round.objects.filter(programme=programme)
        .annotate(
            session_count=Count("sessions", distinct=True),
            point_count=Count("sessions__attention_points", distinct=True),
            open_count=Count(
                "sessions__attention_points",
                filter=Q(sessions__attention_points__status=FollowUpStatus.OPEN),
                distinct=True,
            ),
        )
        .order_by("-year", "-pk")
    )


def frameworks(programme):
    """The frameworks available to the programme, with categories and guiding topics."""
    return Framework.objects.available_to(programme).prefetch_related(
        Prefetch("categories", queryset=Category.objects.prefetch_related("topics"))
    )


@dataclass
class Column:
    """A session on the round page: its attention points grouped by side/category."""

    session: Session
    groups: list[tuple[Category | None, list[AttentionPoint]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(points) for _category, points in self.groups)


def _grouped(points, categories) -> list[tuple[Category | None, list]]:
    by_category: dict[int | None, list] = {}
    for point in points:
        by_category.setdefault(point.category_id, []).append(point)
    groups = []
    if None in by_category:
        groups.append((None, by_category[None]))
    for category in categories:
        if category.pk in by_category:
            groups.append((category, by_category[category.pk]))
    return groups


def round_page(round_id: int) -> dict:
    """The round with its sessions side by side and where their attention points overlap
    (themes raised in more than one session)."""
    round_ = Round.objects.select_related("programme").get(pk=round_id)
    points = AttentionPoint.objects.select_related("category", "theme").order_by(
        "category__order", "number", "pk"
    )
    sessions = list(
        round_.sessions.select_related("framework", "working_group")
        .prefetch_related(
            Prefetch("attention_points", queryset=points),
            Prefetch("framework__categories"),
        )
        .order_by("date", "pk")
    )
    columns = [
        Column(s, _grouped(s.attention_points.all(), s.framework.categories.all()))
        for s in sessions
    ]
    themes = list(round_.themes.all())
    overlap = []
    for theme in themes:
        cells = [
            [p for p in column.session.attention_points.all() if p.theme_id == theme.pk]
            for column in columns
        ]
        overlap.append(
            {"theme": theme, "cells": cells, "sessions": sum(1 for cell in cells if cell)}
        )
    without_theme = sum(
        1 for column in columns for p in column.session.attention_points.all() if not p.theme_id
    )
    return {
        "round": round_,
        "programme": round_.programme,
        "columns": columns,
        "themes": themes,
        "overlap": overlap,
        "without_theme": without_theme,
    }


@dataclass
class Block:
    """A side/category of a session's page (or the session as a whole: category None)."""

    category: Category | None
    observations: list = field(default_factory=list)
    points: list = field(default_factory=list)
    others: list = field(default_factory=list)
    statements: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.observations or self.points or self.others or self.statements)


def _ingredients():
    return Ingredient.objects.prefetch_related(
        Prefetch("links", queryset=_links()),
    ).order_by("order", "pk")


def _links():
    from ..models import FollowUpLink

    return FollowUpLink.objects.prefetch_related(targets.prefetch())


def _sessions():
    """Sessions with every side/category of their framework and what was recorded there."""
    return Session.objects.select_related(
        "round", "programme", "framework", "working_group"
    ).prefetch_related(
        "participants",
        "partners",
        Prefetch(
            "framework__categories",
            queryset=Category.objects.prefetch_related("topics"),
        ),
        Prefetch("observations", queryset=Observation.objects.order_by("order", "pk")),
        Prefetch(
            "attention_points",
            queryset=AttentionPoint.objects.select_related("theme", "category")
            .prefetch_related(
                Prefetch("ingredients", queryset=_ingredients()),
                Prefetch("links", queryset=_links()),
            )
            .order_by("number", "pk"),
        ),
        Prefetch("statements", queryset=Statement.objects.order_by("priority", "order", "pk")),
    )


def _blocks(session: Session) -> dict:
    categories = list(session.framework.categories.all())
    blocks = {None: Block(None)} | {c.pk: Block(c) for c in categories}
    for row in session.observations.all():
        block = blocks.get(row.category_id, blocks[None])
        (block.others if row.kind == ObservationKind.OTHER_POINT else block.observations).append(
            row
        )
    for point in session.attention_points.all():
        blocks.get(point.category_id, blocks[None]).points.append(point)
    for statement in session.statements.all():
        blocks.get(statement.category_id, blocks[None]).statements.append(statement)
    return {
        "session": session,
        "categories": categories,
        "general": blocks[None],
        "blocks": [blocks[c.pk] for c in categories],
    }


def session_page(session_id: int) -> dict:
    session = _sessions().get(pk=session_id)
    return {
        **_blocks(session),
        "round": session.round,
        "programme": session.programme,
    }


def round_document(round_id: int) -> dict:
    """Everything the round's PDF holds: every session with its blocks, and the summary of
    the round page (a fixed number of queries)."""
    page = round_page(round_id)
    sessions = _sessions().filter(round_id=round_id).order_by("date", "pk")
    return {**page, "sessions": [_blocks(session) for session in sessions]}


def point_page(point_id: int) -> AttentionPoint:
    return (
        AttentionPoint.objects.select_related(
            "session__round", "session__framework", "programme", "category", "theme"
        )
        .prefetch_related(
            Prefetch("ingredients", queryset=_ingredients()),
            Prefetch("links", queryset=_links()),
        )
        .get(pk=point_id)
    )


def follow_up(round_: Round, *, status: str = "") -> list[AttentionPoint]:
    """Every attention point of the round with its ingredients and links, by session; `status`
    keeps points (or points with ingredients) in that status."""
    points = (
        AttentionPoint.objects.filter(session__round=round_)
        .select_related("session", "category", "theme")
        .prefetch_related(
            Prefetch("ingredients", queryset=_ingredients()),
            Prefetch("links", queryset=_links()),
        )
        .order_by("session__date", "session_id", "category__order", "number", "pk")
    )
    if status:
        points = points.filter(Q(status=status) | Q(ingredients__status=status)).distinct()
    return list(points)


def status_counts(round_: Round) -> dict:
    """How many attention points and ingredients of the round are in each status."""
    counts = {code: {"points": 0, "ingredients": 0} for code in FollowUpStatus.values}
    for row in (
        AttentionPoint.objects.filter(session__round=round_)
        .values("status")
        .annotate(n=Count("pk"))
    ):
        counts[row["status"]]["points"] = row["n"]
    for row in (
        Ingredient.objects.filter(attention_point__session__round=round_)
        .values("status")
        .annotate(n=Count("pk"))
    ):
        counts[row["status"]]["ingredients"] = row["n"]
    return counts
