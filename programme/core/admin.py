"""The Django admin of programmes and role assignments; saves go through the services."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from avk import policy
from avk.admin import ProgrammeScopedAdmin

from . import services
from .models import (
    Phase,
    Programme,
    ProgrammePhase,
    ProgrammeSteeringForm,
    RoleAssignment,
    SteeringForm,
)


class PhaseInline(admin.TabularInline):
    model = ProgrammePhase
    extra = 0
    can_delete = False
    readonly_fields = ["phase", "valid_from", "note"]

    def has_add_permission(self, request, obj=None):
        return False  # through the programme page, so the history and rules are kept


class SteeringFormInline(PhaseInline):
    model = ProgrammeSteeringForm
    readonly_fields = ["steering_form", "valid_from", "note"]


class ProgrammeAdminForm(forms.ModelForm):
    phase = forms.ChoiceField(choices=Phase.choices, required=False)
    steering_form = forms.ChoiceField(choices=SteeringForm.choices, required=False)

    class Meta:
        model = Programme
        fields = list(Programme.EDITABLE_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            for name in ("phase", "steering_form"):
                if not cleaned.get(name):
                    self.add_error(name, forms.Field.default_error_messages["required"])
        return cleaned


@admin.register(Programme)
class ProgrammeAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    form = ProgrammeAdminForm
    list_display = ["name", "short_name", "start_date", "horizon_years"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [PhaseInline, SteeringFormInline]
    programme_path = None  # the row is the programme itself

    def save_model(self, request, obj, form, change):
        if change:
            fields = {name: form.cleaned_data[name] for name in form.changed_data}
            updated = services.programme_update(
                programme_id=obj.pk, version=obj.version, by=request.user, **fields
            )
            obj.version = updated.version
        else:
            created = services.programme_create(by=request.user, **form.cleaned_data)
            obj.pk, obj.version = created.pk, created.version

    def get_fields(self, request, obj=None):
        fields = list(Programme.EDITABLE_FIELDS)
        return fields if obj else [*fields, "phase", "steering_form"]

    def has_add_permission(self, request):
        return policy.allowed(request.user, "programme.create", None)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    list_display = ["user", "programme", "role", "valid_from", "valid_until"]
    list_filter = ["programme", "role"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "partner"]
    list_select_related = ["user", "programme", "partner"]
    change_action = "programme.manage_roles"
    fields = ["programme", "user", *RoleAssignment.EDITABLE_FIELDS]

    def has_add_permission(self, request):
        # Programme teams give roles on "Mensen en rollen" (with invitations); the admin's add
        # form, which can pick any account, is for superusers.
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        # A role is given and ended, never rewritten: only the end date can change.
        return ["programme", "user", "role", "valid_from"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            ended = services.role_end(
                assignment_id=obj.pk, by=request.user, valid_until=obj.valid_until
            )
            obj.valid_until = ended.valid_until
        else:
            granted = services.role_grant(
                programme=obj.programme,
                user=obj.user,
                by=request.user,
                **{name: getattr(obj, name) for name in RoleAssignment.EDITABLE_FIELDS},
            )
            obj.pk = granted.pk

    def has_delete_permission(self, request, obj=None):
        return False  # end a role instead: its history stays
