"""The selection screen (tick goals and efforts in the DIN tree, adjust their planning) and the
attention points a concept plan takes up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.shortcuts import posted_version

from .. import selectors, services
from ..forms import SelectionForm, TakeUpForm, month_text
from .plans import plan_for


def _screen(plan, form: SelectionForm | None) -> dict:
    """The screen's data; after a refused post, the boxes and months as they were posted."""
    screen = selectors.selection_screen(plan)
    if form is None or not form.is_bound:
        for group in screen["effort_groups"]:
            for row in group.rows:
                row.start_text, row.end_text = month_text(row.start), month_text(row.end)
        return screen
    data = form.data
    strategic = set(data.getlist("strategic"))
    operational = set(data.getlist("operational"))
    efforts = set(data.getlist("effort"))
    for line in screen["tree"]:
        for goal in line["goals"]:
            goal["checked"] = str(goal["goal"].pk) in strategic
            for og in goal["operational"]:
                og["checked"] = str(og["goal"].pk) in operational
    for group in screen["effort_groups"]:
        for row in group.rows:
            pk = row.effort.pk
            row.checked = str(pk) in efforts
            row.start_text = data.get(f"start-{pk}", "")
            row.end_text = data.get(f"end-{pk}", "")
            row.start_error = form.month_errors.get(f"start-{pk}", "")
            row.end_error = form.month_errors.get(f"end-{pk}", "")
    return screen


def plan_select(request, slug, pk):
    plan = plan_for(request, slug, pk, "phaseplans.change")
    form = None
    errors: list[str] = []
    if request.method == "POST":
        version = posted_version(request)
        form = SelectionForm(request.POST)
        if form.is_valid():
            try:
                services.selection_set(
                    plan_id=plan.pk,
                    version=version,
                    by=request.user,
                    strategic_goals=form.cleaned_data["strategic_goals"],
                    operational_goals=form.cleaned_data["operational_goals"],
                    efforts=form.cleaned_data["efforts"],
                )
            except StaleEdit as stale:
                errors = list(stale.messages)
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(request, _("The selection has been saved."))
                return redirect(plan)
        else:
            errors = [str(message) for found in form.errors.values() for message in found]
    return render(
        request,
        "programme/phases/plan_select.html",
        {
            "programme": plan.programme,
            "plan": plan,
            "screen": _screen(plan, form),
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@require_POST
def attention_add(request, slug, pk):
    plan = plan_for(request, slug, pk, "phaseplans.change")
    taken = set()
    form = TakeUpForm(request.POST, points=selectors.attention_choices(plan, taken))
    if form.is_valid():
        try:
            services.attention_take_up(
                plan_id=plan.pk,
                point_id=form.cleaned_data["point"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The attention point is taken up in this plan."))
    else:
        messages.error(request, _("Choose an attention point from the list."))
    return redirect(plan.get_absolute_url() + "#attention")


@require_POST
def attention_remove(request, slug, pk, link):
    plan = plan_for(request, slug, pk, "phaseplans.change")
    try:
        services.attention_release(plan_id=plan.pk, link_id=link, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The plan no longer takes up this attention point."))
    return redirect(plan.get_absolute_url() + "#attention")
