"""The decision list (besluitenlijst) with its xlsx and PDF, and the meeting and proposal PDFs.

Access: governance.permissions (the decision-list section). The page and its
two exports take the same filters and the same rows (selectors.decision_rows)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from avk import policy
from avk.exports import download_name, xlsx_response
from avk.pdf import pdf_response
from avk.shortcuts import object_for, programme_for

from .. import exports, selectors
from .. import selectors as rows
from ..markdown import render_for_print
from ..models import MeetingStatus, Outcome, ProposalStatus
from ..wording import decided_sentence, memo_sentence
from ._common import MEETINGS, PROPOSALS

__all__ = [
    "decision_list",
    "decision_list_xlsx",
    "decision_list_pdf",
    "meeting_pdf",
    "proposal_pdf",
]


#: Decisions per page of the decision list (the exports hold the whole filtered list).
PER_PAGE = 50
ALL_YEARS = "all"


def _filters(request, bodies) -> rows.DecisionFilter:
    """Parse ?body=&year=&outcome=&q=; a value that makes no sense is ignored with a message.
    `year=all` asks for every year; without a year the list opens on the newest year with
    decisions (a search without a year looks in every year)."""
    filters = rows.DecisionFilter()
    raw_body = request.GET.get("body", "")
    by_pk = {str(b.pk): b for b in bodies}
    filters.body = by_pk.get(raw_body) or rows.default_body(bodies)
    if raw_body and raw_body not in by_pk:
        filters.errors.append(_("This body is not one of the programme's bodies."))
    raw_year = request.GET.get("year", "").strip()
    filters.all_years = raw_year == ALL_YEARS
    if raw_year and not filters.all_years:
        if raw_year.isdigit() and 1900 <= int(raw_year) <= 2200:
            filters.year = int(raw_year)
        else:
            filters.errors.append(_("The year must be a year such as 2023."))
    outcome = request.GET.get("outcome", "")
    if outcome in Outcome.values:
        filters.outcome = outcome
    elif outcome:
        filters.errors.append(_("This outcome does not exist."))
    filters.search = request.GET.get("q", "").strip()[: rows.MAX_SEARCH]
    return filters


def _decision_list_data(request, slug) -> dict:
    programme = programme_for(request, slug, "governance.view_decision_list")
    bodies = list(selectors.bodies(programme=programme))
    filters = _filters(request, bodies)
    body = filters.body
    show_actions = body is not None and policy.allowed(
        request.user, "governance.view_action_items", body
    )
    year_counts = rows.decision_year_counts(user=request.user, programme=programme, body=body)
    if not filters.year and not filters.all_years and not filters.search and year_counts:
        filters.year = year_counts[0][0]  # the newest year opens the list
    return {
        "programme": programme,
        "bodies": bodies,
        "body": body,
        "filters": filters,
        "decisions": rows.decision_rows(user=request.user, programme=programme, filters=filters),
        "years": [year for year, _n in year_counts],
        "year_counts": year_counts,
        "year_total": sum(n for _y, n in year_counts),
        "outcomes": rows.outcome_choices(),
        "actions": rows.action_item_rows(body=body) if show_actions else None,
        "query": urlencode(filters.as_query()),
        "today": timezone.localdate(),
    }


def _filename(data: dict, extension: str) -> str:
    filters = data["filters"]
    parts = [_("decision list"), data["programme"].slug]
    if data["body"] is not None:
        parts.append(data["body"].code)
    if filters.year:
        parts.append(str(filters.year))
    return download_name("-".join(parts), extension, dated=False)


def _with_sentences(decisions, body) -> list:
    decisions = list(decisions)
    for decision in decisions:
        decision.sentence = decided_sentence(decision, body)
    return decisions


def _year_tabs(data: dict) -> list[dict]:
    """The year tabs above the list: each year with its count, then "all years"; each a link
    keeping the other filters."""
    filters = data["filters"]
    keep = {k: v for k, v in filters.as_query().items() if k != "year"}
    tabs = []
    for year, count in data["year_counts"]:
        tabs.append(
            {
                "label": str(year),
                "count": count,
                "query": urlencode({**keep, "year": year}),
                "current": filters.year == year,
            }
        )
    if len(tabs) < 2 and not filters.search:
        return []  # one year or none: nothing to choose
    tabs.append(
        {
            "label": _("all years"),
            "count": data["year_total"],
            "query": urlencode({**keep, "year": ALL_YEARS}),
            "current": not filters.year,
        }
    )
    return tabs


@require_GET
def decision_list(request, slug):
    data = _decision_list_data(request, slug)
    page = Paginator(data["decisions"], PER_PAGE).get_page(request.GET.get("page"))
    data["page"] = page
    data["decisions"] = _with_sentences(page.object_list, data["body"])
    data["year_tabs"] = _year_tabs(data)
    data["page_query"] = data["query"]
    return render(request, "governance/decision_list.html", data)


@require_GET
def decision_list_xlsx(request, slug):
    data = _decision_list_data(request, slug)
    actions = data["actions"]
    content = exports.decision_list_workbook(
        decisions=data["decisions"],
        action_items=(actions.open + actions.done) if actions is not None else None,
        today=data["today"],
        title=f"{_('Decision list')} {data['body'] or ''}".strip(),
    )
    return xlsx_response(content, filename=_filename(data, "xlsx"))


@require_GET
def decision_list_pdf(request, slug):
    data = _decision_list_data(request, slug)
    data["decisions"] = _with_sentences(data["decisions"], data["body"])
    return pdf_response(
        "governance/pdf/decision_list.html",
        data,
        filename=_filename(data, "pdf"),
        request=request,
    )


@require_GET
def meeting_pdf(request, pk):
    object_for(request, MEETINGS, "governance.download_meeting_pdf", pk=pk)
    meeting = selectors.meeting_detail(pk=pk)
    held = meeting.status == MeetingStatus.HELD
    local = timezone.localtime(meeting.starts_at)
    kind = _("minutes") if held else _("agenda")
    return pdf_response(
        "governance/pdf/meeting.html",
        {
            "meeting": meeting,
            "programme": meeting.body.programme,
            "held": held,
            "minutes": render_for_print(meeting.minutes) if held else "",
            "attendance": selectors.attendance_list(meeting),
            "today": timezone.localdate(),
        },
        filename=f"{kind}-{meeting.body.code}-{local:%Y-%m-%d}",
        request=request,
    )


@require_GET
def proposal_pdf(request, pk):
    object_for(request, PROPOSALS, "governance.download_proposal_pdf", pk=pk)
    proposal = selectors.proposal_detail(pk=pk)
    decisions = list(proposal.decisions.all())
    for decision in decisions:
        decision.memo_text = memo_sentence(decision, proposal.body)
    return pdf_response(
        "governance/pdf/proposal.html",
        {
            "proposal": proposal,
            "programme": proposal.programme,
            "decisions": decisions,
            "decided": any(d.outcome for d in decisions),
            "concept": proposal.status == ProposalStatus.CONCEPT,
            "introduction": render_for_print(proposal.introduction),
            "content": render_for_print(proposal.content),
            "attachments": list(proposal.attachments.all()),
            "today": timezone.localdate(),
        },
        filename=f"{_('proposal')}-{proposal.date:%Y-%m-%d}-{proposal.title[:60]}",
        request=request,
    )
