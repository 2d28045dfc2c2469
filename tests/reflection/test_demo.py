"""The reflection demo step: seed 003 in full, Landerd's Kijkglas statements, a quick scan;
idempotent."""

import io

import pytest
from django.core.management import call_command

from reflection.models import (
    AttentionPoint,
    FollowUpLink,
    Ingredient,
    Observation,
    QuickScan,
    Round,
    Statement,
)

pytestmark = pytest.mark.django_db


def counts():
    return tuple(
        model.objects.count()
        for model in (
            Round,
            AttentionPoint,
            Ingredient,
            Observation,
            Statement,
            FollowUpLink,
            QuickScan,
        )
    )


def test_demo_holds_seed_003_and_the_kijkglas_statements_twice_without_duplicates():
    call_command("load_demo", force=True, stdout=io.StringIO())
    first = counts()
    call_command("load_demo", force=True, stdout=io.StringIO())
    assert counts() == first
    avk = Round.objects.get(title="Eilanden van reflectie 2024")
    sessions = list(avk.sessions.order_by("date"))
    assert [(s.level, s.date.isoformat()) for s in sessions] == [
        ("programmateam", "2024-06-02"),
        ("managers", "2024-06-05"),
        ("stuurgroep", "2024-06-11"),
    ]
    assert {s.facilitator for s in sessions} == {"Lauren Algra (Algra Consulting)"}
    assert [s.attention_points.count() for s in sessions] == [6, 5, 4]
    monitoring = AttentionPoint.objects.get(
        session=sessions[0], title="Monitoring, effectiviteit en ervaringen"
    )
    assert monitoring.reference == "HET-1" and monitoring.ingredients.count() == 5
    vision = AttentionPoint.objects.get(
        session=sessions[0], title="Samen handen en voeten geven aan een visie"
    )
    assert vision.ingredients.count() == 6
    assert FollowUpLink.objects.filter(attention_point=monitoring).exists()
    assert Observation.objects.filter(session=sessions[0], kind="overig").count() == 10
    landerd = Round.objects.get(programme__slug="landerd")
    statements = Statement.objects.filter(session__round=landerd)
    assert statements.count() == 20
    assert statements.get(text__startswith="We hebben elkaar als partners nodig").priority == 1
    scan = QuickScan.objects.get(title="Is de organisatie AVK-proof?")
    assert scan.responses.count() == 3
    assert not scan.responses.filter(partner__name="Noorderpoort").exists()
