"""Read-side queries about programmes and the people in them."""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from avk.access import ALL_ROLES, roles_by_programme

from .models import (
    HomeDismissal,
    Programme,
    ProgrammePhase,
    ProgrammeSteeringForm,
    RoleAssignment,
)
from .permissions import programmes_visible_to


def with_current_state(queryset: QuerySet[Programme], on=None) -> QuerySet[Programme]:
    """Annotate `current_phase` and `current_steering_form` (the codes in force on the day)."""
    day = on or timezone.localdate()
    phase = ProgrammePhase.objects.filter(programme=OuterRef("pk"), valid_from__lte=day)
    form = ProgrammeSteeringForm.objects.filter(programme=OuterRef("pk"), valid_from__lte=day)
    return queryset.annotate(
        current_phase=Subquery(phase.order_by("-valid_from").values("phase")[:1]),
        current_steering_form=Subquery(form.order_by("-valid_from").values("steering_form")[:1]),
    )


def programmes_for_user(user) -> QuerySet[Programme]:
    return with_current_state(programmes_visible_to(user)).order_by("name")


def programme_roles_for_user(user) -> list[tuple[Programme, frozenset[str]]]:
    """The person's programmes, each with the roles held there today (all roles for a
    superuser without a role of their own)."""
    held = roles_by_programme(user)
    result = []
    for programme in programmes_for_user(user):
        roles = held.get(programme.pk)
        if roles is None and user.is_superuser:
            roles = frozenset()
        result.append((programme, roles if roles is not None else frozenset()))
    return result


def programme_detail() -> QuerySet[Programme]:
    """Programmes with their current state and the phases and steering forms they had."""
    return with_current_state(Programme.objects.all()).prefetch_related(
        Prefetch("phases", queryset=ProgrammePhase.objects.order_by("-valid_from")),
        Prefetch("steering_forms", queryset=ProgrammeSteeringForm.objects.order_by("-valid_from")),
    )


def role_assignments(*, programme: Programme, include_past: bool = False) -> QuerySet:
    queryset = RoleAssignment.objects.filter(programme=programme).select_related("user", "partner")
    if not include_past:
        queryset = queryset.filter(valid_until__isnull=True) | queryset.filter(
            valid_until__gte=timezone.localdate()
        )
    return queryset.order_by("user__last_name", "user__first_name", "user__username", "role")


def role_labels(roles: frozenset[str]) -> list[str]:
    from avk.access import Role

    return [Role(code).label for code in Role.values if code in roles and code in ALL_ROLES]


def pending_invitations(*, programme: Programme, limit: int = 10) -> list[RoleAssignment]:
    """Current roles of people who have not set a password yet (invited, not logged in)."""
    queryset = (
        RoleAssignment.objects.awaiting_acceptance()
        .filter(programme=programme)
        .select_related("user")
        .order_by("-valid_from", "-pk")
    )
    return list(queryset[:limit])


def pending_invitations_by_programme(programme_ids, limit: int = 10) -> dict[int, list]:
    """The same rows as pending_invitations(programme=...) for several programmes at once, at
    most `limit` per programme: {programme_id: [role assignment, ...]}, in one query (the home
    page asks once for all the person's team programmes)."""
    ids = sorted(set(programme_ids))
    found: dict[int, list] = {pid: [] for pid in ids}
    if not ids:
        return found
    pending = (
        RoleAssignment.objects.awaiting_acceptance()
        .filter(programme_id__in=ids)
        .select_related("user")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("programme_id")],
                order_by=[F("valid_from").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=limit)
        .order_by("-valid_from", "-pk")
    )
    for assignment in pending:
        found[assignment.programme_id].append(assignment)
    return found


def home_dismissals(*, user, programme_ids) -> dict[int, dict[tuple[str, str], object]]:
    """What the person has put away on their home page, in one query for all the programmes:
    {programme_id: {(feed, key): until}}."""
    found: dict[int, dict[tuple[str, str], object]] = {pid: {} for pid in programme_ids}
    if not found or not getattr(user, "is_authenticated", False):
        return found
    for programme_id, feed, key, until in HomeDismissal.objects.filter(
        user=user, programme_id__in=list(found)
    ).values_list("programme_id", "feed", "key", "until"):
        found[programme_id][(feed, key)] = until
    return found
