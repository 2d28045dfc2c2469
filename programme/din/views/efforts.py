"""The effort page, and the short progress report of an effort (its lead partner's contacts
and the programme team)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from avk import policy, sections
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.history import entries
from avk.shortcuts import object_for

from .. import selectors
from ..forms import EffortProgressForm
from ..models import Effort
from ..services.efforts import effort_report_progress

EFFORTS = Effort.objects.select_related("programme")


def effort_detail(request, pk):
    effort = object_for(request, EFFORTS, "din.view_din", pk=pk)
    programme = effort.programme
    effort = selectors.effort_detail(pk)
    return render(
        request,
        "programme/effort_detail.html",
        {
            "programme": programme,
            "effort": effort,
            "can_change": policy.allowed(request.user, "din.change_din", programme),
            "can_report": policy.allowed(request.user, "din.report_progress", effort),
            "history": entries(effort),
            # what other apps add (reflection: the attention points that led to it)
            "sections": sections.sections_for("effort", request, effort, programme),
        },
    )


def effort_progress(request, pk):
    """Report progress: status, percentage and a short update, on a page of its own."""
    effort = object_for(request, EFFORTS, "din.report_progress", pk=pk)
    form = EffortProgressForm(request.POST or None, instance=effort)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            effort_report_progress(
                effort_id=effort.pk,
                version=data["version"],
                by=request.user,
                status=data["status"],
                progress=data["progress"],
                progress_note=data["progress_note"],
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: the progress has been recorded."))
            return redirect(effort)
    return render(
        request,
        "programme/effort_progress.html",
        {"programme": effort.programme, "effort": effort, "form": form},
        status=422 if form.errors else 200,
    )
