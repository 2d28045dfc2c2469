"""The floors: for each page measured, a bare view that fetches the same rows with one query
and renders them as a plain table inside the portal's own base template (menu and header).

The ratio of a page to its floor is the page's own cost: what it does beyond reading its rows
and putting them on the screen. Served only under bench.settings (never by the product).
"""

from django.db.models import CharField, Count, DecimalField, Subquery, Sum, Value
from django.db.models.functions import Cast, ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from budget.models import Budget, BudgetLine, Realisation
from governance.models import ProposedDecision
from partners.models import Commitment
from partners.selectors import commitments_for_period
from programme.core.models import Programme
from programme.din.models import Effort, OperationalGoal


def _din_overview(programme):
    """The folded overview: each operational goal under its line and strategic goal, with how
    many efforts serve it."""
    rows = (
        OperationalGoal.objects.filter(programme=programme)
        .annotate(efforts_count=Count("effort_links"))
        .values_list(
            "strategic_goal__line__name", "strategic_goal__title", "title", "efforts_count"
        )
        .order_by("strategic_goal__line__order", "strategic_goal__order", "order")
    )
    return ["line", "strategic goal", "operational goal", "efforts"], rows


def _din_diagram(programme):
    """Goals, efforts and partners: every goal link of every effort with its partners."""
    rows = (
        Effort.objects.filter(programme=programme)
        .values_list(
            "goal_links__goal__title",
            "title",
            "status",
            "goal_links__contribution",
            "partner_links__partner__name",
            "partner_links__role",
        )
        .order_by("goal_links__goal_id", "pk")
    )
    return ["goal", "effort", "status", "contribution", "partner", "role"], rows


def _planning(programme):
    rows = (
        Effort.objects.filter(programme=programme)
        .values_list("title", "status", "start_month", "end_month", "progress")
        .order_by("start_month", "title")
    )
    return ["effort", "status", "from", "until", "progress"], rows


PARTNERS_PER_PAGE = 25  # the partner list's page (partners.views.lists.PAGE_SIZE)


def _partners(programme):
    rows = (
        Commitment.objects.in_force()
        .filter(programme=programme)
        .values_list(
            "partner__name", "partner__kind", "partner__municipality", "package__code",
            "yearly_contribution",
        )
        .order_by("partner__name")[:PARTNERS_PER_PAGE]
    )  # fmt: skip
    return ["partner", "kind", "municipality", "package", "contribution"], rows


def _decisions(programme):
    """The page the decision list opens on: the newest year's numbered decisions, 50."""
    decided = ProposedDecision.objects.filter(proposal__programme=programme, number__isnull=False)
    newest = (
        decided.annotate(year=ExtractYear("decided_on")).order_by("-decided_on").values("year")[:1]
    )
    rows = (
        decided.annotate(year=ExtractYear("decided_on"))
        .filter(year=Subquery(newest))
        .values_list("number", "decided_on", "proposal__title", "text", "decided_in__starts_at")
        .order_by("-decided_on", "-number")[:50]
    )
    return ["number", "decided on", "proposal", "decision", "meeting"], rows


ENTRIES_SHOWN = 20  # the budget page's latest realisation entries (budget.views.budgets)


def _budget(programme):
    """What the budget page shows in rows: its lines with what was realised on them, the
    member contribution of each commitment in force in the period (the page's per-partner
    table), and the latest realisation entries; one query (UNION ALL of the three)."""
    budget = Budget.objects.filter(programme=programme).order_by("-valid_from").first()
    if budget is None:
        raise Http404
    text = CharField()
    lines = (
        BudgetLine.objects.filter(budget=budget)
        .annotate(kind=Value("line", output_field=text), realised=Sum("realisations__amount"))
        .values_list("kind", "description", "category", "amount", "realised")
    )
    commitments = (
        commitments_for_period(programme=programme, start=budget.valid_from, end=budget.valid_until)
        .annotate(kind=Value("partner", output_field=text), nothing=Value(None, DecimalField()))
        .values_list("kind", "partner__name", "package__code", "yearly_contribution", "nothing")
    )
    latest = Realisation.objects.filter(
        programme=programme, budget__valid_from=budget.valid_from
    ).order_by("-booked_on", "-pk")[:ENTRIES_SHOWN]
    entries = (
        Realisation.objects.filter(pk__in=Subquery(latest.values("pk")))
        .annotate(
            kind=Value("entry", output_field=text),
            day=Cast("booked_on", text),
            nothing=Value(None, DecimalField()),
        )
        .values_list("kind", "line__description", "day", "amount", "nothing")
    )
    rows = lines.order_by().union(commitments.order_by(), entries.order_by(), all=True)
    return ["row", "description", "category / package / day", "amount", "realised"], rows


def _partner(programme, pk):
    """A partner's page: its details, commitments and the efforts it takes part in."""
    rows = (
        Commitment.objects.filter(programme=programme, partner_id=pk)
        .values_list(
            "partner__name", "partner__municipality", "package__code", "valid_from",
            "partner__effort_links__effort__title", "partner__effort_links__role",
        )
        .order_by("-valid_from", "partner__effort_links__effort__title")
    )  # fmt: skip
    return ["partner", "municipality", "package", "from", "effort", "role"], rows


PAGES = {
    "din": _din_overview,
    "diagram": _din_diagram,
    "planning": _planning,
    "partners": _partners,
    "decisions": _decisions,
    "budget": _budget,
}


def floor(request, slug, page):
    if page not in PAGES and page != "partner":
        raise Http404
    programme = get_object_or_404(Programme, slug=slug)
    request.programme = programme  # the menu of this programme, as on the real pages
    if page == "partner":
        headings, rows = _partner(programme, int(request.GET.get("pk", "0") or 0))
    else:
        headings, rows = PAGES[page](programme)
    return render(
        request,
        "bench/floor.html",
        {"programme": programme, "page": page, "headings": headings, "rows": rows},
    )
