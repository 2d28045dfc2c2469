"""The admin for phase plans: a read-only view for the back office, scoped to the programmes a
person administers. Plans are drawn up, edited, selected and put before the board on their own
pages (through the services); adoption is the board's decision, never an admin edit."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from avk.admin import ProgrammeScopedAdmin

from .models import PhasePlan


@admin.register(PhasePlan)
class PhasePlanAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "programme", "valid_from", "valid_until", "status", "adopted_on"]
    list_filter = ["programme", "status"]
    change_action = "phaseplans.create"
    exclude = ["frozen"]
    readonly_fields = [
        "programme",
        *PhasePlan.EDITABLE_FIELDS,
        "status",
        "adopted_by",
        "adopted_on",
        "closed_on",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
