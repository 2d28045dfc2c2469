"""The workflow buttons of a proposal, voting, recording a meeting's outcomes and corrections.

Each calls its service, which asks the gate (who, and whether the proposal's status allows the
step): a refusal is a 403 saying why; a step the workflow refuses is shown as a message."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.forms import add_service_errors
from avk.shortcuts import object_for

from .. import selectors, services
from ..forms import CorrectionForm, RecordForm, RoundForm, ScheduleForm, VoteForm
from ._common import DECISIONS, PROPOSALS, error_messages


def _step(request, pk, run, success):
    proposal = object_for(request, PROPOSALS, "governance.view", pk=pk)
    try:
        run(proposal)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, success)
    return redirect(proposal)


@require_POST
def proposal_submit(request, pk):
    return _step(
        request,
        pk,
        lambda p: services.proposal_submit(proposal_id=p.pk, by=request.user),
        _("The proposal has been submitted."),
    )


@require_POST
def proposal_schedule(request, pk):
    def run(proposal):
        form = ScheduleForm(request.POST, proposal=proposal)
        meeting = form.cleaned_data["meeting"] if form.is_valid() else None
        services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=request.user)

    return _step(request, pk, run, _("The proposal has been put on the agenda."))


@require_POST
def proposal_open_round(request, pk):
    def run(proposal):
        form = RoundForm(request.POST)
        deadline = form.cleaned_data["round_deadline"] if form.is_valid() else None
        services.round_open(proposal_id=proposal.pk, deadline=deadline, by=request.user)

    return _step(request, pk, run, _("The written round is open."))


@require_POST
def proposal_close_round(request, pk):
    return _step(
        request,
        pk,
        lambda p: services.round_close(proposal_id=p.pk, by=request.user),
        _("The written round has been closed and its outcome recorded."),
    )


@require_POST
def proposal_remind(request, pk):
    """The secretary's "send a reminder" to the members who have not voted yet."""
    proposal = object_for(request, PROPOSALS, "governance.view", pk=pk)
    try:
        reminder = services.round_remind(proposal_id=proposal.pk, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        names = ", ".join(str(person) for person in reminder.recipients.all())
        messages.success(request, _("A reminder has been sent to %(names)s.") % {"names": names})
    return redirect(proposal.get_absolute_url() + "#round-h")


@require_POST
def proposal_withdraw(request, pk):
    return _step(
        request,
        pk,
        lambda p: services.proposal_withdraw(
            proposal_id=p.pk, by=request.user, note=request.POST.get("note", "")[:300]
        ),
        _("The proposal has been withdrawn."),
    )


def proposal_vote(request, pk):
    proposal = object_for(request, PROPOSALS, "governance.view", pk=pk)
    policy.require(request.user, "governance.vote", proposal)
    proposal = selectors.proposal_detail(pk=pk)
    votes = selectors.my_votes(user=request.user, proposal=proposal)
    data = request.POST if request.method == "POST" else None
    form = VoteForm(data, decisions=proposal.decisions.all(), votes=votes)
    if request.method == "POST" and form.is_valid():
        try:
            services.vote_cast(proposal_id=proposal.pk, by=request.user, votes=form.votes())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your votes have been recorded. You can change them until the deadline.")
            )
            return redirect("governance:proposal-vote", pk=proposal.pk)
    return render(
        request,
        "governance/proposal_vote.html",
        {
            "proposal": proposal,
            "programme": proposal.programme,
            "form": form,
            "votes": votes,
            # once the member has voted: how far the round is (counts, no names or choices)
            "progress": selectors.round_progress([proposal])[proposal.pk] if votes else None,
        },
    )


def proposal_record(request, pk):
    proposal = object_for(request, PROPOSALS, "governance.view", pk=pk)
    policy.require(request.user, "governance.record", proposal)
    proposal = selectors.proposal_detail(pk=pk)
    data = request.POST if request.method == "POST" else None
    form = RecordForm(data, decisions=proposal.decisions.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(
                proposal_id=proposal.pk, by=request.user, outcomes=form.outcomes()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The outcomes have been recorded."))
            return redirect(proposal)
    return render(
        request,
        "governance/proposal_record.html",
        {"proposal": proposal, "programme": proposal.programme, "form": form},
    )


def decision_correct(request, pk):
    decision = object_for(request, DECISIONS, "governance.view", pk=pk)
    policy.require(request.user, "governance.correct", decision)
    proposal = decision.proposal
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_correct(
                decision_id=decision.pk, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The correction has been recorded as a new decision."))
            return redirect(proposal)
    return render(
        request,
        "governance/decision_correct.html",
        {"decision": decision, "proposal": proposal, "programme": proposal.programme, "form": form},
    )
