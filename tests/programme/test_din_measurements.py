"""Indicators and measurements: drafts by kartrekkers and partner contacts, approval by the
programme team, sending back with an e-mail, reminders."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from avk.concurrency import StaleEdit
from avk.policy import Refused
from programme.din import services
from programme.models import Measurement
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    IndicatorFactory,
    MeasurementFactory,
    UserFactory,
    WorkingGroupFactory,
    WorkingGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(programme):
    return IndicatorFactory(goal__strategic_goal__line__programme=programme, name="Leeragenda's")


def enter(indicator, by, **kw):
    values = {"period_label": "2024", "period_end": date(2024, 12, 31), "value": 2}
    values.update(kw)
    return services.measurement_enter(indicator=indicator, by=by, **values)


def test_programme_team_entry_counts_at_once(indicator, users):
    m = enter(indicator, users["programme_team"])
    assert m.status == "goedgekeurd" and m.reviewed_by == users["programme_team"]


def test_partner_contact_of_an_involved_partner_enters_a_draft(indicator, users, programme):
    with pytest.raises(PermissionDenied):  # Noorderpoort is not yet involved
        enter(indicator, users["partner_contact"])
    effort = EffortFactory(programme=programme)
    EffortGoalFactory(effort=effort, goal=indicator.goal)
    from partners.models import Partner

    EffortPartnerFactory(effort=effort, partner=Partner.objects.get(name="Noorderpoort"))
    m = enter(indicator, users["partner_contact"])
    assert m.status == "concept" and m.entered_by == users["partner_contact"]


def test_kartrekker_enters_a_draft_and_others_may_not(indicator, users, programme):
    for who in ["board", "reader", "secretary", "other_team", "nobody", "former_team"]:
        with pytest.raises(PermissionDenied):
            enter(indicator, users[who])
    WorkingGroupMemberFactory(
        working_group=WorkingGroupFactory(programme=programme), user=users["reader"], is_lead=True
    )
    assert enter(indicator, users["reader"]).status == "concept"


def test_approve_return_resubmit_transitions_and_email(
    indicator, users, programme, django_capture_on_commit_callbacks
):
    indicator.owner = users["reader"]
    indicator.save()
    draft = enter(indicator, users["reader"])
    team = users["programme_team"]
    with pytest.raises(PermissionDenied):
        services.measurement_approve(
            measurement_id=draft.pk, version=draft.version, by=users["reader"]
        )
    with pytest.raises(ValidationError) as no_remark:
        services.measurement_return(
            measurement_id=draft.pk, version=draft.version, by=team, remark=" "
        )
    assert "remark" in no_remark.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        returned = services.measurement_return(
            measurement_id=draft.pk, version=draft.version, by=team, remark="Bron ontbreekt"
        )
    assert returned.status == "teruggestuurd"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [users["reader"].email]
    assert "Bron ontbreekt" in mail.outbox[0].body
    with pytest.raises(Refused):  # a returned one cannot be approved: the rule says so
        services.measurement_approve(measurement_id=returned.pk, version=returned.version, by=team)
    again = services.measurement_resubmit(
        measurement_id=returned.pk,
        version=returned.version,
        by=users["reader"],
        value=3,
        source="Jaarverslag",
    )
    assert again.status == "concept" and again.value == 3
    approved = services.measurement_approve(measurement_id=again.pk, version=again.version, by=team)
    assert approved.status == "goedgekeurd"
    with pytest.raises(Refused, match="Alleen een concept"):  # approved is final
        services.measurement_approve(measurement_id=approved.pk, version=approved.version, by=team)
    with pytest.raises(Refused):
        services.measurement_resubmit(
            measurement_id=approved.pk, version=approved.version, by=team, value=1
        )
    reasons = list(approved.history.values_list("history_change_reason", flat=True))
    assert reasons[0] == "din.measurement.approved" and "din.measurement.returned" in reasons


def test_stale_review_is_refused(indicator, users):
    indicator.owner = users["reader"]
    indicator.save()
    draft = enter(indicator, users["reader"])
    services.measurement_resubmit  # noqa: B018
    team = users["programme_team"]
    services.measurement_return(measurement_id=draft.pk, version=draft.version, by=team, remark="x")
    with pytest.raises(StaleEdit):
        services.measurement_approve(measurement_id=draft.pk, version=draft.version, by=team)


def test_reminders_go_to_owners_of_due_indicators_once_per_period(programme, settings):
    owner = UserFactory(username="eigenaar")
    due = IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=owner)
    measured = IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=owner)
    MeasurementFactory(indicator=measured, period_end=date(2025, 12, 31), status="goedgekeurd")
    IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=None)
    quarterly = IndicatorFactory(
        goal__strategic_goal__line__programme=programme, owner=owner, frequency="kwartaal"
    )
    MeasurementFactory(indicator=quarterly, period_end=date(2026, 6, 30), status="goedgekeurd")
    call_command("send_measurement_reminders", today="2026-11-23")
    assert len(mail.outbox) == 2
    assert {m.to[0] for m in mail.outbox} == {owner.email}
    bodies = " ".join(m.body for m in mail.outbox)
    assert due.name in bodies and quarterly.name in bodies and measured.name not in bodies
    call_command("send_measurement_reminders", today="2026-11-24")
    assert len(mail.outbox) == 2  # idempotent per period
    Measurement.objects.filter(indicator=quarterly).update(value=Decimal(1))
    call_command("send_measurement_reminders", today="2027-01-05")
    assert len(mail.outbox) == 5  # new period for all three


def test_contact_of_a_kartrekker_partner_enters_a_draft(indicator, users, programme):
    from partners.models import Partner

    with pytest.raises(PermissionDenied):
        enter(indicator, users["partner_contact"])
    WorkingGroupMemberFactory(
        working_group=WorkingGroupFactory(programme=programme),
        partner=Partner.objects.get(name="Noorderpoort"),
        is_lead=True,
    )
    assert enter(indicator, users["partner_contact"]).status == "concept"
