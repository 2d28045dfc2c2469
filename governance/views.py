"""Governance pages. Thin: parse, ask the policy (403 otherwise), call a service or selector,
render. Workflow refusals (ValidationError) are shown as messages or form errors."""

from __future__ import annotations

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.views import remember_programme
from programme.models import Programme

from . import permissions as policy
from . import selectors, services
from .forms import (
    ActionItemForm,
    AgendaItemForm,
    AttachmentForm,
    CorrectionForm,
    DecisionFormSet,
    MeetingForm,
    MinutesForm,
    ProposalEditForm,
    ProposalForm,
    RecordForm,
    RoundForm,
    ScheduleForm,
    VoteForm,
    decisions_from,
    default_deadline,
)
from .markdown import render as markdown
from .models import (
    ActionItem,
    Attachment,
    Body,
    Meeting,
    Proposal,
    ProposalStatus,
    ProposedDecision,
)


def _programme(request, slug, rule) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    if not rule(request.user, programme):
        raise PermissionDenied
    remember_programme(request, programme)
    return programme


def _proposal(request, pk, rule) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("programme", "body"), pk=pk)
    if not rule(request.user, proposal):
        raise PermissionDenied
    remember_programme(request, proposal.programme)
    return proposal


def _error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- lists ------------------------------------------------------------------------------------


def to_decide(request, slug):
    programme = _programme(request, slug, policy.can_view_governance)
    proposals = selectors.to_decide(user=request.user, programme=programme)
    return render(
        request, "governance/to_decide.html", {"programme": programme, "proposals": proposals}
    )


def proposal_list(request, slug):
    programme = _programme(request, slug, policy.can_view_governance)
    status = request.GET.get("status") or ""
    if status not in ProposalStatus.values:
        status = ""
    rows = selectors.proposal_rows(user=request.user, programme=programme, status=status or None)
    return render(
        request,
        "governance/proposal_list.html",
        {
            "programme": programme,
            "proposals": rows,
            "status": status,
            "statuses": ProposalStatus.choices,
            "can_create": policy.can_create_proposal(request.user, programme),
        },
    )


# --- proposal ---------------------------------------------------------------------------------


def proposal_detail(request, pk):
    _proposal(request, pk, policy.can_view_proposal)
    proposal = selectors.proposal_detail(pk=pk)
    user = request.user
    may = {
        action: rule(user, proposal)
        for action, rule in policy.RULES.items()
        if action
        in {
            "edit",
            "submit",
            "schedule",
            "open_round",
            "close_round",
            "withdraw",
            "record",
            "vote",
            "attach",
        }
    }
    return render(
        request,
        "governance/proposal_detail.html",
        {
            "proposal": proposal,
            "programme": proposal.programme,
            "introduction": markdown(proposal.introduction),
            "content": markdown(proposal.content),
            "may": may,
            "schedule_form": ScheduleForm(proposal=proposal) if may["schedule"] else None,
            "round_form": RoundForm(initial={"round_deadline": default_deadline()})
            if may["open_round"]
            else None,
            "attachment_form": AttachmentForm() if may["attach"] else None,
            "all_voted": proposal.round_open and services.round_all_voted(proposal),
        },
    )


