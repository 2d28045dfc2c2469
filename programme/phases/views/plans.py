"""The phase plans of a programme, a plan's page with its chapters, and its steps: draw up,
edit the texts, put before the board, close, its history."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.policy import allowed
from avk.shortcuts import history_page, object_for, programme_for
from governance.models import Body

from .. import selectors, services
from ..forms import PlanForm, SubmitForm, TakeUpForm
from ..models import PhasePlan


def plan_for(request, slug: str, pk: int, action: str) -> PhasePlan:
    """The plan `pk` of the programme `slug`: 404 when unknown, 403 when refused."""
    return object_for(request, selectors.plan_for_page(slug), action, pk=pk)


def plan_list(request, slug):
    programme = programme_for(request, slug, "phaseplans.view_list")
    user = request.user
    plans = [p for p in selectors.plans_of(programme) if allowed(user, "phaseplans.view", p)]
    return render(
        request,
        "programme/phases/plan_list.html",
        {
            "programme": programme,
            "plans": plans,
            "may_create": allowed(user, "phaseplans.create", programme),
        },
    )


def plan_create(request, slug):
    programme = programme_for(request, slug, "phaseplans.create")
    latest = selectors.plans_of(programme).first()
    initial = {}
    if latest is not None:
        start = latest.valid_until + timedelta(days=1)
        initial = {
            "number": latest.number + 1,
            "title": f"Faseplan {latest.number + 1}",
            "copy_from": latest.pk,
            "valid_from": start,
            "valid_until": start + timedelta(days=364),
        }
    form = PlanForm(request.POST or None, programme=programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        copy_from = fields.pop("copy_from", None)
        try:
            plan = services.plan_create(
                programme=programme, by=request.user, copy_from=copy_from, **fields
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The phase plan has been drawn up as a concept."))
            return redirect(plan)
    return render(
        request,
        "programme/phases/plan_form.html",
        {"programme": programme, "form": form, "plan": None},
    )


def plan_detail(request, slug, pk):
    plan = plan_for(request, slug, pk, "phaseplans.view")
    user = request.user

    def may(verb):
        return allowed(user, f"phaseplans.{verb}", plan)

    doc = selectors.thaw(selectors.contents(plan))
    may_change = may("change")
    take_up = None
    if may_change and allowed(user, "reflection.change", plan.programme):
        taken = {point["id"] for point in doc.attention_points}
        take_up = TakeUpForm(points=selectors.attention_choices(plan, taken))
    links = []
    if may_change:
        from reflection.selectors import traced_to

        links = [link for link in traced_to(plan) if link.attention_point_id]
    neighbours = [p for p in selectors.neighbours(plan) if allowed(user, "phaseplans.view", p)]
    return render(
        request,
        "programme/phases/plan_detail.html",
        {
            "programme": plan.programme,
            "plan": plan,
            "doc": doc,
            "pending": list(selectors.pending_decisions(plan).select_related("proposal__body")),
            "neighbours": neighbours,
            "take_up": take_up,
            "links": links,
            "may_change": may_change,
            "may_submit": may("submit"),
            "may_close": may("close"),
            "may_history": may("view_history"),
        },
    )


def plan_edit(request, slug, pk):
    plan = plan_for(request, slug, pk, "phaseplans.change")
    form = PlanForm(request.POST or None, instance=plan, programme=plan.programme)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.plan_update(
                plan_id=plan.pk, version=form.cleaned_data["version"], by=request.user, **fields
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The phase plan has been saved."))
            return redirect(plan)
    return render(
        request,
        "programme/phases/plan_form.html",
        {"programme": plan.programme, "form": form, "plan": plan},
    )


def plan_history(request, slug, pk):
    plan = plan_for(request, slug, pk, "phaseplans.view_history")
    return history_page(
        request,
        plan,
        title=_("History of %(plan)s") % {"plan": plan.title},
        back_url=plan.get_absolute_url(),
        back_label=_("Back to the phase plan"),
    )


def plan_submit(request, slug, pk):
    """Put the plan before a body of the programme for adoption (vaststellen)."""
    plan = plan_for(request, slug, pk, "phaseplans.submit")
    bodies = Body.objects.filter(programme=plan.programme).order_by("name")
    budget_concept = plan.budget is not None and plan.budget.is_concept
    form = SubmitForm(request.POST or None, bodies=bodies, budget_concept=budget_concept)
    problem = None
    try:
        services.plan_check(plan)
    except ValidationError as error:
        problem = " ".join(error.messages)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.plan_submit(
                plan_id=plan.pk,
                body=form.cleaned_data["body"],
                introduction=form.cleaned_data["introduction"],
                with_budget=form.cleaned_data.get("with_budget", False),
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The phase plan has been put before %(body)s in the proposal "
                    "'%(proposal)s'. It is adopted when the board adopts that decision."
                )
                % {"body": proposal.body, "proposal": proposal.title},
            )
            return redirect(plan)
    return render(
        request,
        "programme/phases/plan_submit.html",
        {"programme": plan.programme, "plan": plan, "form": form, "problem": problem},
    )


@require_POST
def plan_close(request, slug, pk):
    plan = plan_for(request, slug, pk, "phaseplans.close")
    services.plan_close(plan_id=plan.pk, by=request.user)
    messages.success(request, _("The phase plan has been closed."))
    return redirect(plan)
