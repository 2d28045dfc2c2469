"""Governance in the Django admin, scoped per programme. The workflow runs through admin ACTIONS
that call the same services as the pages; a refused step shows the service's Dutch message.
Recorded decisions and votes are read-only here: no change, no delete, no delete action."""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from avk.admin import ProgrammeScopedAdmin

from . import permissions as policy
from . import services
from .models import (
    ActionItem,
    AgendaItem,
    Body,
    Meeting,
    MeetingStatus,
    Membership,
    Proposal,
    ProposalStatus,
    ProposedDecision,
    Transition,
    Vote,
)


def _programme_policy():
    from programme.core import permissions

    return permissions


class ScopedBodyMixin:
    """Limit body, meeting and proposal choices to the programmes the person administers."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        programmes = _programme_policy().programmes_administered_by(request.user)
        if db_field.name == "body":
            kwargs["queryset"] = Body.objects.filter(programme__in=programmes)
        elif db_field.name == "meeting":
            kwargs["queryset"] = Meeting.objects.filter(body__programme__in=programmes)
        elif db_field.name == "proposal":
            kwargs["queryset"] = Proposal.objects.filter(programme__in=programmes)
        elif db_field.name in ("user", "drafter", "owner"):
            from django.contrib.auth import get_user_model

            from programme.core.models import RoleAssignment

            people = RoleAssignment.objects.current().filter(programme__in=programmes)
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(pk__in=people.values("user_id"))
                .order_by("last_name", "first_name")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class NoDeleteActionMixin:
    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


@admin.register(Body)
class BodyAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    change_action = "governance.manage_governance"
    list_display = ["name", "code", "kind", "steering_level", "programme"]
    list_filter = ["programme", "kind", "steering_level"]
    search_fields = ["name", "code"]

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
    fields = ["body", "starts_at", "place", "status", "minutes"]

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
        _run_each(
            self,
            request,
            queryset,
            lambda o: services.action_item_close(action_item_id=o.pk, by=request.user),
        )

    def has_delete_permission(self, request, obj=None):
        return False


class DecisionInline(admin.TabularInline):
    """Proposed decisions: written while the proposal is a draft, read-only afterwards."""

    model = ProposedDecision
    extra = 1
    fields = ["position", "kind", "text", "outcome", "amended_text", "number", "decided_on"]
    readonly_fields = ["outcome", "amended_text", "number", "decided_on"]
    can_delete = False

    def _editable(self, obj):
        return obj is None or obj.status == ProposalStatus.CONCEPT

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    fields = ["at", "by", "from_status", "to_status", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _run_each(model_admin, request, queryset, run, success=None):
    done = 0
    for obj in queryset:
        try:
            run(obj)
        except ValidationError as error:
            for message in error.messages:
                model_admin.message_user(request, f"{obj}: {message}", messages.ERROR)
        else:
            done += 1
    if done:
        model_admin.message_user(
            request, success or _("%(n)s item(s) done.") % {"n": done}, messages.SUCCESS
        )


@admin.register(Proposal)
class ProposalAdmin(ScopedBodyMixin, NoDeleteActionMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin):
    change_action = "governance.manage_governance"
    list_display = ["title", "body", "drafter", "date", "status", "round_deadline"]
    list_filter = ["programme", "body", "status"]
    search_fields = ["title"]
    list_select_related = ["body", "drafter"]
    inlines = [DecisionInline, TransitionInline]
    fields = [
        "programme",
        "body",
        "title",
        "drafter",
        "drafter_function",
        "date",
        "introduction",
        "content",
        "status",
        "round_deadline",
    ]
    actions = [
        "submit",
        "schedule_next_meeting",
        "open_written_round",
        "record_outcomes",
        "close_written_round",
        "withdraw",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["status", "round_deadline"]
        if obj.status == ProposalStatus.CONCEPT:
            return ["programme", "status", "round_deadline"]
        return self.fields

    def has_change_permission(self, request, obj=None):
        # Submitted and decided proposals are read here; the workflow runs through the actions.
        if obj is not None and obj.status != ProposalStatus.CONCEPT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw instead

    def save_model(self, request, obj, form, change):
        data = {
            k: v for k, v in form.cleaned_data.items() if k in services.proposals.PROPOSAL_FIELDS
        }
        if change:
            updated = services.proposal_update(
                proposal_id=obj.pk, version=obj.version, by=request.user, **data
            )
            obj.version = updated.version
        else:
            created = services.proposal_create(
                programme=form.cleaned_data["programme"], by=request.user, **data
            )
            obj.pk, obj.version, obj.status = created.pk, created.version, created.status

    def save_formset(self, request, form, formset, change):
        if formset.model is not ProposedDecision:
            return super().save_formset(request, form, formset, change)
        proposal = form.instance
        rows = []
        for f in formset.forms:
            data = getattr(f, "cleaned_data", None) or {}
            if not data or not (data.get("text") or "").strip():
                continue
            rows.append((data.get("position") or 999, data["kind"], data["text"]))
        rows.sort(key=lambda r: r[0])
        proposal.refresh_from_db()
        services.proposal_update(
            proposal_id=proposal.pk,
            version=proposal.version,
            by=request.user,
            decisions=[{"kind": k, "text": t} for _p, k, t in rows],
        )
        # the service wrote the decisions; the admin's change message reads these
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def _allowed(self, request, queryset, rule):
        for obj in queryset:
            if not rule(request.user, obj):
                self.message_user(request, _("Not allowed for %(p)s.") % {"p": obj}, messages.ERROR)
                return False
        return True

    @admin.action(description=_("Submit"))
    def submit(self, request, queryset):
        if self._allowed(request, queryset, policy.can_submit):
            _run_each(
                self,
                request,
                queryset,
                lambda p: services.proposal_submit(proposal_id=p.pk, by=request.user),
            )

    @admin.action(description=_("Put on the agenda of the next planned meeting"))
    def schedule_next_meeting(self, request, queryset):
        if not self._allowed(request, queryset, policy.can_schedule):
            return

        def run(proposal):
            meeting = (
                Meeting.objects.filter(
                    body=proposal.body, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
                )
                .order_by("starts_at")
                .first()
            )
            if meeting is None:
                raise ValidationError(_("The body has no planned meeting; plan one first."))
            services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=request.user)

        _run_each(self, request, queryset, run)

    @admin.action(description=_("Open a written round (deadline in 7 days)"))
    def open_written_round(self, request, queryset):
        if self._allowed(request, queryset, policy.can_open_round):
            deadline = timezone.now() + timedelta(days=7)
            _run_each(
                self,
                request,
                queryset,
                lambda p: services.round_open(proposal_id=p.pk, deadline=deadline, by=request.user),
            )

    @admin.action(description=_("Record the meeting's outcomes"))
    def record_outcomes(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one proposal."), messages.ERROR)
            return None
        proposal = queryset.first()
        if not policy.can_record(request.user, proposal):
            self.message_user(
                request, _("Not allowed for %(p)s.") % {"p": proposal}, messages.ERROR
            )
            return None
        if proposal.status != ProposalStatus.SCHEDULED:
            self.message_user(
                request,
                _("Only a proposal on a meeting's agenda can be decided in that meeting."),
                messages.ERROR,
            )
            return None
        return redirect(reverse("governance:proposal-record", args=[proposal.pk]))

    @admin.action(description=_("Close the written round"))
    def close_written_round(self, request, queryset):
        if self._allowed(request, queryset, policy.can_close_round):
            _run_each(
                self,
                request,
                queryset,
                lambda p: services.round_close(proposal_id=p.pk, by=request.user),
            )

    @admin.action(description=_("Withdraw"))
    def withdraw(self, request, queryset):
        if self._allowed(request, queryset, policy.can_withdraw):
            _run_each(
                self,
                request,
                queryset,
                lambda p: services.proposal_withdraw(proposal_id=p.pk, by=request.user),
            )


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