def proposal_create(request, slug):
    programme = _programme(request, slug, policy.can_create_proposal)
    form = ProposalForm(
        request.POST or None,
        programme=programme,
        initial={"drafter": request.user.pk},
    )
    formset = DecisionFormSet(request.POST or None, prefix="decisions")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            proposal = services.proposal_create(
                programme=programme,
                by=request.user,
                decisions=decisions_from(formset),
                **form.cleaned_data,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The proposal has been saved as a draft."))
            return redirect(proposal)
    return render(
        request,
        "governance/proposal_form.html",
        {"programme": programme, "form": form, "formset": formset, "proposal": None},
    )


def proposal_edit(request, pk):
    proposal = _proposal(request, pk, policy.can_view_proposal)
    if not policy.can_edit_proposal(request.user, proposal):
        if proposal.status != ProposalStatus.CONCEPT:
            messages.error(
                request, _("This proposal has been submitted; only a draft can be edited.")
            )
            return redirect(proposal)
        raise PermissionDenied
    initial = [
        {"kind": d.kind, "text": d.text, "ORDER": d.position}
        for d in proposal.decisions.order_by("position")
    ]
    form = ProposalEditForm(request.POST or None, instance=proposal, programme=proposal.programme)
    formset = DecisionFormSet(request.POST or None, prefix="decisions", initial=initial)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            proposal = services.proposal_update(
                proposal_id=proposal.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                decisions=decisions_from(formset),
                **fields,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The proposal has been saved."))
            return redirect(proposal)
    return render(
        request,
        "governance/proposal_form.html",
        {"programme": proposal.programme, "form": form, "formset": formset, "proposal": proposal},
    )


def _step(request, pk, rule, run, success):
    proposal = _proposal(request, pk, rule)
    try:
        run(proposal)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, success)
    return redirect(proposal)


@require_POST
def proposal_submit(request, pk):
    return _step(
        request,
        pk,
        policy.can_submit,
        lambda p: services.proposal_submit(proposal_id=p.pk, by=request.user),
        _("The proposal has been submitted."),
    )


@require_POST
def proposal_schedule(request, pk):
    def run(proposal):
        form = ScheduleForm(request.POST, proposal=proposal)
        if not form.is_valid():
            raise ValidationError(_("Choose a planned meeting of the body."))
        services.proposal_schedule(
            proposal_id=proposal.pk, meeting=form.cleaned_data["meeting"], by=request.user
        )

    return _step(
        request, pk, policy.can_schedule, run, _("The proposal has been put on the agenda.")
    )


@require_POST
def proposal_open_round(request, pk):
    def run(proposal):
        form = RoundForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Give a valid deadline."))
        services.round_open(
            proposal_id=proposal.pk, deadline=form.cleaned_data["round_deadline"], by=request.user
        )

    return _step(request, pk, policy.can_open_round, run, _("The written round is open."))


@require_POST
def proposal_close_round(request, pk):
    return _step(
        request,
        pk,
        policy.can_close_round,
        lambda p: services.round_close(proposal_id=p.pk, by=request.user),
        _("The written round has been closed and its outcome recorded."),
    )


@require_POST
def proposal_withdraw(request, pk):
    return _step(
        request,
        pk,
        policy.can_withdraw,
        lambda p: services.proposal_withdraw(
            proposal_id=p.pk, by=request.user, note=request.POST.get("note", "")[:300]
        ),
        _("The proposal has been withdrawn."),
    )


@require_POST
def attachment_add(request, pk):
    proposal = _proposal(request, pk, policy.can_add_attachment)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                proposal=proposal,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The attachment has been added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(proposal)


def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("proposal__programme"), pk=pk)
    if not policy.can_download(request.user, attachment):
        raise PermissionDenied
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=os.path.basename(attachment.file.name),
        content_type=attachment.content_type,
    )


def proposal_vote(request, pk):
    proposal = _proposal(request, pk, policy.can_view_proposal)
    if not policy.can_vote(request.user, proposal):
        if request.method == "POST":
            raise PermissionDenied
        messages.error(request, _("You cannot vote on this proposal (any more)."))
        return redirect(proposal)
    proposal = selectors.proposal_detail(pk=pk)
    votes = selectors.my_votes(user=request.user, proposal=proposal)
    form = VoteForm(request.POST or None, decisions=proposal.decisions.all(), votes=votes)
    if request.method == "POST" and form.is_valid():
        try:
            services.vote_cast(proposal_id=proposal.pk, by=request.user, votes=form.votes())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("Your votes have been recorded. You can change them until the deadline.")
            )
            return redirect("governance:proposal-vote", pk=proposal.pk)
    return render(
        request,
        "governance/proposal_vote.html",
        {"proposal": proposal, "programme": proposal.programme, "form": form, "votes": votes},
    )


