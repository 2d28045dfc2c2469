"""The Django admin of the DIN. The pages are the main place to keep it; the admin uses the same
services, so history, ordering and rules are the same."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from avk.admin import ProgrammeScopedAdmin, programmes_administered_by

from . import services
from .models import (
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

    change_action = "din.change_din"
    list_filter = ["programme"]
    #: "Show all" lists a whole programme's goals or efforts (a large one has some 500 efforts;
    #: Django's default stops offering it above 200).
    list_max_show_all = 1000
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
        # The admin goes on with its own instance (messages, "save and continue"): give it what
        # the service set, the programme taken from the parent included.
        obj.pk = saved.pk
        obj.version = saved.version
        obj.programme_id = saved.programme_id

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
    fields = ["programme", *ProgrammeLine.EDITABLE_FIELDS]
    search_fields = ["name"]

    def get_readonly_fields(self, request, obj=None):
        return ["programme"] if obj else []

    def create(self, obj, data, by):
        fields = {name: data[name] for name in ProgrammeLine.EDITABLE_FIELDS}
        return services.line_create(programme=data["programme"], by=by, **fields)

    def update(self, obj, version, fields, by):
        return services.line_update(line_id=obj.pk, version=version, by=by, **fields)

    def delete(self, obj, by):
        services.line_delete(line_id=obj.pk, by=by)


@admin.register(StrategicGoal)
class StrategicGoalAdmin(DinAdmin):
    list_display = ["title", "line", "programme", "order"]
    fields = ["line", *StrategicGoal.EDITABLE_FIELDS]
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
                programme__in=programmes_administered_by(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(OperationalGoal)
class OperationalGoalAdmin(DinAdmin):
    list_display = ["title", "strategic_goal", "programme", "order"]
    fields = ["strategic_goal", *OperationalGoal.EDITABLE_FIELDS]
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
                programme__in=programmes_administered_by(request.user)
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


LEADS = ("lead_member", "lead_user")


@admin.register(Effort)
class EffortAdmin(DinAdmin):
    list_display = ["title", "programme", "status", "progress", "start_month", "end_month"]
    list_filter = ["programme", "status", "structural"]
    search_fields = ["title", "other_parties"]
    inlines = [EffortGoalInline, EffortPartnerInline]
    #: The leads are chosen on the DIN pages, which offer only this programme's people.
    fields = ["programme", *(f for f in Effort.EDITABLE_FIELDS if f not in LEADS)]

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
    #: The efforts it carries are set on its page (a many-to-many the admin would save past
    #: the services).
    fields = ["programme", *(f for f in WorkingGroup.EDITABLE_FIELDS if f != "efforts")]
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
    fields = ["goal", *Indicator.EDITABLE_FIELDS]

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
