"""Bodies and memberships in the admin: saved through the same services as the pages."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from avk.admin import ProgrammeScopedAdmin

from .. import services
from ..models import Body, Membership
from ._common import NoDeleteActionMixin, ScopedBodyMixin


@admin.register(Body)
class BodyAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    change_action = "governance.manage_governance"
    list_display = ["name", "code", "kind", "steering_level", "programme"]
    list_filter = ["programme", "kind", "steering_level"]
    search_fields = ["name", "code"]
    fields = ["programme", *Body.EDITABLE_FIELDS]

    def save_model(self, request, obj, form, change):
        if change:
            fields = {n: form.cleaned_data[n] for n in form.changed_data}
            services.body_update(body_id=obj.pk, by=request.user, **fields)
        else:
            created = services.body_create(by=request.user, **form.cleaned_data)
            obj.pk = created.pk

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(
    ScopedBodyMixin, NoDeleteActionMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin
):
    change_action = "governance.manage_governance"
    programme_path = "body__programme"
    list_display = ["user", "body", "role", "expert_by_experience", "valid_from", "valid_until"]
    list_filter = ["body__programme", "body", "role", "expert_by_experience"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "body"]

    def get_readonly_fields(self, request, obj=None):
        return ["body", "user", "role", "valid_from", "expert_by_experience"] if obj else []

    def save_model(self, request, obj, form, change):
        try:
            if change:
                services.membership_end(
                    membership_id=obj.pk, by=request.user, valid_until=obj.valid_until
                )
            else:
                created = services.membership_add(by=request.user, **form.cleaned_data)
                obj.pk = created.pk
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)

    def has_delete_permission(self, request, obj=None):
        return False  # end a membership instead: who sat on the body stays known
