"""Import: upload and check (a dry run shown as a preview), then confirm.

The checked file waits on the server (`avk.staging`, bound to the person, the programme and the
kind of file); the preview page names it by a signed token in the confirmation form, and the
session remembers the last one only so that a new upload removes the file it replaces.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import staging
from avk.exports import download_name, xlsx_response
from avk.shortcuts import programme_for

from .. import imports, partner_import, services
from ..forms import ImportForm

SESSION_IMPORT = "partners_import"


def import_upload(request, slug):
    """Step 1: upload; the file is checked with a dry run and the result shown for confirmation."""
    programme = programme_for(request, slug, "partners.import")
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = problems = staged = None
    if request.method == "POST":
        # a new upload replaces the file checked before: that one is not kept
        staging.discard(request.session.pop(SESSION_IMPORT, None))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        try:
            staging.check_size(upload.size)  # refused before reading it
        except ValidationError as error:
            problems = error.messages
        if problems:
            pass
        elif kind == "partners":
            content = upload.read()
            outcome = partner_import.check(
                content=content, filename=upload.name, programme=programme, by=request.user
            )
            problems = outcome.problems
            if outcome.ok:
                staged = staging.stage(
                    ContentFile(content, name=upload.name),
                    user=request.user,
                    programme=programme,
                    kind=partner_import.STAGING_KIND,
                )
                request.session[SESSION_IMPORT] = staged.token
        else:
            content = upload.read()
            try:
                dataset = imports.read_upload(name=upload.name, content=content, kind=kind)
            except imports.ImportRefused as refused:
                problems = refused.problems
            else:
                outcome = imports.run_import(
                    kind=kind, dataset=dataset, programme=programme, by=request.user, dry_run=True
                )
                problems = outcome.problems
                if outcome.ok:
                    staged = staging.stage(
                        ContentFile(content, name=upload.name),
                        user=request.user,
                        programme=programme,
                        kind=imports.staging_kind(kind),
                    )
                    request.session[SESSION_IMPORT] = staged.token
    return render(
        request,
        "partners/import.html",
        {
            "programme": programme,
            "form": form,
            "outcome": outcome,
            "preview_rows": _preview_rows(outcome),
            "problems": problems,
            "columns": imports.COLUMNS,
            "token": staged.token if staged else "",
            "kind": form.cleaned_data.get("kind", "") if staged else "",
        },
    )


def _preview_rows(outcome) -> list[dict]:
    if outcome is None or not outcome.ok:
        return []
    if isinstance(outcome, partner_import.Plan):
        return outcome.preview_rows()
    return outcome.rows


@require_POST
def import_confirm(request, slug):
    """Step 2: import the checked file for real, all or nothing."""
    programme = programme_for(request, slug, "partners.import")
    token = request.POST.get("token", "")
    kind = request.POST.get("kind", "")
    try:
        if not token or kind not in imports.COLUMNS:
            raise ValidationError("", code="missing")
        staged = staging.load(
            token, user=request.user, programme=programme, kind=imports.staging_kind(kind)
        )
    except ValidationError as error:
        if error.code == "expired":
            messages.error(request, error.message)
        else:
            messages.error(request, _("There is no checked file to import; upload it again."))
        return redirect("partners:import", programme.slug)
    if kind == "partners":
        outcome, problems = _write_partner_list(request, programme, staged)
    else:
        try:
            dataset = imports.read_upload(name=staged.name, content=staged.content, kind=kind)
            outcome = imports.run_import(
                kind=kind, dataset=dataset, programme=programme, by=request.user, dry_run=False
            )
            problems = outcome.problems
        except imports.ImportRefused as refused:
            problems = refused.problems
    staging.discard(token)
    if request.session.get(SESSION_IMPORT) == token:
        del request.session[SESSION_IMPORT]
    if problems:
        for problem in problems:
            messages.error(request, problem)
        messages.error(request, _("Nothing has been imported."))
        return redirect("partners:import", programme.slug)
    messages.success(
        request,
        _("Imported: %(new)s new, %(updated)s changed, %(skipped)s unchanged.")
        % {"new": outcome.new, "updated": outcome.updated, "skipped": outcome.skipped},
    )
    return redirect("partners:list", programme.slug)


def _write_partner_list(request, programme, staged):
    """The staged partner list checked again (the programme may have changed since the
    preview) and written in one transaction; (plan, problems)."""
    plan = partner_import.check(
        content=staged.content, filename=staged.name, programme=programme, by=request.user
    )
    if not plan.ok:
        return plan, plan.problems
    try:
        services.import_partner_rows(programme=programme, by=request.user, plan=plan)
    except ValidationError as error:
        return plan, error.messages
    except IntegrityError:  # a name written meanwhile by someone else
        return plan, [_("The partners changed while importing; upload the file again.")]
    return plan, []


def import_template(request, slug):
    """An empty partner list with the headings, an explanation and drop-down lists."""
    programme = programme_for(request, slug, "partners.import")
    return xlsx_response(
        partner_import.template_workbook(programme),
        filename=download_name(f"partnerlijst-{programme.slug}", "xlsx", dated=False),
    )
