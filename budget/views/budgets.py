"""The multi-year overview, a budget's page and its steps: draw up, edit, put before the board,
amend, close, its history and its export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.policy import allowed
from avk.shortcuts import history_page, programme_for
from governance.models import Body

from .. import exports, selectors, services
from ..forms import BudgetForm, RealisationForm, SubmitForm, initial_for_new_budget
from .common import budget_for


def budget_list(request, slug):
    programme = programme_for(request, slug, "budget.view_list")
    overview = selectors.budget_overview(programme=programme)
    user = request.user
    if not allowed(user, "budget.view_contributions", programme):
        # partner contacts and readers: the adopted budgets only
        overview.periods = [p for p in overview.periods if not p.budget.is_concept]
    return render(
        request,
        "budget/budget_list.html",
        {
            "programme": programme,
            "overview": overview,
            "may_create": allowed(user, "budget.create", programme),
        },
    )


def budget_create(request, slug):
    programme = programme_for(request, slug, "budget.create")
    form = BudgetForm(
        request.POST or None,
        programme=programme,
        initial=None if request.POST else initial_for_new_budget(programme),
    )
    if request.method == "POST" and form.is_valid():
        try:
            budget = services.budget_create(
                programme=programme, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The budget has been drawn up as a concept."))
            return redirect(budget)
    return render(
        request, "budget/budget_form.html", {"programme": programme, "form": form, "budget": None}
    )


def budget_context(request, budget, *, realisation_form=None) -> dict:
    """What a budget's page shows, and what the person may do there."""
    sheet = selectors.budget_sheet(budget)
    user = request.user

    def may(verb):
        return allowed(user, f"budget.{verb}", budget)

    may_record = may("record_realisation")
    if may_record and realisation_form is None:
        lines = [row.line for row in sheet.costs.rows + sheet.coverage.rows]
        realisation_form = RealisationForm(budget=budget, lines=lines)
    return {
        "programme": budget.programme,
        "budget": budget,
        "sheet": sheet,
        "entries": selectors.realisation_entries(budget, limit=20),
        "realisation_form": realisation_form if may_record else None,
        "may_change": may("change"),
        "may_submit": may("submit"),
        "may_amend": may("amend"),
        "may_close": may("close"),
        "may_export": may("export"),
        "may_breakdown": may("view_breakdown"),
        "may_history": may("view_history"),
        "may_record": may_record,
    }


def budget_detail(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.view")
    return render(request, "budget/budget_detail.html", budget_context(request, budget))


def budget_edit(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.change")
    form = BudgetForm(request.POST or None, instance=budget, programme=budget.programme)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.budget_update(
                budget_id=budget.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **fields,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The budget has been saved."))
            return redirect(budget)
    return render(
        request,
        "budget/budget_form.html",
        {"programme": budget.programme, "form": form, "budget": budget},
    )


def budget_history(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.view_history")
    return history_page(
        request,
        budget,
        title=_("History of %(budget)s") % {"budget": budget.label},
        back_url=budget.get_absolute_url(),
        back_label=_("Back to the budget"),
    )


def budget_export(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.export")
    sheet = selectors.budget_sheet(budget)
    entries = selectors.realisation_entries(budget, limit=100000)
    breakdown = allowed(request.user, "budget.view_breakdown", budget)
    return exports.response(sheet, entries, breakdown=breakdown)


def budget_submit(request, slug, pk):
    """Put the budget before a body of the programme for adoption."""
    budget = budget_for(request, slug, pk, "budget.submit")
    bodies = Body.objects.filter(programme=budget.programme).order_by("name")
    form = SubmitForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.budget_submit(
                budget_id=budget.pk,
                body=form.cleaned_data["body"],
                introduction=form.cleaned_data["introduction"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The budget has been put before %(body)s in the proposal '%(proposal)s'. "
                    "It is adopted when the board adopts that decision."
                )
                % {"body": proposal.body, "proposal": proposal.title},
            )
            return redirect(budget)
    return render(
        request,
        "budget/budget_submit.html",
        {
            "programme": budget.programme,
            "budget": budget,
            "form": form,
            "sheet": selectors.budget_sheet(budget),
        },
    )


@require_POST
def budget_amend(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.amend")
    amendment = services.budget_amend(budget_id=budget.pk, by=request.user)
    messages.success(
        request,
        _(
            "Amendment %(n)s has been drafted as a concept; change its lines and put it "
            "before the board."
        )
        % {"n": amendment.revision},
    )
    return redirect(reverse("budget:detail", args=[slug, amendment.pk]))


@require_POST
def budget_close(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.close")
    services.budget_close(budget_id=budget.pk, by=request.user)
    messages.success(request, _("The budget has been closed."))
    return redirect(budget)
