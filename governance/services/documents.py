"""The decision list's PDF, kept by the list's last change.

A fingerprint (SHA-256) of everything the PDF shows (the programme, body and filters, the
language, every decision as shown with its number, date, outcome, votes and corrections, and
the action items with whether they are overdue) names a kept document
(`DecisionListDocument`): while the list is unchanged every download is that file, byte for
byte, at once. A new or changed decision changes the fingerprint, and the next download renders
it anew. A list of more than `GOVERNANCE_PDF_BACKGROUND_ROWS` decisions is rendered by a
background task (`governance.tasks.render_decision_list`) instead of holding a web worker; the
person follows it on a progress page.

The document is shared by everyone whose list has the same fingerprint (the same rows), and
served only through the decision-list PDF view, which asks the gate and computes the reader's
own fingerprint first: nobody gets a document of rows they may not see.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from avk import policy
from avk.pdf import render_pdf

from ..models import DecisionListDocument, DocumentStatus
from ..wording import decided_sentence

TEMPLATE = "governance/pdf/decision_list.html"
#: Counted up when the PDF's layout changes, so documents kept before are not served again.
LAYOUT = 1
#: How long a document is kept: its fingerprint holds its day, so it is not served after that
#: day; a day more leaves a download that started just before midnight its file.
KEEP_FOR = timedelta(days=2)
#: A background rendering not finished after this long is queued again (a worker stopped).
STALE_AFTER = timedelta(minutes=15)
#: The fingerprint of a request whose list turned out to be kept already: "same as" + that
#: document's id (never a SHA-256, so never a list's fingerprint).
SAME_AS = "same-as:"


def _digest(material) -> str:
    text = json.dumps(material, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _list_material(data: dict, language: str) -> list:
    return [
        LAYOUT,
        language,
        data["programme"].pk,
        data["body"].pk if data["body"] is not None else None,
        data["filters"].as_query(),
    ]


def list_key(data: dict, language: str) -> str:
    """Which list this is (programme, body, filters, language), whatever its rows."""
    return _digest(_list_material(data, language))


def fingerprint(data: dict, language: str) -> str:
    """The fingerprint of the decision list as `data` shows it (see the module's text).
    `data["decisions"]` carry their `sentence` (with_sentences)."""
    programme, body = data["programme"], data["body"]
    decisions = [
        [
            d.pk,
            d.number,
            d.decided_on,
            d.outcome,
            d.sentence,
            d.text,
            d.amended_text,
            d.votes_for,
            d.votes_against,
            d.votes_abstain,
            d.corrects.number if d.corrects_id else None,
            [c.number or str(c) for c in d.corrected_by.all()],
            d.proposal.title,
            d.position,
            d.decided_in.date if d.decided_in_id else None,
            d.decided_via,
        ]
        for d in data["decisions"]
    ]
    actions = data["actions"]
    if actions is not None:
        actions = [
            [a.pk, a.description, a.who, a.due_date, a.status, a.done_on, getattr(a, "overdue", 0)]
            for a in [*actions.open, *actions.done]
        ]
    header = [programme.name, programme.short_name, str(body), getattr(body, "code", "")]
    printed_on = data["today"]  # "Printed on": a new day is a new document
    return _digest([_list_material(data, language), printed_on, header, decisions, actions])


def with_sentences(data: dict) -> dict:
    """Give each decision its sentence as the list prints it ("Het DB stemt in met ...")."""
    decisions = list(data["decisions"])
    for decision in decisions:
        if not hasattr(decision, "sentence"):
            decision.sentence = decided_sentence(decision, data["body"])
    data["decisions"] = decisions
    return data


def decision_list_document(*, data: dict, by) -> DecisionListDocument:
    """The PDF of the decision list `data` (as `by` sees it, in the current language): the kept
    document when the list is unchanged; else rendered now and kept, or, for a long list,
    a document being made in the background (status "bezig"). Refused unless `by` may read
    the programme's decision list ("governance.view_decision_list")."""
    policy.require(by, "governance.view_decision_list", data["programme"])
    data = with_sentences(data)
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = fingerprint(data, language)
    kept = DecisionListDocument.objects.filter(fingerprint=key).first()
    if kept is not None and kept.ready:
        return kept
    rows = len(data["decisions"])
    if rows <= settings.GOVERNANCE_PDF_BACKGROUND_ROWS:
        return _keep(data, key=key, language=language, by=by, content=render_pdf(TEMPLATE, data))
    from ..tasks import render_decision_list  # the task calls back into this module

    with transaction.atomic():
        document, created = DecisionListDocument.objects.select_for_update().get_or_create(
            fingerprint=key,
            defaults=_fields(data, language=language, by=by, rows=rows),
        )
        stale = document.created_at < timezone.now() - STALE_AFTER
        if created or document.status == DocumentStatus.FAILED or (not document.ready and stale):
            if not created:
                DecisionListDocument.objects.filter(pk=document.pk).update(
                    status=DocumentStatus.PENDING, created_at=timezone.now(), requested_by=by
                )
            render_decision_list.enqueue(document_id=str(document.pk))
    document.refresh_from_db()  # the immediate backend (tests) has rendered it already
    return document


def _same_as_kept(document: DecisionListDocument, key: str) -> str:
    """The list as it is now is kept already (another download made it meanwhile): this request
    is done. Its progress page says "ready" and its download link (the list's PDF URL) serves
    that kept document. This row keeps no file and no list's fingerprint any more ("same as"
    the kept one), so it is never served in place of a list."""
    existing = DecisionListDocument.objects.filter(fingerprint=key).first()
    if existing is None:  # removed meanwhile: the next download renders it again
        DecisionListDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED)
        return DocumentStatus.FAILED
    DecisionListDocument.objects.filter(pk=document.pk).update(
        fingerprint=f"{SAME_AS}{existing.pk.hex}",
        status=DocumentStatus.READY,
        rendered_at=existing.rendered_at or timezone.now(),
    )
    return DocumentStatus.READY


