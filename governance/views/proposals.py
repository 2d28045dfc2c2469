"""Proposal pages: Te besluiten, list, detail, create/edit, the workflow buttons, voting,
recording, corrections and attachments."""

from __future__ import annotations

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.views import remember_programme

from .. import permissions as policy
from .. import selectors, services
from ..forms import (
    AttachmentForm,
    CorrectionForm,
    DecisionFormSet,
    ProposalEditForm,
    ProposalForm,
    RecordForm,
    RoundForm,
    ScheduleForm,
    VoteForm,
    decisions_from,
    default_deadline,
)
from ..markdown import render as markdown
from ..models import (
    Attachment,
    ProposalStatus,
    ProposedDecision,
)
from ._common import _error_messages, _form_errors, _programme, _proposal

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
    data = request.POST if request.method == "POST" else None
    form = VoteForm(data, decisions=proposal.decisions.all(), votes=votes)
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
    data = request.POST if request.method == "POST" else None
    form = RecordForm(data, decisions=proposal.decisions.all())
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
