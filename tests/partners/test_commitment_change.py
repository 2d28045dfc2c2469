"""Commitments: a package from a date, one in force per partner and programme on any day,
history with who and why, no backdating by a partner contact; the database guards the rule on
PostgreSQL too, also when two requests race; what a partner owed in a year."""

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from partners import selectors, services
from partners.models import Commitment
from tests.factories import CommitmentFactory

TODAY = timezone.localdate


def test_a_new_package_closes_the_previous_commitment_the_day_before(
    users, programme, own, packages
):
    team = users["programme_team"]
    start = TODAY() + timedelta(days=10)
    new = services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=start,
        motivation="Meer betrokkenheid",
        by=team,
    )
    old = Commitment.objects.get(partner=own, package=packages["B"])
    assert old.valid_until == start - timedelta(days=1)
    assert new.valid_until is None
    assert new.yearly_contribution == Decimal("6000.00")  # from the package
    assert selectors.current_package(own, programme).package == packages["B"]  # still today
    assert selectors.current_package(own, programme, start).package == packages["A"]
    # history: who and why, on both
    assert new.history.first().history_user == team
    record = new.history.first()
    assert record.history_change_reason == "commitment.changed"
    assert (record.history_details["old"], record.history_details["package"]) == ("B", "A")
    closing = old.history.order_by("-history_date").first()
    assert closing.history_user == team
    assert closing.history_change_reason == "commitment.ended_by_change"
    assert closing.history_details["package"] == "A"
    assert closing.history_details["from"] == start.isoformat()


def test_at_most_one_commitment_is_in_force_on_any_day(users, programme, own, packages):
    team = users["programme_team"]
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=date(2024, 1, 1),
        by=team,
    )
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["C"],
        valid_from=date(2024, 7, 1),
        by=team,
    )
    day = date(2023, 1, 1)
    while day < date(2025, 1, 1):
        assert Commitment.objects.in_force(day).filter(partner=own).count() == 1, day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "valid_from, message",
    [
        (date(2023, 1, 1), "bestaat al"),  # the same start as the current one
        (date(2022, 6, 1), "bestaat al"),  # before an existing one: would overlap it
    ],
)
def test_overlapping_periods_are_refused(users, programme, own, packages, valid_from, message):
    with pytest.raises(ValidationError) as error:
        services.commitment_change(
            programme=programme,
            partner=own,
            package=packages["A"],
            valid_from=valid_from,
            by=users["programme_team"],
        )
    assert message in str(error.value)
    assert Commitment.objects.filter(partner=own).count() == 1


def test_the_same_package_again_is_refused(users, programme, own, packages):
    with pytest.raises(ValidationError, match="heeft dit pakket al"):
        services.commitment_change(
            programme=programme,
            partner=own,
            package=packages["B"],
            valid_from=TODAY(),
            by=users["programme_team"],
        )


def test_a_partner_contact_cannot_backdate(users, programme, own, packages):
    with pytest.raises(ValidationError) as error:
        services.commitment_change(
            programme=programme,
            partner=own,
            package=packages["A"],
            valid_from=TODAY() - timedelta(days=1),
            by=users["partner_contact"],
        )
    assert "niet vóór vandaag" in str(error.value)
    assert Commitment.objects.filter(partner=own).count() == 1
    # today is fine
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=TODAY(),
        by=users["partner_contact"],
    )


def test_a_package_of_another_programme_is_refused(users, programme, other_programme, own):
    from tests.factories import CommitmentPackageFactory

    foreign = CommitmentPackageFactory(programme=other_programme, code="X")
    with pytest.raises(ValidationError, match="ander programma"):
        services.commitment_change(
            programme=programme,
            partner=own,
            package=foreign,
            valid_from=TODAY(),
            by=users["programme_team"],
        )


def test_an_inactive_partner_gets_no_new_commitment(users, programme, own, packages):
    services.partner_deactivate(
        programme=programme, partner_id=own.pk, version=own.version, by=users["programme_team"]
    )
    with pytest.raises(ValidationError, match="inactief"):
        services.commitment_change(
            programme=programme,
            partner=own,
            package=packages["A"],
            valid_from=TODAY() + timedelta(days=2),
            by=users["programme_team"],
        )


