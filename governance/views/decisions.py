"""The decision list (besluitenlijst) with its xlsx and PDF, and the meeting and proposal PDFs.

Access: governance.permissions (the decision-list section). The page and its
two exports take the same filters and the same rows (selectors.decision_rows)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from avk.exports import download_name, xlsx_response
from avk.pdf import pdf_file_response, pdf_response
from avk.shortcuts import object_for, programme_for

from .. import exports, permissions, selectors
from ..markdown import render_for_print
from ..models import DecisionListDocument, MeetingStatus, ProposalStatus
from ..selectors import listing
from ..services import documents
from ..wording import memo_sentence
from ._common import MEETINGS, PROPOSALS

__all__ = [
    "decision_list",
    "decision_list_xlsx",
    "decision_list_pdf",
    "decision_list_pdf_progress",
    "decision_list_pdf_status",
    "meeting_pdf",
    "proposal_pdf",
]


#: Decisions per page of the decision list (the exports hold the whole filtered list).
PER_PAGE = 50
ALL_YEARS = "all"


def _decision_list_data(request, slug) -> dict:
    programme = programme_for(request, slug, "governance.view_decision_list")
    return listing.decision_list_data(user=request.user, programme=programme, params=request.GET)


def _filename(data: dict, extension: str) -> str:
    filters = data["filters"]
    parts = [_("decision list"), data["programme"].slug]
    if data["body"] is not None:
        parts.append(data["body"].code)
    if filters.year:
        parts.append(str(filters.year))
    return download_name("-".join(parts), extension, dated=False)


def _mark_meeting_links(request, data: dict) -> None:
    """Link a meeting only where it leads somewhere for this person: the bodies whose meetings
    they may read are asked once for the page (permissions.readable_meeting_bodies)."""
    readable = permissions.readable_meeting_bodies(request.user, data["programme"])

    def opens(meeting) -> bool:
        return meeting is not None and (readable is None or meeting.body_id in readable)

    for decision in data["decisions"]:
        decision.meeting_link = opens(decision.decided_in)
    actions = data["actions"]
    if actions is not None:
        for item in [*actions.open, *actions.done]:
            item.meeting_link = opens(item.meeting)


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
    paginator = Paginator(data["decisions"], PER_PAGE)
    if data["row_count"] is not None:
        paginator.count = data["row_count"]  # the year tabs counted the rows: no COUNT query
    page = paginator.get_page(request.GET.get("page"))
    data["page"] = page
    data["decisions"] = page.object_list
    documents.with_sentences(data)
    _mark_meeting_links(request, data)
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
        title=" ".join([_("Decision list"), str(data["body"] or "")]).strip(),
    )
    return xlsx_response(content, filename=_filename(data, "xlsx"))


@require_GET
def decision_list_pdf(request, slug):
    """The list's PDF: the kept document while the list is unchanged (at once, the same bytes),
    else rendered now, or for a long list in the background with a progress page. A kept file
    that went missing is rendered again."""
    data = _decision_list_data(request, slug)
    document = documents.decision_list_document(data=data, by=request.user)
    filename = _filename(data, "pdf")

    def render_again():
        documents.decision_list_file_missing(document=document)
        again = documents.decision_list_document(data=data, by=request.user)
        return _pdf_or_progress(again, filename=filename)

    return _pdf_or_progress(document, filename=filename, missing=render_again)


def _pdf_or_progress(document, *, filename: str, missing=None):
    if document.ready:
        return pdf_file_response(document.file, filename=filename, missing=missing)
    return redirect(
        "governance:decision-list-pdf-progress", slug=document.programme.slug, pk=document.pk
    )


def _document_for(request, slug, pk):
    """A decision-list PDF of the programme, for who asked for it or another reader of the
    same rows (governance.follow_decision_list_pdf): 404 when unknown, 403 for anyone else."""
    programme = programme_for(request, slug, "governance.view_decision_list")
    in_programme = DecisionListDocument.objects.filter(programme=programme).select_related(
        "programme"
    )
    return object_for(request, in_programme, "governance.follow_decision_list_pdf", pk=pk)


@require_GET
def decision_list_pdf_progress(request, slug, pk):
    """The progress page ("De PDF wordt gemaakt…"), polling its status (htmx) until ready."""
    document = _document_for(request, slug, pk)
    return render(
        request,
        "governance/decision_list_pdf_progress.html",
        _progress_context(document),
    )


@require_GET
def decision_list_pdf_status(request, slug, pk):
    document = _document_for(request, slug, pk)
    return render(request, "governance/_decision_list_pdf_status.html", _progress_context(document))


def _progress_context(document) -> dict:
    query = urlencode(document.query)
    download = reverse("governance:decision-list-pdf", args=[document.programme.slug])
    return {
        "programme": document.programme,
        "document": document,
        "download_url": f"{download}?{query}" if query else download,
        "list_url": reverse("governance:decision-list", args=[document.programme.slug])
        + (f"?{query}" if query else ""),
    }


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
        filename="-".join([_("proposal"), f"{proposal.date:%Y-%m-%d}", proposal.title[:60]]),
        request=request,
    )
