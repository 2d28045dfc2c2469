"""Decisions and votes in the admin: read-only. A recorded decision is final (correct it from
the portal); votes are cast by the members themselves."""

from django.contrib import admin

from avk.admin import ProgrammeScopedAdmin

from ..models import ProposedDecision, Vote
from ._common import NoDeleteActionMixin


class ReadOnlyAdmin(NoDeleteActionMixin, ProgrammeScopedAdmin):
    change_action = "governance.manage_governance"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProposedDecision)
class ProposedDecisionAdmin(ReadOnlyAdmin):
    """The decision list, read-only: a recorded decision is final (correct it from the portal)."""

    programme_path = "proposal__programme"
    list_display = ["number", "proposal", "position", "kind", "outcome", "decided_on"]
    list_filter = ["proposal__programme", "proposal__body", "outcome", "kind"]
    search_fields = ["number", "text", "amended_text", "proposal__title"]
    list_select_related = ["proposal"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    programme_path = "decision__proposal__programme"
    list_display = ["decision", "user", "choice", "cast_at"]
    list_filter = ["decision__proposal__programme", "choice"]
    list_select_related = ["decision", "user"]
