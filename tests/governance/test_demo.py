"""The governance demo step: the memo of 19 June 2023 decided, an open round, idempotent."""

import io

import pytest
from django.core.management import call_command

from governance.models import ActionItem, Meeting, Proposal, ProposedDecision, Vote

pytestmark = pytest.mark.django_db


def counts():
    return (
        Proposal.objects.count(),
        ProposedDecision.objects.count(),
        Meeting.objects.count(),
        ActionItem.objects.count(),
        Vote.objects.count(),
    )


def test_demo_loads_the_memo_and_an_open_round_twice_without_duplicates():
    call_command("load_demo", force=True, stdout=io.StringIO())
    first = counts()
    call_command("load_demo", force=True, stdout=io.StringIO())
    assert counts() == first
    memo = Proposal.objects.get(title__startswith="Randvoorwaarden")
    assert memo.status == "besloten" and memo.drafter.get_full_name() == "Saskia Duursma"
    assert memo.drafter_function == "projectleider" and memo.date.isoformat() == "2023-06-19"
    decisions = list(memo.decisions.order_by("position"))
    assert [d.kind for d in decisions] == ["kennisnemen"] + ["instemmen"] * 5
    assert [d.number for d in decisions] == [None] + [f"DB-2023-00{n}" for n in range(1, 6)]
    assert decisions[1].text.startswith(
        "Het dagelijks bestuur wordt gevraagd in te stemmen met het inzetten van een regievorm"
    )
    open_round = Proposal.objects.get(status="schriftelijke_ronde")
    assert not open_round.deadline_passed
    assert not Vote.objects.filter(user__username="bestuur").exists()
    assert Vote.objects.filter(decision__proposal=open_round).exists()
    assert ActionItem.objects.filter(body__code="PT").count() >= 3
