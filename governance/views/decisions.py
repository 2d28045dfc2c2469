"""The decision list (besluitenlijst) with its xlsx and PDF, and the meeting and proposal PDFs.

Access: governance.permissions (the decision-list section). The page and its
two exports take the same filters and the same rows (selectors.decision_rows)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from avk import policy
from avk.exports import download_name, xlsx_response
from avk.pdf import pdf_response
from avk.shortcuts import object_for, programme_for

from .. import exports, selectors
from .. import selectors as rows
from ..markdown import render as markdown
from ..models import (
    BodyKind,
    DecisionKind,
    MeetingStatus,
    Outcome,
    ProposalStatus,
)
from ._common import MEETINGS, PROPOSALS

__all__ = [
    "decision_list",
    "decision_list_xlsx",
    "decision_list_pdf",
    "meeting_pdf",
    "proposal_pdf",
]


#: How the memo names a body in "Het dagelijks bestuur wordt gevraagd ..." (seed 001).
BODY_PHRASES = {
    BodyKind.DAILY_BOARD: "het dagelijks bestuur",
    BodyKind.STEERING_GROUP: "de stuurgroep",
    BodyKind.MEMBERS_COUNCIL: "de ledenraad",
    BodyKind.PROGRAMME_TEAM: "het programmateam",
    BodyKind.LEADS_MEETING: "het kartrekkersoverleg",
}
KIND_PHRASES = {
    DecisionKind.TAKE_NOTE: "kennis te nemen van",
    DecisionKind.AGREE: "in te stemmen met",
}
VERB_STARTS = ("kennis te nemen", "kennis nemen", "kennisnemen", "in te stemmen", "instemmen")


def memo_sentence(decision, body) -> str:
    """A proposed decision as the memo words it: "Het dagelijks bestuur wordt gevraagd in te
    stemmen met ...". Texts already written that way stay as they are; in another language
    than Dutch the text is shown with its kind."""
    text = decision.text.strip()
    if not (get_language() or "nl").startswith("nl"):
        return f"{decision.get_kind_display()}: {text}"
    if "wordt gevraagd" in text.lower()[:120]:
        return text
    subject = BODY_PHRASES.get(body.kind) or f"het {body.name}"
    if text.lower().startswith(VERB_STARTS):
        return f"{subject[0].upper()}{subject[1:]} wordt gevraagd {text}"
    return f"{subject[0].upper()}{subject[1:]} wordt gevraagd {KIND_PHRASES[decision.kind]} {text}"


def _filters(request, bodies) -> rows.DecisionFilter:
    """Parse ?body=&year=&outcome=&q=; a value that makes no sense is ignored with a message."""
    filters = rows.DecisionFilter()
    raw_body = request.GET.get("body", "")
    by_pk = {str(b.pk): b for b in bodies}
    filters.body = by_pk.get(raw_body) or rows.default_body(bodies)
    if raw_body and raw_body not in by_pk:
        filters.errors.append(_("This body is not one of the programme's bodies."))
    raw_year = request.GET.get("year", "").strip()
    if raw_year:
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
    return {
        "programme": programme,
        "bodies": bodies,
        "body": body,
        "filters": filters,
        "decisions": rows.decision_rows(user=request.user, programme=programme, filters=filters),
        "years": rows.decision_years(programme=programme, body=body),
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


@require_GET
def decision_list(request, slug):
    return render(request, "governance/decision_list.html", _decision_list_data(request, slug))


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
            "minutes": markdown(meeting.minutes) if held else "",
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
            "introduction": markdown(proposal.introduction),
            "content": markdown(proposal.content),
            "today": timezone.localdate(),
        },
        filename=f"{_('proposal')}-{proposal.date:%Y-%m-%d}-{proposal.title[:60]}",
        request=request,
    )
