from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from simple_history.admin import SimpleHistoryAdmin

from avk.admin import ProgrammeScopedAdmin

from . import permissions as policy
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
        fields = ["name", "short_name", "slug", "ambition", "start_date", "horizon_years"]

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
        fields = ["name", "short_name", "slug", "ambition", "start_date", "horizon_years"]
        return fields if obj else [*fields, "phase", "steering_form"]

    def has_add_permission(self, request):
        return request.user.is_superuser


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    list_display = ["user", "programme", "role", "valid_from", "valid_until"]
    list_filter = ["programme", "role"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "partner"]
    list_select_related = ["user", "programme", "partner"]
    change_rule = staticmethod(policy.can_manage_roles)

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
            extra = {
                k: v
                for k, v in form.cleaned_data.items()
                if k not in {"programme", "user", "role", "valid_from", "valid_until"}
            }
            granted = services.role_grant(
                programme=obj.programme,
                user=obj.user,
                role=obj.role,
                by=request.user,
                valid_from=obj.valid_from,
                valid_until=obj.valid_until,
                **extra,
            )
            obj.pk = granted.pk

    def has_delete_permission(self, request, obj=None):
        return False  # end a role instead: its history stays


# --- the DIN (the pages are the main place to keep it; the admin uses the same services) ----

from django.contrib import messages  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402

from .models import (  # noqa: E402
    Effort,
    EffortGoal,
    EffortPartner,
    Indicator,
    Measurement,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)


class DinAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    """Saves and removals go through the DIN services (history, ordering, rules)."""

    change_rule = staticmethod(policy.can_change_din)
    list_filter = ["programme"]
    #: create(obj, form, by) and update(obj, fields, by) and delete(obj, by)
    create = update = delete = None

    def save_model(self, request, obj, form, change):
        if change:
            fields = {
                n: form.cleaned_data[n]
                for n in form.changed_data
                if n not in {"programme", "version"}
            }
            saved = self.update(obj, obj.version, fields, request.user)
        else:
            saved = self.create(obj, form.cleaned_data, request.user)
        obj.pk = saved.pk
        obj.version = saved.version

    def delete_model(self, request, obj):
        try:
            self.delete(obj, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ProgrammeLine)
class ProgrammeLineAdmin(DinAdmin):
    list_display = ["name", "programme", "order"]
    fields = ["programme", "name", "challenge", "approach"]
    search_fields = ["name"]

    def get_readonly_fields(self, request, obj=None):
        return ["programme"] if obj else []

    def create(self, obj, data, by):
        return services.line_create(
            programme=data["programme"],
            by=by,
            name=data["name"],
            challenge=data["challenge"],
            approach=data["approach"],
        )

    def update(self, obj, version, fields, by):
        return services.line_update(line_id=obj.pk, version=version, by=by, **fields)

    def delete(self, obj, by):
        services.line_delete(line_id=obj.pk, by=by)


