"""Editing a concept's lines in place: with htmx the form opens in the table and a save
re-renders the tables (totals and balance included); without JavaScript the same views serve a
page of their own and redirect back."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors

from .. import services
from ..forms import LineForm
from ..models import Side
from .budgets import budget_context
from .common import budget_for, line_for


def _tables(request, budget, *, notice: str = ""):
    context = budget_context(request, budget)
    context["notice"] = notice
    return render(request, "budget/_tables.html", context)


def _form(request, budget, form, *, line=None, side):
    template = "budget/_line_form.html" if request.htmx else "budget/line_form.html"
    form.fields["description"].widget.attrs["autofocus"] = True
    response = render(
        request,
        template,
        {
            "programme": budget.programme,
            "budget": budget,
            "form": form,
            "line": line,
            "side": side,
            "side_label": dict(Side.choices)[side],
        },
    )
    if request.htmx and request.method == "POST":
        # the form comes back with its errors into its own place, not over the tables
        response["HX-Retarget"] = f"#form-slot-{side}"
        response["HX-Reswap"] = "innerHTML"
    return response


def line_add(request, slug, pk, side):
    budget = budget_for(request, slug, pk, "budget.change")
    if side not in Side.values:
        raise Http404
    form = LineForm(request.POST or None, budget=budget, side=side)
    if request.method == "POST" and form.is_valid():
        try:
            line = services.line_add(budget_id=budget.pk, by=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            notice = _("Line added: %(line)s.") % {"line": line.description}
            if request.htmx:
                return _tables(request, budget, notice=notice)
            messages.success(request, notice)
            return redirect(budget)
    return _form(request, budget, form, side=side)


def line_edit(request, slug, pk):
    line = line_for(request, slug, pk, "budget.change")
    budget = line.budget
    form = LineForm(request.POST or None, instance=line, budget=budget, side=line.side)
    if request.method == "POST" and form.is_valid():
        try:
            line = services.line_update(
                line_id=line.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **form.service_fields(),
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            notice = _("Saved: %(line)s.") % {"line": line.description}
            if request.htmx:
                return _tables(request, budget, notice=notice)
            messages.success(request, notice)
            return redirect(budget)
    return _form(request, budget, form, line=line, side=line.side)


@require_POST
def line_remove(request, slug, pk):
    line = line_for(request, slug, pk, "budget.change")
    budget = line.budget
    try:
        services.line_remove(line_id=line.pk, by=request.user)
    except ValidationError as error:
        notice = " ".join(error.messages)
        if not request.htmx:
            messages.error(request, notice)
    else:
        notice = _("Line removed: %(line)s.") % {"line": line.description}
        if not request.htmx:
            messages.success(request, notice)
    if request.htmx:
        return _tables(request, budget, notice=notice)
    return redirect(budget)


def tables(request, slug, pk):
    """The tables alone (htmx: cancel an edit)."""
    budget = budget_for(request, slug, pk, "budget.view")
    return _tables(request, budget)
