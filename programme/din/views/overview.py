"""The DIN overview (the tree, with its filters) and the DIN health page."""

from urllib.parse import parse_qs, urlparse

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.shortcuts import programme_for

from .. import selectors
from ..forms import DinFilterForm
from ..models import OperationalGoal
from ..selectors import outline


def _filters_of(request):
    """Filters from the page's own query string, also for htmx requests (HX-Current-URL)."""
    data = request.GET
    if getattr(request, "htmx", False) and request.htmx.current_url:
        data = {k: v[0] for k, v in parse_qs(urlparse(request.htmx.current_url).query).items()}
    return selectors.DinFilters.from_querydict(data)


def _tree_context(request, programme, focus=None):
    """The folded overview: lines and goals with counts and progress; a goal's efforts are
    loaded when it is opened (`din_goal_efforts`)."""
    filters = _filters_of(request)
    return {
        "programme": programme,
        "tree": outline.din_outline(programme, filters),
        "can_change": policy.allowed(request.user, "din.change_din", programme),
        "focus": focus or {},
    }


def _tree_response(request, programme, focus=None, notice=""):
    context = _tree_context(request, programme, focus)
    context["notice"] = notice
    context["oob"] = True  # the jump list follows the tree (added, moved, renamed items)
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
        request.GET or None,
        programme=programme,
        lines=context["tree"].every_line,
        auto_id="filter_%s",
    )
    return render(request, "programme/din.html", context)


def din_goal_efforts(request, slug, pk):
    """An operational goal's indicators and efforts: the part of the overview that is loaded
    when the goal is opened (htmx), or a page of its own without JavaScript."""
    programme = programme_for(request, slug, "din.view_din")
    goal = get_object_or_404(
        OperationalGoal.objects.select_related("strategic_goal__line"), pk=pk, programme=programme
    )
    filters = _filters_of(request)
    context = {
        "programme": programme,
        "goal": goal,
        "content": outline.goal_efforts(goal, filters),
        "filters": filters,
        "can_change": policy.allowed(request.user, "din.change_din", programme),
    }
    if getattr(request, "htmx", False):
        return render(request, "programme/_din_goal_efforts.html", context)
    return render(request, "programme/din_efforts_page.html", {**context, "standalone": True})


def din_unlinked_efforts(request, slug):
    """The efforts that serve no goal, loaded when their section of the overview opens."""
    programme = programme_for(request, slug, "din.view_din")
    filters = _filters_of(request)
    context = {
        "programme": programme,
        "efforts": outline.unlinked_efforts(programme, filters),
        "filters": filters,
        "can_change": policy.allowed(request.user, "din.change_din", programme),
    }
    if getattr(request, "htmx", False):
        return render(request, "programme/_din_unlinked_efforts.html", context)
    return render(request, "programme/din_efforts_page.html", {**context, "standalone": True})


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
            "size": selectors.din_size(programme),
            "can_import": policy.allowed(request.user, "din.import_din", programme),
            "can_change": policy.allowed(request.user, "din.change_din", programme),
            "awaiting": list(selectors.measurements_awaiting_approval(programme)[:50]),
        },
    )
