"""Export the DIN to Excel and import it back (dry run first, then for real)."""

import base64
import binascii
import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.views import programme_for

from .. import permissions as policy
from .. import transfer
from ..forms import DinImportForm
from ..transfer import ImportResult

__all__ = ["din_export", "din_import"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def din_export(request, slug):
    programme = programme_for(request, slug, policy.can_export_din)
    content = transfer.din_export_workbook(programme)
    response = HttpResponse(content, content_type=XLSX)
    name = f"DIN-{programme.slug}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def din_import(request, slug):
    """Step 1: upload -> dry run and preview (the file is kept in the form, base64). Step 2:
    confirm -> the same import for real, all or nothing."""
    programme = programme_for(request, slug, policy.can_change_din)
    form = DinImportForm(request.POST or None, request.FILES or None)
    result = None
    payload = ""
    status = 200
    if request.method == "POST" and request.POST.get("confirm") and request.POST.get("payload"):
        form = DinImportForm()
        try:
            data = base64.b64decode(request.POST["payload"], validate=True)
        except (binascii.Error, ValueError):  # a tampered hidden field
            data = None
            status = 400
            result = ImportResult(
                errors=[_("The checked file was damaged on the way. Upload it again.")]
            )
        if data is not None:
            result = transfer.din_import(
                programme=programme, by=request.user, file=io.BytesIO(data), dry_run=False
            )
            if result.applied:
                messages.success(request, _("The DIN has been imported."))
                return redirect("programme:din", programme.slug)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        result = transfer.din_import(
            programme=programme, by=request.user, file=io.BytesIO(data), dry_run=True
        )
        if result.ok:
            payload = base64.b64encode(data).decode()
    summary = []
    if result is not None:
        labels = {
            "lines": _("programme lines"),
            "strategic goals": _("strategic goals"),
            "operational goals": _("operational goals"),
            "efforts": _("efforts"),
            "working groups": _("working groups"),
            "indicators": _("indicators"),
        }
        summary = [
            (label, result.created[key], result.updated[key], result.unchanged[key])
            for key, label in labels.items()
        ]
    return render(
        request,
        "programme/din_import.html",
        {
            "programme": programme,
            "form": form,
            "result": result,
            "payload": payload,
            "summary": summary,
        },
        status=status,
    )
