"""Recording realisation by hand on a budget's page, and removing an entry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.forms import add_service_errors
from avk.shortcuts import object_for

from .. import services
from ..forms import RealisationForm
from ..models import Realisation
from .budgets import budget_context
from .common import budget_for


@require_POST
def realisation_add(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.record_realisation")
    form = RealisationForm(request.POST, budget=budget)
    if form.is_valid():
        try:
            services.realisation_record(budget_id=budget.pk, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Realisation recorded on %(line)s.")
                % {"line": form.cleaned_data["line"].description},
            )
            return redirect(f"{budget.get_absolute_url()}#realisation")
    context = budget_context(request, budget, realisation_form=form)
    return render(request, "budget/budget_detail.html", context, status=400)


@require_POST
def realisation_remove(request, slug, pk):
    queryset = Realisation.objects.filter(programme__slug=slug).select_related("budget__programme")
    realisation = object_for(request, queryset, "budget.view", pk=pk)
    try:
        services.realisation_remove(realisation_id=realisation.pk, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The entry has been removed."))
    return redirect(f"{realisation.budget.get_absolute_url()}#realisation")