def _fields(data: dict, *, language: str, by, rows: int) -> dict:
    return {
        "programme": data["programme"],
        "body": data["body"],
        "list_key": list_key(data, language),
        "query": data["filters"].as_query(),
        "language": language,
        "rows": rows,
        "requested_by": by,
    }


def _keep(data: dict, *, key: str, language: str, by, content: bytes) -> DecisionListDocument:
    """Keep a rendered PDF under its fingerprint. When another download kept the same list
    meanwhile, theirs is kept and returned (every reader gets the same bytes)."""
    with transaction.atomic():
        document, _created = DecisionListDocument.objects.select_for_update().get_or_create(
            fingerprint=key,
            defaults=_fields(data, language=language, by=by, rows=len(data["decisions"])),
        )
        if document.ready:
            return document
        document.file.save(f"{document.pk}.pdf", ContentFile(content), save=False)
        document.status = DocumentStatus.READY
        document.rendered_at = timezone.now()
        document.save()
        _prune(document)
    return document


def _prune(keep: DecisionListDocument) -> None:
    """Remove the documents requested before `KEEP_FOR` (of any list and any reader: their
    fingerprints hold a day gone by). The rows go in this transaction, their files only once it
    is committed: a rolled-back removal never leaves a row without its file."""
    old = DecisionListDocument.objects.filter(created_at__lt=timezone.now() - KEEP_FOR)
    old = old.exclude(pk=keep.pk)
    names = list(old.exclude(file="").values_list("file", flat=True))
    old.delete()
    storage = DecisionListDocument._meta.get_field("file").storage

    def remove_files():
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(remove_files)


def decision_list_file_missing(*, document: DecisionListDocument) -> None:
    """The kept file of `document` is gone from the storage (a restore without the media, a
    removal by hand): mark it failed, so the next download renders it again."""
    DecisionListDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED)
    document.status = DocumentStatus.FAILED


def shows_same_list(*, user, document: DecisionListDocument) -> bool:
    """Does `user` see the list of `document` (its filters, in its language) with the same rows
    now (the same fingerprint)? Who asked for it follows its progress page; so may another
    reader of exactly that list."""
    from ..selectors.listing import decision_list_data

    with translation.override(document.language):
        data = with_sentences(
            decision_list_data(user=user, programme=document.programme, params=document.query)
        )
        return fingerprint(data, document.language) == document.fingerprint


def decision_list_render(*, document_id: str) -> str:
    """What the background task does: render the document as its requester sees the list now
    and keep it. Returns the document's status."""
    from ..selectors.listing import decision_list_data

    document = (
        DecisionListDocument.objects.select_related("programme", "requested_by")
        .filter(pk=document_id)
        .first()
    )
    if document is None or document.ready:
        return document.status if document is not None else "weg"
    user = document.requested_by
    if user is None or not policy.allowed(
        user, "governance.view_decision_list", document.programme
    ):
        DecisionListDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED)
        return DocumentStatus.FAILED
    try:
        with translation.override(document.language):
            data = with_sentences(
                decision_list_data(user=user, programme=document.programme, params=document.query)
            )
            key = fingerprint(data, document.language)
            content = render_pdf(TEMPLATE, data)
    except Exception:
        DecisionListDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED)
        raise
    if key != document.fingerprint:
        # The list changed while it waited: keep what it is now, under its new fingerprint.
        try:
            with transaction.atomic():
                DecisionListDocument.objects.filter(pk=document.pk).update(fingerprint=key)
        except IntegrityError:
            return _same_as_kept(document, key)
    return _keep(data, key=key, language=document.language, by=user, content=content).status