def proposal_record(request, pk):
    proposal = _proposal(request, pk, policy.can_record)
    if proposal.status != ProposalStatus.SCHEDULED:
        if request.method == "POST":
            try:
                services.meeting_record(proposal_id=proposal.pk, by=request.user, outcomes={})
            except ValidationError as error:
                _error_messages(request, error)
        else:
            messages.error(
                request, _("Only a proposal on a meeting's agenda can be decided in that meeting.")
            )
        return redirect(proposal)
    proposal = selectors.proposal_detail(pk=pk)
    form = RecordForm(request.POST or None, decisions=proposal.decisions.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(
                proposal_id=proposal.pk, by=request.user, outcomes=form.outcomes()
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The outcomes have been recorded."))
            return redirect(proposal)
    return render(
        request,
        "governance/proposal_record.html",
        {"proposal": proposal, "programme": proposal.programme, "form": form},
    )


def decision_correct(request, pk):
    decision = get_object_or_404(
        ProposedDecision.objects.select_related("proposal__programme", "proposal__body"), pk=pk
    )
    proposal = decision.proposal
    if not policy.can_record(request.user, proposal):
        raise PermissionDenied
    remember_programme(request, proposal.programme)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_correct(
                decision_id=decision.pk, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The correction has been recorded as a new decision."))
            return redirect(proposal)
    return render(
        request,
        "governance/decision_correct.html",
        {"decision": decision, "proposal": proposal, "programme": proposal.programme, "form": form},
    )


# --- meetings and bodies ----------------------------------------------------------------------


def meeting_list(request, slug):
    programme = _programme(request, slug, policy.can_view_governance)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "programme": programme,
            "meetings": selectors.meetings(programme=programme),
            "bodies": selectors.bodies(programme=programme),
            "can_manage": policy.can_manage_governance(request.user, programme),
        },
    )


def meeting_create(request, slug):
    programme = _programme(request, slug, policy.can_manage_governance)
    form = MeetingForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The meeting has been planned."))
            return redirect(meeting)
    return render(request, "governance/meeting_form.html", {"programme": programme, "form": form})


def _meeting(request, pk, rule) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body__programme"), pk=pk)
    if not rule(request.user, meeting):
        raise PermissionDenied
    remember_programme(request, meeting.body.programme)
    return meeting


def meeting_detail(request, pk):
    _meeting(request, pk, policy.can_view_meeting)
    meeting = selectors.meeting_detail(pk=pk)
    can_manage = policy.can_manage_meeting(request.user, meeting)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "programme": meeting.body.programme,
            "minutes": markdown(meeting.minutes),
            "can_manage": can_manage,
            "action_form": ActionItemForm(body=meeting.body) if can_manage else None,
            "agenda_form": AgendaItemForm() if can_manage else None,
        },
    )


def meeting_edit(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    form = MinutesForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            meeting = services.meeting_update(
                meeting_id=meeting.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **fields,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect(meeting)
    return render(
        request,
        "governance/meeting_edit.html",
        {"meeting": meeting, "programme": meeting.body.programme, "form": form},
    )


@require_POST
def meeting_agenda_add(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    form = AgendaItemForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the agenda item a title."))
        services.agenda_item_add(meeting=meeting, title=form.cleaned_data["title"], by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The item has been added to the agenda."))
    return redirect(meeting)


@require_POST
def meeting_held(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    try:
        services.meeting_mark_held(meeting_id=meeting.pk, by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The meeting has been marked as held."))
    return redirect(meeting)


@require_POST
def action_item_add(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    form = ActionItemForm(request.POST, body=meeting.body)
    if form.is_valid():
        try:
            services.action_item_create(
                body=meeting.body, meeting=meeting, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The action item has been added."))
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
    return redirect(meeting)


@require_POST
def action_item_done(request, pk):
    item = get_object_or_404(ActionItem.objects.select_related("body__programme"), pk=pk)
    if not policy.can_manage_action_item(request.user, item):
        raise PermissionDenied
    try:
        if request.POST.get("reopen"):
            services.action_item_reopen(action_item_id=item.pk, by=request.user)
        else:
            services.action_item_close(action_item_id=item.pk, by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The action item has been updated."))
    if item.meeting is not None:
        return redirect(item.meeting)
    return redirect("governance:meeting-list", slug=item.body.programme.slug)


def body_detail(request, pk):
    body = get_object_or_404(Body.objects.select_related("programme"), pk=pk)
    if not policy.can_view_body(request.user, body):
        raise PermissionDenied
    remember_programme(request, body.programme)
    body = selectors.body_detail(pk=pk)
    today = timezone.localdate()
    memberships = list(body.memberships.all())
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "programme": body.programme,
            "current": [m for m in memberships if m.is_current(today)],
            "former": [m for m in memberships if not m.is_current(today)],
            "meetings": selectors.meetings(programme=body.programme, body=body)[:10],
        },
    )
