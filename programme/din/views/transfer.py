"""Export the DIN to Excel and import it back: upload -> the file is kept on the server
(avk.staging) and checked by a dry run -> confirm with its token -> the same import for real,
all or nothing. Nothing of the file travels back through the browser."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from avk import staging
from avk.exports import download_name, xlsx_response
from avk.shortcuts import programme_for

from .. import transfer
from ..forms import DinImportForm
from ..transfer import ImportResult

__all__ = ["din_export", "din_import"]

#: The kind of import a staged file is bound to.
KIND = "din"
#: The session key of the file checked last: a new upload replaces it.
SESSION_KEY = "din_import"


def din_export(request, slug):
    programme = programme_for(request, slug, "din.export_din")
    content = transfer.din_export_workbook(programme)
    return xlsx_response(content, filename=download_name(f"DIN-{programme.slug}", "xlsx"))


def _summary(result: ImportResult | None) -> list:
    if result is None:
        return []
    labels = {
        "lines": _("programme lines"),
        "strategic goals": _("strategic goals"),
        "operational goals": _("operational goals"),
        "efforts": _("efforts"),
        "working groups": _("working groups"),
        "indicators": _("indicators"),
    }
    return [
        (label, result.created[key], result.updated[key], result.unchanged[key])
        for key, label in labels.items()
    ]


def din_import(request, slug):
    """Step 1: upload -> the file is staged and a dry run previews it. Step 2: confirm with the
    staged file's token -> the same import for real, all or nothing; the file is discarded."""
    programme = programme_for(request, slug, "din.import_din")
    form = DinImportForm(request.POST or None, request.FILES or None)
    result = None
    token = ""
    status = 200
    if request.method == "POST" and request.POST.get("confirm"):
        form = DinImportForm()
        try:
            staged = staging.load(
                request.POST.get("token", ""), user=request.user, programme=programme, kind=KIND
            )
        except ValidationError as error:  # tampered, expired, someone else's or gone
            status = 400
            result = ImportResult(errors=error.messages)
        else:
            result = transfer.din_import(
                programme=programme,
                by=request.user,
                file=io.BytesIO(staged.content),
                dry_run=False,
                filename=staged.name,
            )
            staging.discard(staged.token)
            if result.applied:
                messages.success(request, _("The DIN has been imported."))
                return redirect("programme:din", programme.slug)
    elif request.method == "POST" and form.is_valid():
        staging.discard(request.session.pop(SESSION_KEY, None))
        try:
            staged = staging.stage(
                form.cleaned_data["file"], user=request.user, programme=programme, kind=KIND
            )
        except ValidationError as error:  # too large
            form.add_error("file", error)
        else:
            result = transfer.din_import(
                programme=programme,
                by=request.user,
                file=io.BytesIO(staged.content),
                dry_run=True,
                filename=staged.name,
            )
            if result.ok:
                token = staged.token
                request.session[SESSION_KEY] = token
            else:
                staging.discard(staged.token)
    return render(
        request,
        "programme/din_import.html",
        {
            "programme": programme,
            "form": form,
            "result": result,
            "token": token,
            "summary": _summary(result),
        },
        status=status,
    )