def test_correcting_a_commitment_checks_the_version(users, programme, own):
    from avk.concurrency import StaleEdit

    commitment = Commitment.objects.get(partner=own)
    services.commitment_update(
        commitment_id=commitment.pk,
        version=1,
        by=users["programme_team"],
        yearly_contribution=Decimal("2500.00"),
        signed_on=None,
        motivation="korting afgesproken",
    )
    with pytest.raises(StaleEdit):
        services.commitment_update(
            commitment_id=commitment.pk,
            version=1,
            by=users["secretary"],
            yearly_contribution=Decimal("1.00"),
            signed_on=None,
            motivation="",
        )
    commitment.refresh_from_db()
    assert commitment.yearly_contribution == Decimal("2500.00")
    assert commitment.history.first().history_change_reason == "commitment.corrected"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the exclusion constraint exists on PostgreSQL only; SQLite relies on the service",
)
def test_the_database_refuses_an_overlap_that_bypasses_the_service(programme, own, packages):
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(  # the current one runs open-ended from 2023-01-01
            programme=programme,
            partner=own,
            package=packages["A"],
            yearly_contribution=Decimal("1"),
            valid_from=date(2024, 5, 1),
        )


def test_the_unique_start_day_holds_on_every_database(programme, own, packages):
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(
            programme=programme,
            partner=own,
            package=packages["A"],
            yearly_contribution=Decimal("1"),
            valid_from=date(2023, 1, 1),
        )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database; the race needs row locks (PostgreSQL)",
)
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_package_changes_do_not_both_win(users, programme, own, packages):
    """Two requests change the same partner's package at once: the partner row lock makes the
    second wait; it then sees the first and is refused, so the periods never overlap."""
    start = TODAY() + timedelta(days=30)
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt(package):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.commitment_change(
                programme=programme,
                partner=own,
                package=package,
                valid_from=start,
                by=users["programme_team"],
            )
            outcomes.append("ok")
        except (ValidationError, IntegrityError) as error:
            outcomes.append(type(error).__name__)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=attempt, args=(packages[c],)) for c in ("A", "C")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ValidationError", "ok"]
    for day in (TODAY(), start, start + timedelta(days=1)):
        assert Commitment.objects.in_force(day).filter(partner=own).count() == 1


def test_contributions_for_a_year_are_prorated_by_days_in_force(
    users, programme, own, other, packages
):
    # own: B (3000) all of 2023 and until 2024-06-30, then A (6000) from 2024-07-01
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=date(2024, 7, 1),
        by=users["programme_team"],
    )
    rows = {
        row["partner"].name: row["amount"]
        for row in selectors.contributions_for_year(programme=programme, year=2024)
    }
    # 2024 is a leap year: 182 days of B, 184 days of A
    expected = (Decimal(3000) * 182 / 366 + Decimal(6000) * 184 / 366).quantize(Decimal("0.01"))
    assert rows["Noorderpoort"] == expected == Decimal("4508.20")
    assert rows["Gemeente Emmen"] == Decimal("6000.00")
    rows_2023 = {
        r["partner"].name: r["amount"]
        for r in selectors.contributions_for_year(programme=programme, year=2023)
    }
    assert rows_2023 == {"Gemeente Emmen": Decimal("6000.00"), "Noorderpoort": Decimal("3000.00")}
    assert selectors.contributions_for_year(programme=programme, year=2020) == []


def test_contributions_count_a_partner_that_joins_mid_year_for_part_of_it(
    users, programme, packages
):
    from tests.factories import PartnerFactory

    late = PartnerFactory(name="Laatkomer")
    CommitmentFactory(
        programme=programme, partner=late, package=packages["C"], valid_from=date(2025, 10, 1)
    )
    rows = selectors.contributions_for_year(programme=programme, year=2025)
    assert rows[0]["amount"] == (Decimal(1000) * 92 / 365).quantize(Decimal("0.01"))
