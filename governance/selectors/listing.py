"""The decision list's data for a person: the page, its xlsx and its PDF (also when a background
task renders the PDF, without a request) read it from here, so they show the same rows."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _

from avk import policy

from ..models import Outcome
from . import decisions as rows
from .meetings import bodies as programme_bodies

#: The `year` value that asks for every year.
ALL_YEARS = "all"


def parse_filters(params: Mapping, bodies) -> rows.DecisionFilter:
    """Parse ?body=&year=&outcome=&q=; a value that makes no sense is ignored with a message.
    `year=all` asks for every year; without a year the list opens on the newest year with
    decisions (a search without a year looks in every year)."""
    filters = rows.DecisionFilter()
    raw_body = str(params.get("body", ""))
    by_pk = {str(b.pk): b for b in bodies}
    filters.body = by_pk.get(raw_body) or rows.default_body(bodies)
    if raw_body and raw_body not in by_pk:
        filters.errors.append(_("This body is not one of the programme's bodies."))
    raw_year = str(params.get("year", "")).strip()
    filters.all_years = raw_year == ALL_YEARS
    if raw_year and not filters.all_years:
        if raw_year.isdigit() and 1900 <= int(raw_year) <= 2200:
            filters.year = int(raw_year)
        else:
            filters.errors.append(_("The year must be a year such as 2023."))
    outcome = str(params.get("outcome", ""))
    if outcome in Outcome.values:
        filters.outcome = outcome
    elif outcome:
        filters.errors.append(_("This outcome does not exist."))
    filters.search = str(params.get("q", "")).strip()[: rows.MAX_SEARCH]
    return filters


def _counted(filters: rows.DecisionFilter, year_counts) -> int | None:
    """How many rows the list has when the year tabs counted them already: a year and nothing
    else asked (the list as it opens), else None (the page counts them)."""
    if filters.year and not filters.outcome and not filters.search:
        return dict(year_counts).get(filters.year, 0)
    return None


def decision_list_data(*, user, programme, params: Mapping) -> dict:
    """Everything the decision list shows to `user` in `programme` with the filters `params`
    (the caller has asked the gate for "governance.view_decision_list")."""
    bodies = list(programme_bodies(programme=programme))
    for body in bodies:
        body.programme = programme  # the policy asks a body for its programme: this one
    filters = parse_filters(params, bodies)
    body = filters.body
    show_actions = body is not None and policy.allowed(user, "governance.view_action_items", body)
    year_counts = rows.decision_year_counts(user=user, programme=programme, body=body)
    if not filters.year and not filters.all_years and not filters.search and year_counts:
        filters.year = year_counts[0][0]  # the newest year opens the list
    return {
        "row_count": _counted(filters, year_counts),
        "programme": programme,
        "bodies": bodies,
        "body": body,
        "filters": filters,
        "decisions": rows.decision_rows(user=user, programme=programme, filters=filters),
        "years": [year for year, _n in year_counts],
        "year_counts": year_counts,
        "year_total": sum(n for _y, n in year_counts),
        "outcomes": rows.outcome_choices(),
        "actions": rows.action_item_rows(body=body) if show_actions else None,
        "query": urlencode(filters.as_query()),
        "today": timezone.localdate(),
    }