@admin.register(StrategicGoal)
class StrategicGoalAdmin(DinAdmin):
    list_display = ["title", "line", "programme", "order"]
    fields = ["line", "title", "description"]
    search_fields = ["title"]
    list_select_related = ["line", "programme"]

    def get_readonly_fields(self, request, obj=None):
        return ["line"] if obj else []

    def create(self, obj, data, by):
        return services.strategic_goal_create(
            line=data["line"], by=by, title=data["title"], description=data["description"]
        )

    def update(self, obj, version, fields, by):
        return services.strategic_goal_update(goal_id=obj.pk, version=version, by=by, **fields)

    def delete(self, obj, by):
        services.strategic_goal_delete(goal_id=obj.pk, by=by)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "line":
            kwargs["queryset"] = ProgrammeLine.objects.filter(
                programme__in=policy.programmes_administered_by(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(OperationalGoal)
class OperationalGoalAdmin(DinAdmin):
    list_display = ["title", "strategic_goal", "programme", "order"]
    fields = ["strategic_goal", "title", "description"]
    search_fields = ["title"]
    list_select_related = ["strategic_goal", "programme"]

    def get_readonly_fields(self, request, obj=None):
        return ["strategic_goal"] if obj else []

    def create(self, obj, data, by):
        return services.operational_goal_create(
            strategic_goal=data["strategic_goal"],
            by=by,
            title=data["title"],
            description=data["description"],
        )

    def update(self, obj, version, fields, by):
        return services.operational_goal_update(goal_id=obj.pk, version=version, by=by, **fields)

    def delete(self, obj, by):
        # the admin cannot ask what happens to the efforts: only goals without them go here
        services.operational_goal_delete(goal_id=obj.pk, by=by)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "strategic_goal":
            kwargs["queryset"] = StrategicGoal.objects.filter(
                programme__in=policy.programmes_administered_by(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EffortGoalInline(admin.TabularInline):
    model = EffortGoal
    extra = 0
    can_delete = False
    readonly_fields = ["goal", "contribution"]

    def has_add_permission(self, request, obj=None):
        return False  # through the DIN pages, which check the goal's programme


class EffortPartnerInline(EffortGoalInline):
    model = EffortPartner
    readonly_fields = ["partner", "role"]


@admin.register(Effort)
class EffortAdmin(DinAdmin):
    list_display = ["title", "programme", "status", "progress", "start_month", "end_month"]
    list_filter = ["programme", "status", "structural"]
    search_fields = ["title", "other_parties"]
    inlines = [EffortGoalInline, EffortPartnerInline]
    fields = [
        "programme",
        "title",
        "description",
        "status",
        "progress",
        "progress_note",
        "start_month",
        "end_month",
        "other_parties",
        "structural",
        "municipality",
        "place",
    ]

    def get_readonly_fields(self, request, obj=None):
        return ["programme"] if obj else []

    def create(self, obj, data, by):
        data = dict(data)
        return services.effort_create(programme=data.pop("programme"), by=by, **data)

    def update(self, obj, version, fields, by):
        return services.effort_update(effort_id=obj.pk, version=version, by=by, **fields)

    def delete(self, obj, by):
        services.effort_delete(effort_id=obj.pk, by=by)


class WorkingGroupMemberInline(admin.TabularInline):
    model = WorkingGroupMember
    extra = 0
    can_delete = False
    readonly_fields = ["partner", "person", "user", "is_lead"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WorkingGroup)
class WorkingGroupAdmin(DinAdmin):
    list_display = ["name", "programme", "order"]
    fields = ["programme", "name", "theme", "order"]
    inlines = [WorkingGroupMemberInline]

    def get_readonly_fields(self, request, obj=None):
        return ["programme"] if obj else []

    def create(self, obj, data, by):
        return services.working_group_create(
            programme=data["programme"],
            by=by,
            name=data["name"],
            theme=data["theme"],
            order=data["order"],
        )

    def update(self, obj, version, fields, by):
        return services.working_group_update(
            working_group_id=obj.pk, version=version, by=by, **fields
        )

    def delete(self, obj, by):
        services.working_group_delete(working_group_id=obj.pk, by=by)


@admin.register(Indicator)
class IndicatorAdmin(DinAdmin):
    list_display = ["name", "goal", "programme", "frequency", "owner"]
    list_select_related = ["goal", "programme", "owner"]
    fields = [
        "goal",
        "name",
        "unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "direction",
        "cumulative",
        "frequency",
        "owner",
    ]

    def create(self, obj, data, by):
        data = dict(data)
        return services.indicator_create(goal=data.pop("goal"), by=by, **data)

    def update(self, obj, version, fields, by):
        return services.indicator_update(indicator_id=obj.pk, version=version, by=by, **fields)

    def delete(self, obj, by):
        services.indicator_delete(indicator_id=obj.pk, by=by)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":
            # People with a role in a programme this person may change the DIN of.
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(programme_roles__programme__in=self.programmes_for_change(request))
                .distinct()
                .order_by("last_name", "first_name", "username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Measurement)
class MeasurementAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    """Read only: measurements are entered and reviewed on the indicator's page."""

    programme_path = "indicator__programme"
    list_display = ["indicator", "period_label", "value", "status", "entered_by"]
    list_filter = ["status", "indicator__programme"]
    list_select_related = ["indicator", "entered_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
