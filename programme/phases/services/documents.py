"""The phase plan as a PDF (A4, Dutch), through the shared PDF helper: a concept is rendered on
every download (with a CONCEPT watermark and the day's date on each page); an adopted plan is
rendered once from its frozen contents and kept, so every download is the same document.

The same document as an editable Word file (`plan_docx`, `programme.phases.word`): written on
each download from the same contents, an adopted plan's from its frozen snapshot, so later DIN
edits never change it."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils import timezone, translation

from avk.pdf import render_pdf
from avk.policy import require

from .. import word
from ..models import PhasePlan, PhasePlanDocument
from ..selectors import compare, contents, thaw

TEMPLATE = "programme/phases/pdf/plan.html"
#: The language of the document: the programme's own (Dutch), whatever the reader's.
LANGUAGE = "nl"


def render(plan: PhasePlan, *, other: PhasePlan | None = None) -> bytes:
    """The plan's PDF; with `other`, an annex comparing the two plans."""
    with translation.override(LANGUAGE):
        data = contents(plan)
        comparison = None
        if other is not None:
            theirs = contents(other)
            older, newer = (theirs, data) if other.number < plan.number else (data, theirs)
            comparison = compare(older, newer)
        return render_pdf(
            TEMPLATE,
            {
                "plan": plan,
                "doc": thaw(data),
                "concept": plan.is_concept,
                "printed_on": timezone.localdate(),
                "comparison": comparison,
            },
        )


def plan_pdf(plan: PhasePlan, *, by, other: PhasePlan | None = None) -> bytes:
    """The PDF a person downloads: the kept document of an adopted plan (rendered and kept on
    its first download), else a fresh rendering."""
    require(by, "phaseplans.download", plan)
    if other is not None:
        require(by, "phaseplans.compare", other)
    if not plan.is_frozen or other is not None:
        return render(plan, other=other)
    kept = PhasePlanDocument.objects.filter(plan=plan).only("content").first()
    if kept is not None:
        return bytes(kept.content)
    content = render(plan)
    with transaction.atomic():
        PhasePlan.objects.select_for_update().filter(pk=plan.pk).exists()
        kept = PhasePlanDocument.objects.filter(plan=plan).only("content").first()
        if kept is not None:  # rendered meanwhile by another download
            return bytes(kept.content)
        PhasePlanDocument.objects.create(
            plan=plan,
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
            rendered_at=timezone.now(),
        )
    return content


def render_docx(plan: PhasePlan) -> bytes:
    """The plan's Word document, in the programme's language, from its contents as `render`
    reads them (the frozen snapshot once adopted)."""
    with translation.override(LANGUAGE):
        return word.build(
            thaw(contents(plan)),
            concept=plan.is_concept,
            printed_on=timezone.localdate(),
            adopted_on=plan.adopted_on,
        )


def plan_docx(plan: PhasePlan, *, by) -> bytes:
    """The Word document a person downloads: for whoever may download the PDF."""
    require(by, "phaseplans.download", plan)
    return render_docx(plan)
