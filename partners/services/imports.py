"""Writing a checked partner list (`partners.partner_import.check`) in one transaction.

New organisations, their participation and their first commitment are written in bulk (a few
queries for any number of rows), each with an "imported" history entry naming the person; the
policy is asked once for the programme (`partners.import`, `partners.create`, and
`partners.backdate_commitment` when a new package starts before today). Existing partners of
the programme that change go through `partner_update`, `commitment_change` and
`commitment_update`, which ask the policy for that partner and record the change.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from avk.policy import require
from avk.services import bulk_create_with_events

from ..models import Commitment, Participation, Partner
from .commitments import commitment_change, commitment_update
from .partners import partner_update

BATCH = 500
#: What the partner list sets of an organisation.
PARTNER_FIELDS = ("name", "short_name", "kind", "municipality", "website", "phone", "email")


@transaction.atomic
def import_partner_rows(*, programme, by, plan) -> dict[str, int]:
    """Write the plan's rows; returns the counts {"new", "changed", "unchanged"}."""
    require(by, "partners.import", programme)
    rows = plan.rows
    new = [row for row in rows if row.action == "new"]
    changed = [row for row in rows if row.action == "changed"]
    today = timezone.localdate()
    if new:
        require(by, "partners.create", programme)
    if any(row.commitment and row.commitment[2] < today for row in new if row.commitment):
        require(by, "partners.backdate_commitment", programme)
    details = {"programme": str(programme)}
    partners = []
    for row in new:
        # The values are cleaned and checked by the import (lengths, choices, e-mail, website)
        # and the names against the programme and the others: no row-by-row full_clean.
        partners.append(Partner(**{f: row.values.get(f, "") for f in _partner_fields(row)}))
    partners = bulk_create_with_events(
        partners, Partner, by=by, event="imported", details=details, batch_size=BATCH
    )
    participations = [
        Participation(programme=programme, partner=partner, joined_on=today) for partner in partners
    ]
    bulk_create_with_events(
        participations, Participation, by=by, event="participation.joined", batch_size=BATCH
    )
    commitments = []
    for row, partner in zip(new, partners, strict=True):
        if row.commitment:
            _new, package, start, amount = row.commitment
            commitment = Commitment(
                programme=programme,
                partner=partner,
                package=package,
                valid_from=start,
                yearly_contribution=package.yearly_contribution if amount is None else amount,
            )
            commitments.append(commitment)
    bulk_create_with_events(commitments, Commitment, by=by, event="imported", batch_size=BATCH)
    for row in changed:
        partner = row.partner
        if row.changes:
            partner_update(
                partner_id=partner.pk,
                version=partner.version,
                by=by,
                programme=programme,
                event="imported",
                **row.changes,
            )
        if row.commitment and row.commitment[0] == "new":
            _new, package, start, amount = row.commitment
            commitment_change(
                programme=programme,
                partner=partner,
                package=package,
                valid_from=start,
                by=by,
                yearly_contribution=amount,
                notify=False,
                event="imported",
            )
        elif row.commitment:
            _correct, commitment, amount = row.commitment
            commitment_update(
                commitment_id=commitment.pk,
                version=commitment.version,
                by=by,
                yearly_contribution=amount,
                signed_on=commitment.signed_on,
                motivation=commitment.motivation,
                event="imported",
            )
    unchanged = len(rows) - len(new) - len(changed)
    return {"new": len(new), "changed": len(changed), "unchanged": unchanged}


def _partner_fields(row) -> list[str]:
    return [f for f in PARTNER_FIELDS if f in row.values]
