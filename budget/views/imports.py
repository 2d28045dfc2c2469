"""Two imports through the one pipeline (`avk.staging`: upload and check, preview, confirm):
budget lines into a concept, and realisation from the accounting system's transaction export,
with the mapping of ledger accounts to lines."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import staging
from avk.exports import download_name, xlsx_response

from .. import ledger_import, line_import, services
from ..forms import MappingForm, UploadForm
from .common import budget_for

SESSION = "budget_import"


def _stage(request, budget, content: bytes, name: str, kind: str) -> str:
    staged = staging.stage(
        ContentFile(content, name=name),
        user=request.user,
        programme=budget.programme,
        kind=kind,
        replaces=request.session.pop(SESSION, None),
    )
    request.session[SESSION] = staged.token
    return staged.token


def _staged(request, budget, token: str, kind: str):
    """The staged file of this person, programme and kind, or None with a message."""
    try:
        return staging.load(token, user=request.user, programme=budget.programme, kind=kind)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None


def _done(request, token: str) -> None:
    staging.discard(token, user=request.user)
    if request.session.get(SESSION) == token:
        del request.session[SESSION]


# --- budget lines ------------------------------------------------------------------------------


def lines_upload(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.import")
    form = UploadForm(request.POST or None, request.FILES or None)
    plan = token = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staging.check_size(upload.size)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            content = upload.read()
            plan = line_import.check(
                content=content, filename=upload.name, budget=budget, by=request.user
            )
            if plan.ok:
                token = _stage(request, budget, content, upload.name, line_import.STAGING_KIND)
    return render(
        request,
        "budget/lines_import.html",
        {
            "programme": budget.programme,
            "budget": budget,
            "form": form,
            "plan": plan,
            "token": token,
            "columns": line_import.columns(),
        },
    )


@require_POST
def lines_confirm(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.import")
    token = request.POST.get("token", "")
    staged = _staged(request, budget, token, line_import.STAGING_KIND)
    if staged is None:
        return redirect("budget:lines-import", slug, budget.pk)
    plan = services.lines_import(
        budget_id=budget.pk, content=staged.content, filename=staged.name, by=request.user
    )
    _done(request, token)
    if not plan.ok:
        for problem in plan.problems:
            messages.error(request, problem)
        messages.error(request, _("Nothing has been imported."))
        return redirect("budget:lines-import", slug, budget.pk)
    messages.success(
        request,
        _("Imported: %(new)s new lines, %(changed)s changed, %(same)s unchanged.")
        % {
            "new": plan.count("new"),
            "changed": plan.count("changed"),
            "same": plan.count("unchanged"),
        },
    )
    return redirect(budget)


def lines_template(request, slug, pk):
    budget_for(request, slug, pk, "budget.import")
    return xlsx_response(
        line_import.template_workbook(), filename=download_name("begrotingsregels", "xlsx")
    )


# --- realisation from the books ----------------------------------------------------------------


def ledger_upload(request, slug, pk):
    """Upload the transaction export; the preview shows what counts for which line and which
    accounts are not mapped yet (map them here, the preview follows). `?token=` reads a file
    checked before again, after a mapping."""
    budget = budget_for(request, slug, pk, "budget.record_realisation")
    form = UploadForm(request.POST or None, request.FILES or None)
    plan = None
    token = request.GET.get("token", "")
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staging.check_size(upload.size)
        except ValidationError as error:
            form.add_error("file", error)
            token = ""
        else:
            content = upload.read()
            plan = ledger_import.check(
                content=content, filename=upload.name, budget=budget, by=request.user
            )
            token = (
                _stage(request, budget, content, upload.name, ledger_import.STAGING_KIND)
                if plan.ok
                else ""
            )
    elif token:
        staged = _staged(request, budget, token, ledger_import.STAGING_KIND)
        if staged is None:
            token = ""
        else:
            plan = ledger_import.check(
                content=staged.content, filename=staged.name, budget=budget, by=request.user
            )
    return render(
        request,
        "budget/ledger_import.html",
        {
            "programme": budget.programme,
            "budget": budget,
            "form": form,
            "plan": plan,
            "token": token,
            "mapping_form": MappingForm(budget=budget),
            "columns": ledger_import.columns(),
        },
    )


@require_POST
def ledger_map(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.record_realisation")
    form = MappingForm(request.POST, budget=budget)
    token = request.POST.get("token", "")
    if form.is_valid():
        try:
            services.ledger_map(
                budget_id=budget.pk,
                account=form.cleaned_data["account"],
                line_id=form.cleaned_data["line"].pk,
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Ledger account %(account)s now counts for %(line)s.")
                % {
                    "account": form.cleaned_data["account"],
                    "line": form.cleaned_data["line"].description,
                },
            )
    else:
        messages.error(request, _("Choose a line for the ledger account."))
    if token:
        url = reverse("budget:ledger-import", args=[slug, budget.pk])
        return redirect(f"{url}?token={token}")
    return redirect(f"{budget.get_absolute_url()}#realisation")


@require_POST
def ledger_confirm(request, slug, pk):
    budget = budget_for(request, slug, pk, "budget.record_realisation")
    token = request.POST.get("token", "")
    staged = _staged(request, budget, token, ledger_import.STAGING_KIND)
    if staged is None:
        return redirect("budget:ledger-import", slug, budget.pk)
    plan = services.ledger_import_write(
        budget_id=budget.pk, content=staged.content, filename=staged.name, by=request.user
    )
    _done(request, token)
    if not plan.ok:
        for problem in plan.problems:
            messages.error(request, problem)
        messages.error(request, _("Nothing has been imported."))
        return redirect("budget:ledger-import", slug, budget.pk)
    messages.success(
        request,
        _(
            "Read from the books: %(mapped)s transactions on budget lines, %(unmapped)s not "
            "mapped yet, %(already)s read before."
        )
        % {"mapped": len(plan.mapped), "unmapped": len(plan.unmapped), "already": plan.already},
    )
    return redirect(f"{budget.get_absolute_url()}#realisation")
