"""The quick scan's read side: the scans of a programme, one partner's answers, and the
results per partner and per question for the programme team (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from partners.models import Partner

from ..models import ANSWER_SCORE, MAX_SCORE, Answer, QuickScan, ScanAnswer, ScanResponse


def scans(programme):
    return (
        QuickScan.objects.filter(programme=programme)
        .select_related("round")
        .annotate(
            item_count=Count("items", distinct=True),
            response_count=Count("responses", distinct=True),
        )
        .order_by("-pk")
    )


def own_responses(scan: QuickScan, partner_ids) -> dict[int, ScanResponse]:
    """The responses of the partners a contact speaks for, by partner id."""
    return {
        r.partner_id: r
        for r in ScanResponse.objects.filter(scan=scan, partner_id__in=partner_ids).select_related(
            "partner", "submitted_by"
        )
    }


def response_with_answers(scan: QuickScan, partner) -> ScanResponse | None:
    return (
        ScanResponse.objects.filter(scan=scan, partner=partner)
        .select_related("submitted_by")
        .prefetch_related("answers__item")
        .first()
    )


def score(answers) -> int | None:
    """The share of the maximum a partner scores (yes 2, partly 1, no 0), in whole percents."""
    values = [ANSWER_SCORE[Answer(a.answer)] for a in answers]
    if not values:
        return None
    return round(100 * sum(values) / (MAX_SCORE * len(values)))


@dataclass
class ItemResult:
    item: object
    counts: dict = field(default_factory=dict)  # answer code -> number of partners
    answered: int = 0

    def share(self, code: str) -> int:
        return round(100 * self.counts.get(code, 0) / self.answered) if self.answered else 0

    @property
    def bars(self) -> list[dict]:
        """The stacked bar of the chart: yes, partly, no, each with its share and offset."""
        found, offset = [], 0
        for code, label in Answer.choices:
            width = self.share(code)
            found.append(
                {
                    "code": code,
                    "label": label,
                    "count": self.counts.get(code, 0),
                    "share": width,
                    "offset": offset,
                }
            )
            offset += width
        return found


def scan_results(scan: QuickScan) -> dict:
    """Every partner's answers (rows), per question the yes/partly/no counts (the chart), and
    the partners of the programme that have not filled it in."""
    items = list(scan.items.all())
    responses = list(
        ScanResponse.objects.filter(scan=scan)
        .select_related("partner", "submitted_by")
        .prefetch_related(Prefetch("answers", queryset=ScanAnswer.objects.all()))
        .order_by("partner__name")
    )
    results = {item.pk: ItemResult(item) for item in items}
    rows = []
    for response in responses:
        by_item = {a.item_id: a for a in response.answers.all()}
        for item_id, answer in by_item.items():
            result = results.get(item_id)
            if result is not None:
                result.counts[answer.answer] = result.counts.get(answer.answer, 0) + 1
                result.answered += 1
        rows.append(
            {
                "response": response,
                "partner": response.partner,
                "answers": [by_item.get(item.pk) for item in items],
                "score": score(by_item.values()),
            }
        )
    responded = {r.partner_id for r in responses}
    missing = list(
        Partner.objects.filter(
            participations__programme_id=scan.programme_id,
            participations__left_on__isnull=True,
            active=True,
        )
        .exclude(pk__in=responded)
        .order_by("name")
    )
    scores = [row["score"] for row in rows if row["score"] is not None]
    return {
        "items": items,
        "rows": rows,
        "results": [results[item.pk] for item in items],
        "missing": missing,
        "average": round(sum(scores) / len(scores)) if scores else None,
    }
