"""The partner list, its export and the steering group."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.forms import parse_date
from avk.policy import allowed
from avk.shortcuts import programme_for

from .. import export, selectors
from ..forms import FilterForm

PAGE_SIZE = 25


def _filters(request, programme, packages=None):
    form = FilterForm(
        request.GET or None,
        packages=selectors.packages(programme=programme) if packages is None else packages,
        municipalities=selectors.municipalities(programme=programme),
    )
    data = form.cleaned_data if form.is_valid() else {}
    sort = request.GET.get("sort", "name")
    descending = sort.startswith("-")
    filters = selectors.PartnerFilters(
        search=data.get("q", ""),
        kind=data.get("kind", ""),
        package=data.get("package", ""),
        municipality=data.get("municipality", ""),
        delegation=data.get("delegation", ""),
        include_inactive=data.get("inactive", False),
        sort=sort.lstrip("-") if sort.lstrip("-") in selectors.SORTS else "name",
        descending=descending,
    )
    return form, filters


def _columns(filters):
    columns = [
        ("name", _("Name")),
        ("kind", _("Kind")),
        ("municipality", _("Municipality")),
        ("package", _("Package")),
        ("contribution", _("Yearly contribution")),
        ("delegation", _("Delegation")),
    ]
    current_sort = ("-" if filters.descending else "") + filters.sort
    return [
        {
            "key": key,
            "label": label,
            "current": filters.sort == key,
            "descending": filters.sort == key and filters.descending,
            "next": f"-{key}" if current_sort == key else key,
        }
        for key, label in columns
    ]


def partner_list(request, slug):
    programme = programme_for(request, slug, "partners.view_list")
    # read once, without their items: the filter and the summary
    packages = list(selectors.packages(programme=programme, items=False))
    form, filters = _filters(request, programme, packages)
    rows = selectors.partner_rows(programme=programme, filters=filters)
    summary = selectors.list_summary(rows)
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = summary["count"]  # the summary counted the rows: no COUNT query
    page = paginator.get_page(request.GET.get("page"))
    # the delegation and point of contact of just the partners on the page
    page.object_list = selectors.with_delegation(list(page.object_list), programme=programme)
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    user = request.user
    return render(
        request,
        "partners/partner_list.html",
        {
            "programme": programme,
            "form": form,
            "page": page,
            "packages": [(p, summary["per_package"].get(p.code, 0)) for p in packages],
            "without_package": summary["per_package"].get(None, 0),
            "summary": summary,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "columns": _columns(filters),
            "can_create": allowed(user, "partners.create", programme),
            "can_import": allowed(user, "partners.import", programme),
            "can_export": allowed(user, "partners.export", programme),
            # nobody in the unfiltered list has a commitment: the page says what to do first
            "no_commitments": not filters.search
            and not (filters.kind or filters.package or filters.municipality or filters.delegation)
            and summary["count"] > 0
            and not any(summary["per_package"].get(p.code) for p in packages),
            "has_packages": bool(packages),
            # asked only where the page offers it (no packages yet): two queries otherwise
            "can_add_package": not packages
            and user.is_staff
            and user.has_perm("partners.add_commitmentpackage"),
        },
    )


def partner_export(request, slug, fmt):
    programme = programme_for(request, slug, "partners.export")
    _form, filters = _filters(
        request, programme, selectors.packages(programme=programme, items=False)
    )
    rows = selectors.partner_rows(programme=programme, filters=filters)
    rows = selectors.with_delegation(list(rows), programme=programme)
    return export.response(rows, fmt=fmt, programme=programme)


def steering_group(request, slug):
    programme = programme_for(request, slug, "partners.view_steering_group")
    today = timezone.localdate()
    day, error = today, None
    raw = request.GET.get("date", "").strip()
    if raw:
        parsed = parse_date(raw)  # 11-06-2024, 11 juni 2024, 2024-06-11 ...
        if parsed is None:
            error = _("'%(value)s' is not a date; write a date as 11-06-2024.") % {"value": raw}
        else:
            day = parsed
    return render(
        request,
        "partners/steering_group.html",
        {
            "programme": programme,
            "day": day,
            "is_today": day == today,
            "date_error": error,
            "raw_date": raw if error else day.strftime("%d-%m-%Y"),
            "members": selectors.steering_group(programme=programme, on=day),
            "can_view_partners": allowed(request.user, "partners.view_partner_pages", programme),
        },
    )
