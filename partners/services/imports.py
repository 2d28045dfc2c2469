"""Writing a checked partner list (`partners.partner_import.check`) in one transaction.

New organisations, their participation and their first commitment are written in bulk (a few
queries for any number of rows), each with an "imported" history entry naming the person; the
policy is asked once for the programme (`partners.import`, `partners.create`, and
`partners.backdate_commitment` when a new package starts before today). Existing partners of
the programme that change go through `partner_update`, `commitment_change` and
`commitment_update`, which ask the policy for that partner and record the change.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import bulk_create_with_events, bulk_update_versioned

from ..models import Commitment, Participation, Partner

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
            _new, package, start, amount, _previous = row.commitment
            commitment = Commitment(
                programme=programme,
                partner=partner,
                package=package,
                valid_from=start,
                yearly_contribution=package.yearly_contribution if amount is None else amount,
            )
            commitments.append(commitment)
    bulk_create_with_events(commitments, Commitment, by=by, event="imported", batch_size=BATCH)
    _write_changes(programme, by, changed, today)
    unchanged = len(rows) - len(new) - len(changed)
    return {"new": len(new), "changed": len(changed), "unchanged": unchanged}


def _partner_fields(row) -> list[str]:
    return [f for f in PARTNER_FIELDS if f in row.values]


def _write_changes(programme, by, changed, today) -> None:
    """The rows of partners the programme has: their details and commitments, in a few queries
    for any number of rows. What the preview saw is checked under locks first: a partner or a
    commitment changed meanwhile refuses the whole import (nothing is written)."""
    for row in changed:
        require(by, "partners.change_all", row.participation)
        if row.commitment and row.commitment[0] == "new":
            require(by, "partners.change_commitment", row.participation)
            if row.commitment[2] < today:
                require(by, "partners.backdate_commitment", row.participation)
        elif row.commitment:
            require(by, "partners.correct_commitment", row.participation)
    partner_ids = [row.partner.pk for row in changed]
    held = {}
    for commitment in Commitment.objects.select_for_update().filter(
        programme=programme, partner_id__in=partner_ids
    ):
        held.setdefault(commitment.partner_id, set()).add((commitment.pk, commitment.version))
    for row in changed:
        if held.get(row.partner.pk, set()) != set(row.seen):
            raise ValidationError(
                _(
                    "The commitments of %(partner)s changed after the file was checked; nothing "
                    "has been imported. Upload the file again."
                )
                % {"partner": row.partner.name}
            )
    bulk_update_versioned(
        Partner,
        {row.partner.pk: (row.partner.version, row.changes) for row in changed if row.changes},
        by=by,
        event="imported",
        details={"programme": str(programme)},
    )
    starting = [row for row in changed if row.commitment and row.commitment[0] == "new"]
    ending = {}
    for row in starting:
        _new, package, start, _amount, previous = row.commitment
        if previous is not None:
            ending[previous.pk] = (
                previous.version,
                {"valid_until": start - timedelta(days=1)},
                {"package": package.code, "from": start, "on": start - timedelta(days=1)},
            )
    bulk_update_versioned(
        Commitment,
        {pk: change[:2] for pk, change in ending.items()},
        by=by,
        event="commitment.ended_by_change",
        details=lambda commitment: ending[commitment.pk][2],
    )
    corrections = {
        commitment.pk: (commitment.version, {"yearly_contribution": amount})
        for row in changed
        if row.commitment and row.commitment[0] == "correct"
        for _correct, commitment, amount in [row.commitment]
    }
    bulk_update_versioned(Commitment, corrections, by=by, event="imported")
    bulk_create_with_events(
        [
            Commitment(
                programme=programme,
                partner=row.partner,
                package=package,
                valid_from=start,
                yearly_contribution=package.yearly_contribution if amount is None else amount,
            )
            for row in starting
            for _new, package, start, amount, _previous in [row.commitment]
        ],
        Commitment,
        by=by,
        event="imported",
        details={"programme": str(programme)},
    )
