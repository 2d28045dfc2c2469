"""The quick scan: the list of a programme's scans, a partner contact fills in their own
organisation's, the programme team sees everyone's with a chart and exports them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from avk import policy
from avk.concurrency import StaleEdit
from avk.exports import download_name, xlsx_response
from avk.forms import add_service_errors
from avk.policy import require
from avk.shortcuts import DamagedPost, object_for, programme_for, remember_programme
from partners.models import Partner
from partners.permissions import contact_partner_ids

from .. import selectors, services
from ..exports import scan_workbook
from ..forms import ScanFillForm
from ._common import SCANS


def scan_list(request, slug):
    programme = programme_for(request, slug, "reflection.view_scans")
    user = request.user
    scans = list(selectors.scans(programme))
    own_ids = contact_partner_ids(user, programme)
    own = list(Partner.objects.filter(pk__in=own_ids).order_by("name")) if own_ids else []
    for scan in scans:
        responses = selectors.own_responses(scan, own_ids) if own_ids else {}
        scan.own = [(partner, responses.get(partner.pk)) for partner in own]
    return render(
        request,
        "reflection/scan_list.html",
        {
            "programme": programme,
            "scans": scans,
            "sees_results": policy.allowed(user, "reflection.view_scan_results", programme),
        },
    )


def scan_detail(request, pk):
    scan = object_for(request, SCANS, "reflection.view_scan_results", pk=pk)
    results = selectors.scan_results(scan)
    return render(
        request,
        "reflection/scan_detail.html",
        {"scan": scan, "programme": scan.programme, **results},
    )


def scan_export(request, pk):
    scan = object_for(request, SCANS, "reflection.export_scan", pk=pk)
    book = scan_workbook(scan, selectors.scan_results(scan))
    name = download_name(f"quickscan-{scan.programme.slug}-{scan.pk}", "xlsx")
    return xlsx_response(book, filename=name)


def scan_fill(request, pk, partner_pk):
    """A partner contact fills in (or changes) the scan for their own organisation; their
    answers only, never another partner's."""
    scan = get_object_or_404(SCANS, pk=pk)
    partner = get_object_or_404(Partner, pk=partner_pk)
    user = request.user
    require(user, "reflection.view_scan_response", (scan, partner))
    remember_programme(request, scan.programme)
    may_fill = policy.allowed(user, "reflection.fill_scan", (scan, partner))
    response = selectors.response_with_answers(scan, partner)
    if request.method == "POST":
        require(user, "reflection.fill_scan", (scan, partner))
    items = list(scan.items.all())
    form = ScanFillForm(request.POST or None, items=items, response=response)
    if request.method == "POST" and form.is_valid():
        version = _posted_response_version(request, response)
        try:
            services.scan_fill(
                scan=scan,
                partner=partner,
                answers=form.answers(),
                remark=form.cleaned_data["remark"],
                version=version,
                by=user,
            )
        except StaleEdit as stale:
            form.add_error(None, stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you: the quick scan of %(partner)s has been saved.")
                % {"partner": partner},
            )
            return redirect("reflection:scan-list", scan.programme.slug)
    return render(
        request,
        "reflection/scan_fill.html",
        {
            "scan": scan,
            "programme": scan.programme,
            "partner": partner,
            "response": response,
            "form": form,
            "may_fill": may_fill,
            "score": selectors.score(response.answers.all()) if response else None,
        },
        status=400 if request.method == "POST" else 200,
    )


def _posted_response_version(request, response):
    """The version of the answers the form was opened with; none when it was opened before
    anything was filled in."""
    raw = (request.POST.get("version") or "").strip()
    if not raw or response is None:
        return None
    if not raw.isdigit():
        raise DamagedPost
    return int(raw)
