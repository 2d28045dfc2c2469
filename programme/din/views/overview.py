"""The DIN overview (the tree, with its filters) and the DIN health page."""

from urllib.parse import parse_qs, urlparse

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.shortcuts import programme_for

from .. import selectors
from ..forms import DinFilterForm


def _filters_of(request):
    """Filters from the page's own query string, also for htmx requests (HX-Current-URL)."""
    data = request.GET
    if getattr(request, "htmx", False) and request.htmx.current_url:
        data = {k: v[0] for k, v in parse_qs(urlparse(request.htmx.current_url).query).items()}
    return selectors.DinFilters.from_querydict(data)


def _tree_context(request, programme, focus=None):
    filters = _filters_of(request)
    return {
        "programme": programme,
        "tree": selectors.din_tree(programme, filters),
        "can_change": policy.allowed(request.user, "din.change_din", programme),
        "focus": focus or {},
    }


def _tree_response(request, programme, focus=None, notice=""):
    context = _tree_context(request, programme, focus)
    context["notice"] = notice
    response = render(request, "programme/_din_tree.html", context)
    response["HX-Retarget"] = "#din-tree"
    response["HX-Reswap"] = "outerHTML"
    return response


def _overview_url(programme, anchor=""):
    url = reverse("programme:din", args=[programme.slug])
    return f"{url}#{anchor}" if anchor else url


def _anchor(kind, obj):
    return f"{kind}-{obj.pk}"


def din_overview(request, slug):
    programme = programme_for(request, slug, "din.view_din")
    if request.GET.get("partial") == "tree":
        return render(request, "programme/_din_tree.html", _tree_context(request, programme))
    context = _tree_context(request, programme)
    context["filter_form"] = DinFilterForm(
        request.GET or None, programme=programme, auto_id="filter_%s"
    )
    return render(request, "programme/din.html", context)


def din_health(request, slug):
    programme = programme_for(request, slug, "din.view_din")
    health = selectors.din_health(programme)
    titles = {
        "goals_without_efforts": _("Operational goals without efforts"),
        "efforts_without_goals": _("Efforts that serve no goal"),
        "efforts_without_lead": _("Efforts without a lead"),
        "efforts_without_partners": _("Efforts without partners"),
        "indicators_without_measurement": _(
            "Indicators without an approved measurement in the last year"
        ),
        "efforts_overdue": _("Efforts past their end month still running"),
    }
    sections = [
        {"key": key, "title": titles[key], "items": health[key]} for key in selectors.HEALTH_CHECKS
    ]
    return render(
        request,
        "programme/health.html",
        {
            "programme": programme,
            "sections": sections,
            "total": sum(len(s["items"]) for s in sections),
            "awaiting": list(selectors.measurements_awaiting_approval(programme)[:50]),
        },
    )
