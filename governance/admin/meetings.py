"""Meetings and action items in the admin: saved through the same services as the pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from avk.admin import ProgrammeScopedAdmin

from .. import services
from ..models import ActionItem, AgendaItem, Meeting
from ._common import NoDeleteActionMixin, ScopedBodyMixin, run_each


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "proposal", "title"]
    readonly_fields = ["position", "proposal"]
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False  # free items and proposals are added through the services (pages/actions)


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    fields = ["description", "owner_text", "due_date", "status", "done_on"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ScopedBodyMixin, NoDeleteActionMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin):
    change_action = "governance.manage_governance"
    programme_path = "body__programme"
    list_display = ["__str__", "body", "starts_at", "place", "status"]
    list_filter = ["body__programme", "body", "status"]
    inlines = [AgendaItemInline, ActionItemInline]
    readonly_fields = ["status"]
    fields = ["body", "status", *Meeting.EDITABLE_FIELDS]

    def save_model(self, request, obj, form, change):
        if change:
            fields = {n: form.cleaned_data[n] for n in form.changed_data if n != "body"}
            updated = services.meeting_update(
                meeting_id=obj.pk, version=obj.version, by=request.user, **fields
            )
            obj.version = updated.version
        else:
            created = services.meeting_create(by=request.user, **form.cleaned_data)
            obj.pk, obj.version = created.pk, created.version

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ActionItem)
class ActionItemAdmin(
    ScopedBodyMixin, NoDeleteActionMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin
):
    change_action = "governance.manage_governance"
    programme_path = "body__programme"
    list_display = ["description", "body", "who", "due_date", "status"]
    list_filter = ["body__programme", "body", "status"]
    fields = ["body", "meeting", "description", "owner", "owner_text", "due_date"]
    actions = ["mark_done"]

    def get_readonly_fields(self, request, obj=None):
        return ["body", "meeting", "description", "owner", "owner_text", "due_date"] if obj else []

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.action_item_create(by=request.user, **form.cleaned_data)
            obj.pk = created.pk

    @admin.action(description=_("Mark as done"))
    def mark_done(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda o: services.action_item_close(action_item_id=o.pk, by=request.user),
        )

    def has_delete_permission(self, request, obj=None):
        return False
