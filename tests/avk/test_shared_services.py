"""The shared service helpers: every change validated and recorded with who and which event;
a stale save refused with nothing written; removal and the end of a period recorded too."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from avk.concurrency import StaleEdit
from avk.history import entries, register_events
from avk.services import delete_with_history, end_period, save_with_history, update_versioned
from partners.models import Commitment, Partner, PartnerKind
from tests.factories import (
    CommitmentFactory,
    CommitmentPackageFactory,
    PartnerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

register_events({"test.renamed": "Renamed to %(name)s on %(on)s"})


def test_save_with_history_records_who_which_event_and_the_details():
    user = UserFactory()
    partner = PartnerFactory.build(name="Noorderpoort")
    save_with_history(partner, by=user, event="created", details={"on": date(2023, 6, 19)})
    record = partner.history.get()
    assert record.history_user == user
    assert record.history_change_reason == "created"
    assert record.history_details == {"on": "2023-06-19"}


def test_save_with_history_validates_first():
    partner = PartnerFactory.build(name="", kind="welzijn")
    with pytest.raises(ValidationError) as error:
        save_with_history(partner, by=UserFactory(), event="created")
    assert "name" in error.value.error_dict
    assert Partner.objects.count() == 0


def test_an_unknown_event_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown history event"):
        save_with_history(PartnerFactory.build(), by=UserFactory(), event="partner.typo")


def test_update_versioned_counts_up_and_records():
    user = UserFactory()
    partner = PartnerFactory(name="Noorderpoort")
    updated = update_versioned(partner, version=1, by=user, event="edited", municipality="Assen")
    assert updated.version == 2 and updated.municipality == "Assen"
    partner.refresh_from_db()
    assert partner.version == 2
    latest = partner.history.first()
    assert (latest.history_user, latest.history_change_reason) == (user, "edited")


def test_update_versioned_refuses_a_stale_save_and_writes_nothing():
    first, second = UserFactory(first_name="Saskia"), UserFactory()
    partner = PartnerFactory(name="Noorderpoort", municipality="Emmen")
    update_versioned(partner, version=1, by=first, event="edited", municipality="Assen")
    with pytest.raises(StaleEdit) as stale:
        update_versioned(partner, version=1, by=second, event="edited", municipality="Groningen")
    assert stale.value.changed_by == first
    partner.refresh_from_db()
    assert (partner.municipality, partner.version) == ("Assen", 2)


def test_delete_with_history_leaves_who_removed_it():
    user = UserFactory()
    partner = PartnerFactory()
    pk = partner.pk
    delete_with_history(partner, by=user, event="removed")
    assert not Partner.objects.filter(pk=pk).exists()
    record = Partner.history.filter(id=pk).first()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "-",
        user,
        "removed",
    )


def test_end_period_ends_inclusive_and_refuses_before_the_start():
    user = UserFactory()
    commitment = CommitmentFactory(valid_from=date(2024, 1, 1))
    with pytest.raises(ValidationError):
        end_period(commitment, on=date(2023, 12, 31), by=user)
    end_period(commitment, on=date(2024, 6, 30), by=user)
    assert Commitment.objects.in_force(date(2024, 6, 30)).filter(pk=commitment.pk).exists()
    assert not Commitment.objects.in_force(date(2024, 7, 1)).filter(pk=commitment.pk).exists()
    record = commitment.history.first()
    assert record.history_change_reason == "ended"
    assert record.history_details == {"on": "2024-06-30"}
    # An earlier end stays: ending again later changes nothing.
    end_period(commitment, on=date(2025, 1, 1), by=user)
    commitment.refresh_from_db()
    assert commitment.valid_until == date(2024, 6, 30)


def test_history_reads_in_dutch_with_names_not_ids():
    user = UserFactory(first_name="Saskia", last_name="Duursma")
    commitment = CommitmentFactory(valid_from=date(2024, 1, 1))
    end_period(commitment, on=date(2024, 6, 30), by=user, details={"note": "Fusie"})
    with translation.override("nl"):
        shown = entries(commitment)
    assert shown[0]["event"] == "Beëindigd per 30 juni 2024: Fusie"
    assert str(shown[0]["who"]) == "Saskia Duursma"
    assert shown[0]["changes"] == [
        {
            "field": str(Commitment._meta.get_field("valid_until").verbose_name),
            "old": "",
            "new": "30 juni 2024",
        }
    ]


def test_history_shows_choices_and_related_rows_by_name():
    user = UserFactory()
    partner = PartnerFactory(kind="welzijn")
    update_versioned(partner, version=1, by=user, event="edited", kind="ggz")
    commitment = CommitmentFactory(package__code="B", package__name="Pakket B")
    other = CommitmentPackageFactory(programme=commitment.programme, code="A", name="Pakket A")
    before = str(commitment.package)
    update_versioned(commitment, version=1, by=user, event="edited", package=other)
    with translation.override("nl"):
        kind = entries(partner)[0]["changes"][0]
        package = entries(commitment)[0]["changes"][0]
        expected = str(PartnerKind("ggz").label)
    assert (kind["old"], kind["new"]) == ("welzijn", expected)  # the label, not the code
    assert expected != "ggz"
    assert (package["old"], package["new"]) == (before, str(other))


def test_label_uses_details_and_an_old_free_text_reason_reads_changed():
    user = UserFactory()
    partner = PartnerFactory()
    update_versioned(
        partner,
        version=1,
        by=user,
        event="test.renamed",
        details={"name": "NHL Stenden", "on": date(2024, 2, 1)},
        name="NHL Stenden",
    )
    partner.refresh_from_db()
    partner._change_reason = "some English text from before"
    partner.save()
    with translation.override("nl"):
        shown = entries(partner)
    assert shown[0]["event"] == "Gewijzigd" and shown[0]["known"] is False
    assert shown[1]["event"] == "Renamed to NHL Stenden on 1 februari 2024"


def test_a_choice_code_in_the_details_reads_as_its_label():
    register_events({"test.kind_set": "Kind set to %(kind)s"}, choices={"kind": PartnerKind})
    partner = PartnerFactory()
    update_versioned(
        partner, version=1, by=UserFactory(), event="test.kind_set", details={"kind": "ggz"}
    )
    with translation.override("nl"):
        shown = entries(partner)[0]["event"]
        label = str(PartnerKind("ggz").label)
    assert shown == f"Kind set to {label}"
    assert partner.history.first().history_details == {"kind": "ggz"}  # the code is kept


def test_bulk_create_with_events_records_each_row_with_who_and_the_event():
    from avk.services import bulk_create_with_events

    user = UserFactory()
    made = bulk_create_with_events(
        [PartnerFactory.build(name=f"Organisatie {n}") for n in range(3)],
        Partner,
        by=user,
        event="imported",
        details={"programme": "AVK"},
    )
    assert Partner.objects.count() == 3
    records = Partner.history.filter(id__in=[p.pk for p in made])
    assert {(r.history_user_id, r.history_change_reason) for r in records} == {
        (user.pk, "imported")
    }
    assert all(r.history_details == {"programme": "AVK"} for r in records)
    with pytest.raises(ValueError, match="Unknown history event"):
        bulk_create_with_events([PartnerFactory.build()], Partner, by=user, event="nope")
