"""The partner quick scan: the programme team keeps the questionnaire, a partner contact fills
it in for their own organisation."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import delete_with_history, lock, save_with_history, update_versioned

from ..models import Answer, QuickScan, ScanAnswer, ScanItem, ScanResponse
from ._common import check_fields, require_change


@transaction.atomic
def scan_create(*, programme, by, items=(), **fields) -> QuickScan:
    """A quick scan with its questions: (text, explanation) each."""
    require_change(by, programme)
    check_fields(fields, QuickScan.EDITABLE_FIELDS)
    scan = QuickScan(programme=programme, **fields)
    if scan.round_id and scan.round.programme_id != programme.pk:
        raise ValidationError({"round": _("The round belongs to another programme.")})
    save_with_history(scan, by=by, event="scan.created")
    for order, (text, help_text) in enumerate(items):
        scan_item_save(item=ScanItem(scan=scan, text=text, help_text=help_text, order=order), by=by)
    return scan


@transaction.atomic
def scan_update(*, scan_id: int, version: int | None, by, **fields) -> QuickScan:
    scan = QuickScan.objects.select_related("programme").get(pk=scan_id)
    require_change(by, scan)
    check_fields(fields, QuickScan.EDITABLE_FIELDS)
    round_ = fields.get("round")
    if round_ is not None and round_.programme_id != scan.programme_id:
        raise ValidationError({"round": _("The round belongs to another programme.")})
    return update_versioned(scan, version=version, by=by, event="scan.edited", **fields)


@transaction.atomic
def scan_item_save(*, item: ScanItem, by) -> ScanItem:
    require_change(by, item.scan)
    return save_with_history(item, by=by, event="scan_item.saved")


@transaction.atomic
def scan_item_remove(*, item_id: int, by) -> None:
    item = lock(ScanItem, pk=item_id)
    require_change(by, item.scan)
    if item.answers.exists():
        raise ValidationError(
            _("Partners have answered this question; it cannot be removed."), code="protected"
        )
    delete_with_history(item, by=by, event="scan_item.removed")


@transaction.atomic
def scan_fill(
    *, scan: QuickScan, partner, answers: dict, remark: str = "", version: int | None, by
) -> ScanResponse:
    """Save a partner's answers: `answers` maps a question's id to (answer, explanation). Every
    question needs an answer; filling in again replaces the earlier answers (`version`: of the
    response the form was opened with, None for the first time)."""
    require(by, "reflection.fill_scan", (scan, partner))
    items = list(scan.items.all())
    missing = [item for item in items if (answers.get(item.pk) or ("", ""))[0] not in Answer.values]
    if missing:
        raise ValidationError(
            _("Answer every question (yes, partly or no). Not answered: %(items)s.")
            % {"items": "; ".join(item.text for item in missing)},
            code="unanswered",
        )
    unknown = set(answers) - {item.pk for item in items}
    if unknown:
        raise ValidationError(_("The form holds a question of another quick scan."), code="unknown")
    response = ScanResponse.objects.select_for_update().filter(scan=scan, partner=partner).first()
    details = {"partner": str(partner)}
    now = timezone.now()
    if response is None:
        if version is not None:
            raise ValidationError(
                _("The answers you opened have been removed meanwhile; fill in the scan again."),
                code="gone",
            )
        response = ScanResponse(
            scan=scan, partner=partner, remark=remark, submitted_by=by, submitted_at=now
        )
        save_with_history(response, by=by, event="scan.filled_in", details=details)
    else:
        response = update_versioned(
            response,
            version=version,
            by=by,
            event="scan.filled_in",
            details=details,
            remark=remark,
            submitted_by=by,
            submitted_at=now,
        )
    existing = {a.item_id: a for a in response.answers.select_for_update()}
    for item in items:
        value, note = answers[item.pk]
        answer = existing.get(item.pk) or ScanAnswer(response=response, item=item)
        if answer.pk and answer.answer == value and answer.note == note:
            continue
        answer.answer, answer.note = value, (note or "")[:500]
        save_with_history(answer, by=by, event="scan.answer_saved")
    return response
