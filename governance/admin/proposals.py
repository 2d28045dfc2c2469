"""Proposals in the admin. The workflow runs through admin ACTIONS that call the same
services as the pages; the services ask the gate, and a refused step shows its Dutch message."""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from avk import policy
from avk.admin import ProgrammeScopedAdmin
from governance import refusals

from .. import services
from ..models import Meeting, MeetingStatus, Proposal, ProposalStatus, ProposedDecision, Transition
from ._common import NoDeleteActionMixin, ScopedBodyMixin, run_each


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


@admin.register(Proposal)
class ProposalAdmin(ScopedBodyMixin, NoDeleteActionMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin):
    change_action = "governance.manage_governance"
    list_display = ["title", "body", "drafter", "date", "status", "round_deadline"]
    list_filter = ["programme", "body", "status"]
    search_fields = ["title"]
    list_select_related = ["body", "drafter"]
    inlines = [DecisionInline, TransitionInline]
    fields = ["programme", *Proposal.EDITABLE_FIELDS, "status", "round_deadline"]
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
        data = {k: v for k, v in form.cleaned_data.items() if k in Proposal.EDITABLE_FIELDS}
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

    @admin.action(description=_("Submit"))
    def submit(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda p: services.proposal_submit(proposal_id=p.pk, by=request.user),
        )

    @admin.action(description=_("Put on the agenda of the next planned meeting"))
    def schedule_next_meeting(self, request, queryset):
        def run(proposal):
            meeting = (
                Meeting.objects.filter(
                    body=proposal.body, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
                )
                .order_by("starts_at")
                .first()
            )
            if meeting is None and policy.allowed(request.user, "governance.schedule", proposal):
                raise ValidationError(_("The body has no planned meeting; plan one first."))
            services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=request.user)

        run_each(self, request, queryset, run)

    @admin.action(description=_("Open a written round (deadline in 7 days)"))
    def open_written_round(self, request, queryset):
        deadline = timezone.now() + timedelta(days=7)
        run_each(
            self,
            request,
            queryset,
            lambda p: services.round_open(proposal_id=p.pk, deadline=deadline, by=request.user),
        )

    @admin.action(description=_("Record the meeting's outcomes"))
    def record_outcomes(self, request, queryset):
        """The outcomes are recorded on the portal's form (the same service); the gate is asked
        here first, so a refused person is told why instead of being sent to a 403."""
        if queryset.count() != 1:
            self.message_user(request, _("Choose one proposal."), messages.ERROR)
            return None
        proposal = queryset.first()
        if not policy.allowed(request.user, "governance.record", proposal):
            message = refusals.why_not(request.user, "record", proposal)
            self.message_user(
                request, message or _("Not allowed for %(p)s.") % {"p": proposal}, messages.ERROR
            )
            return None
        return redirect(reverse("governance:proposal-record", args=[proposal.pk]))

    @admin.action(description=_("Close the written round"))
    def close_written_round(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda p: services.round_close(proposal_id=p.pk, by=request.user),
        )

    @admin.action(description=_("Withdraw"))
    def withdraw(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda p: services.proposal_withdraw(proposal_id=p.pk, by=request.user),
        )
