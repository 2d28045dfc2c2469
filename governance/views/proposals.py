"""Proposal pages: Te besluiten, list, detail, create/edit, history and attachments."""

from __future__ import annotations

import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy, sections
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.shortcuts import history_page, object_for, programme_for

from .. import selectors, services
from ..forms import (
    AttachmentForm,
    DecisionFormSet,
    ProposalEditForm,
    ProposalForm,
    RoundForm,
    ScheduleForm,
    decisions_from,
    default_deadline,
)
from ..markdown import render as markdown
from ..models import Attachment, ProposalStatus
from ._common import PROPOSALS, error_messages

# --- lists ------------------------------------------------------------------------------------


def to_decide(request, slug):
    """What awaits the person's vote, with each round's progress; and the other open rounds
    of the programme that they follow (the programme team and secretariat: all of them), with
    who has not voted yet for those who may remind them."""
    programme = programme_for(request, slug, "governance.view_governance")
    proposals = selectors.to_decide(user=request.user, programme=programme)
    progress = selectors.round_progress(proposals)
    for proposal in proposals:
        proposal.progress = progress[proposal.pk]
    mine = {p.pk for p in proposals}
    followed = [
        p
        for p in selectors.open_rounds(user=request.user, programmes=[programme])
        if p.pk not in mine
    ]
    for proposal in followed:
        proposal.may_follow = policy.allowed(request.user, "governance.follow_round", proposal)
    return render(
        request,
        "governance/to_decide.html",
        {"programme": programme, "proposals": proposals, "followed": followed},
    )


def proposal_list(request, slug):
    programme = programme_for(request, slug, "governance.view_governance")
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
            "can_create": policy.allowed(request.user, "governance.create_proposal", programme),
        },
    )


# --- proposal ---------------------------------------------------------------------------------


def proposal_detail(request, pk):
    object_for(request, PROPOSALS, "governance.view", pk=pk)
    proposal = selectors.proposal_detail(pk=pk)
    user = request.user

    def may(verb):
        return policy.allowed(user, f"governance.{verb}", proposal)

    in_round = proposal.round_open
    return render(
        request,
        "governance/proposal_detail.html",
        {
            "proposal": proposal,
            "programme": proposal.programme,
            # what other apps add (reflection: the attention points that led to it)
            "sections": sections.sections_for("proposal", request, proposal, proposal.programme),
            "introduction": markdown(proposal.introduction),
            "content": markdown(proposal.content),
            "schedule_form": ScheduleForm(proposal=proposal) if may("schedule") else None,
            "round_form": RoundForm(initial={"round_deadline": default_deadline()})
            if may("open_round")
            else None,
            "attachment_form": AttachmentForm() if may("attach") else None,
            "all_voted": in_round and services.round_all_voted(proposal),
            "progress": selectors.round_progress([proposal])[proposal.pk] if in_round else None,
            "may_view_votes": may("view_votes"),
            "may_follow": in_round and may("follow_round"),
            "may_remind": in_round and may("remind"),
            "reminders": selectors.reminders(proposal) if in_round and may("follow_round") else [],
        },
    )


def proposal_history(request, pk):
    proposal = object_for(request, PROPOSALS, "governance.view_history", pk=pk)
    return history_page(
        request,
        proposal,
        title=_("Proposal: %(title)s") % {"title": proposal.title},
        back_url=proposal.get_absolute_url(),
        back_label=_("Back to the proposal"),
    )


def proposal_create(request, slug):
    programme = programme_for(request, slug, "governance.create_proposal")
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
            add_service_errors(form, error)
        else:
            messages.success(request, _("The proposal has been saved as a draft."))
            return redirect(proposal)
    return render(
        request,
        "governance/proposal_form.html",
        {"programme": programme, "form": form, "formset": formset, "proposal": None},
    )


def proposal_edit(request, pk):
    proposal = object_for(request, PROPOSALS, "governance.view", pk=pk)
    # The form is for those who may edit this proposal now (a draft): else 403, saying why.
    policy.require(request.user, "governance.edit", proposal)
    decisions = list(proposal.decisions.order_by("position").prefetch_related("subject"))
    initial = [
        {
            "decision": d.pk,
            "kind": d.kind,
            "text": d.text,
            "ORDER": d.position,
            "subject": d.subject,
        }
        for d in decisions
    ]
    subjects = {d.pk: d.subject for d in decisions if d.subject is not None}
    form = ProposalEditForm(request.POST or None, instance=proposal, programme=proposal.programme)
    formset = DecisionFormSet(request.POST or None, prefix="decisions", initial=initial)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            proposal = services.proposal_update(
                proposal_id=proposal.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                decisions=decisions_from(formset, subjects),
                **fields,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The proposal has been saved."))
            return redirect(proposal)
    return render(
        request,
        "governance/proposal_form.html",
        {"programme": proposal.programme, "form": form, "formset": formset, "proposal": proposal},
    )


# --- attachments ------------------------------------------------------------------------------


@require_POST
def attachment_add(request, pk):
    proposal = object_for(request, PROPOSALS, "governance.view", pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    policy.require(request.user, "governance.attach", proposal)
    if form.is_valid():
        try:
            services.attachment_add(
                proposal=proposal,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("The attachment has been added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(proposal)


def attachment_download(request, pk):
    queryset = Attachment.objects.select_related("proposal__programme", "proposal__body")
    attachment = object_for(request, queryset, "governance.download", pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=os.path.basename(attachment.file.name),
        content_type=attachment.content_type,
    )
    # Never a page: should a browser still show it, it runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
