import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status",
    ["concept", "ingediend", "geagendeerd", "besloten", "schriftelijke_ronde", "ingetrokken"],
)
def test_each_status_can_be_reached(make, status):
    proposal = make(status)
    assert proposal.status == status


def test_meeting_numbers_adopted_decisions(make):
    proposal = make("besloten")
    numbers = [d.number for d in proposal.decisions.order_by("position")]
    year = proposal.decisions.first().decided_on.year
    assert numbers == [None, f"DB-{year}-001", f"DB-{year}-002"]
