"""The DIN demo step: the AVK's DIN as AVK-DIN.md lays it out, and idempotent."""

import pytest
from django.core.management import call_command

from programme.models import (
    Effort,
    EffortPartner,
    Indicator,
    Measurement,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)

pytestmark = pytest.mark.django_db


def counts():
    return [
        m.objects.count()
        for m in (
            ProgrammeLine,
            StrategicGoal,
            OperationalGoal,
            Effort,
            EffortPartner,
            WorkingGroup,
            Indicator,
            Measurement,
        )
    ]


def test_demo_din_is_complete_and_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    avk = ProgrammeLine.objects.filter(programme__slug="avk")
    assert list(avk.values_list("name", flat=True)) == [
        "De Doelgroep",
        "Het Werkveld",
        "Effectiviteit en Leren",
    ]
    assert all(line.challenge and line.approach for line in avk)
    assert OperationalGoal.objects.filter(programme__slug="avk").count() == 15
    efforts = Effort.objects.filter(programme__slug="avk")
    assert efforts.filter(structural=True).count() == 4
    assert efforts.count() == 30 + 4
    effort = efforts.get(title="Stimuleren van het erkennen en herkennen van talenten")
    assert (str(effort.start_month), str(effort.end_month)) == ("2023-01-01", "2024-07-01")
    names = set(effort.partner_links.values_list("partner__name", flat=True))
    assert {"Wedeka", "Hanzehogeschool", "Noorderpoort", "Alfa College"} <= names
    assert "ervaringsdeskundigen" in effort.other_parties
    group = WorkingGroup.objects.get(programme__slug="avk", name="Monitoring en evaluatie")
    assert set(group.members.filter(is_lead=True).values_list("partner__name", flat=True)) == {
        "Hanzehogeschool",
        "CMO STAMM",
    }
    assert WorkingGroup.objects.filter(programme__slug="avk").count() == 4
    assert Measurement.objects.filter(status="concept").count() == 1
    assert ProgrammeLine.objects.filter(programme__slug="landerd").count() == 3
