"""The search box: partners, goals, efforts, proposals and decisions of the person's programmes,
only what they may see, in a bounded number of queries; PostgreSQL's Dutch full-text search
(stemming) and SQLite's fallback."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk import policy
from avk import search as search_registry
from avk.context_processors import programmes_for_menu
from partners.models import Participation
from tests.factories import (
    EffortFactory,
    OperationalGoalFactory,
    PartnerFactory,
    ProposalFactory,
    ProposedDecisionFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only"
)


def _partner(programme, name, **fields):
    partner = PartnerFactory(name=name, kind="gemeente", **fields)
    Participation.objects.get_or_create(programme=programme, partner=partner)
    return partner


@pytest.fixture
def data(users, programme, other_programme):
    """Rows in both programmes that all hold the word "armoede"."""
    found = {
        "municipality": _partner(
            programme, "Gemeente Veendam armoedefonds", municipality="Veendam"
        ),
        "other_partner": _partner(other_programme, "Landerd armoedefonds"),
        "strategic": StrategicGoalFactory(
            line__programme=programme, title="Armoede doorbreken in de gemeente"
        ),
        "operational": OperationalGoalFactory(
            strategic_goal__line__programme=programme, title="Minder kinderen in armoede"
        ),
        "effort": EffortFactory(programme=programme, title="Training armoede signaleren"),
        "other_effort": EffortFactory(programme=other_programme, title="Armoede in Landerd"),
    }
    concept = ProposalFactory(programme=programme, title="Concept over armoede", status="concept")
    decided = ProposalFactory(
        programme=programme,
        body=concept.body,
        title="Besluit over armoede",
        status="besloten",
    )
    found["concept"] = concept
    found["decided"] = decided
    found["decision"] = ProposedDecisionFactory(
        proposal=decided,
        text="in te stemmen met het armoedeplan",
        outcome="aangenomen",
        number="DB-2024-001",
        decided_on=date(2024, 3, 1),
    )
    found["concept_decision"] = ProposedDecisionFactory(
        proposal=concept, text="in te stemmen met een armoedeconcept"
    )
    return found


def _titles(client, user, text, **params):
    client.force_login(user)
    response = client.get(reverse("search"), {"q": text, **params})
    assert response.status_code == 200
    return {
        group.kind: [hit.title for hit in group.hits] for group in response.context["groups"]
    }, response


def test_team_finds_every_kind_of_its_own_programme_only(client, users, data):
    found, response = _titles(client, users["programme_team"], "armoede")
    assert set(found) == {
        "partners",
        "strategic_goals",
        "operational_goals",
        "efforts",
        "proposals",
        "decisions",
    }
    assert found["partners"] == ["Gemeente Veendam armoedefonds"]
    assert found["efforts"] == ["Training armoede signaleren"]
    assert set(found["proposals"]) == {"Concept over armoede", "Besluit over armoede"}
    page = response.content.decode()
    assert "Landerd" not in page  # nothing of the other programme
    assert data["effort"].get_absolute_url() in page
    assert f"#strategic-{data['strategic'].pk}" in page
    assert 'id="results-partners"' in page


def test_partner_contact_sees_only_its_own_organisation_and_decided_proposals(client, users, data):
    found, _ = _titles(client, users["partner_contact"], "armoede")
    assert "partners" not in found  # Noorderpoort holds no "armoede"
    assert found["proposals"] == ["Besluit over armoede"]
    assert found["decisions"] == ["in te stemmen met het armoedeplan"]
    found, _ = _titles(client, users["partner_contact"], "Noorderpoort")
    assert found["partners"] == ["Noorderpoort"]


def test_every_hit_is_one_the_policy_lets_the_person_open(client, users, data, programme):
    for key in ("programme_team", "board", "secretary", "partner_contact", "reader"):
        user = users[key]
        client.force_login(user)
        groups = client.get(reverse("search"), {"q": "armoede"}).context["groups"]
        kinds = {group.kind: group for group in groups}
        for hit in kinds.get("partners", search_registry.Group("", "")).hits:
            partner = Participation.objects.get(programme=programme, partner__name=hit.title)
            assert policy.allowed(user, "partners.view", partner), (key, hit)
        for hit in kinds.get("proposals", search_registry.Group("", "")).hits:
            proposal = data["decided"] if hit.title.startswith("Besluit") else data["concept"]
            assert policy.allowed(user, "governance.view", proposal), (key, hit)
        for hit in kinds.get("decisions", search_registry.Group("", "")).hits:
            assert hit.title != "in te stemmen met een armoedeconcept"  # no decided outcome


def test_reader_finds_no_partner_pages_and_nobody_finds_nothing(client, users, data, programme):
    found, _ = _titles(client, users["reader"], "armoede")
    if not policy.allowed(users["reader"], "partners.view_partner_pages", programme):
        assert "partners" not in found
    assert "Concept over armoede" not in found.get("proposals", [])
    found, response = _titles(client, users["nobody"], "armoede")
    assert found == {}
    assert "Niets gevonden" in response.content.decode() or "Nothing found" in (
        response.content.decode()
    )


def test_every_word_must_match_and_an_empty_search_runs_no_provider(client, users, data):
    found, _ = _titles(client, users["programme_team"], "training signaleren")
    assert found == {"efforts": ["Training armoede signaleren"]}
    found, _ = _titles(client, users["programme_team"], "training onbekendwoord")
    assert found == {}
    found, response = _titles(client, users["programme_team"], "   ")
    assert found == {} and response.context["q"] == ""


def test_title_prefix_is_found_while_typing(client, users, data):
    found, _ = _titles(client, users["programme_team"], "Veend")
    assert found["partners"] == ["Gemeente Veendam armoedefonds"]


def test_more_hits_than_a_group_shows_link_to_that_kind(client, users, programme):
    for n in range(search_registry.PER_KIND + 2):
        EffortFactory(programme=programme, title=f"Buurtaanpak {n:02d}")
    found, response = _titles(client, users["programme_team"], "buurtaanpak")
    assert len(found["efforts"]) == search_registry.PER_KIND
    assert response.context["groups"][0].more
    assert "kind=efforts" in response.content.decode()
    found, response = _titles(client, users["programme_team"], "buurtaanpak", kind="efforts")
    assert len(found["efforts"]) == search_registry.PER_KIND + 2
    assert not response.context["groups"][0].more


def _count_queries(client, user, text):
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("search"), {"q": text}).status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", ["programme_team", "partner_contact"])
def test_queries_do_not_grow_with_the_data(client, users, programme, data, key):
    before = _count_queries(client, users[key], "armoede")
    for n in range(8):
        _partner(programme, f"Armoedepartner {n}")
        EffortFactory(programme=programme, title=f"Armoede-inspanning {n}")
        StrategicGoalFactory(line__programme=programme, title=f"Armoededoel {n}")
        ProposedDecisionFactory(
            proposal=data["decided"],
            text=f"armoedebesluit {n}",
            outcome="aangenomen",
            decided_on=date(2024, 1, 1),
        )
    after = _count_queries(client, users[key], "armoede")
    assert after == before
    assert after <= 25


def test_the_header_has_a_labelled_search_box_and_a_profile_link(client, users):
    client.force_login(users["board"])
    page = client.get(reverse("home")).content.decode()
    assert 'role="search"' in page
    assert '<label for="header-search-q"' in page
    assert f'action="{reverse("search")}"' in page
    assert f'href="{reverse("profile")}"' in page


def test_superuser_searches_every_programme(client, users, data):
    found, _ = _titles(client, users["superuser"], "armoede")
    assert "Armoede in Landerd" in found["efforts"]
    assert len(list(programmes_for_menu(users["superuser"]))) == 2


@on_postgresql
def test_dutch_stemming_finds_other_forms_of_a_word(client, users, data):
    # "gemeenten" (plural) finds the goal that says "gemeente", "doorbreek" finds "doorbreken".
    found, _ = _titles(client, users["programme_team"], "gemeenten")
    assert found["strategic_goals"] == ["Armoede doorbreken in de gemeente"]
    found, _ = _titles(client, users["programme_team"], "doorbreek")
    assert found["strategic_goals"] == ["Armoede doorbreken in de gemeente"]


@on_postgresql
def test_ranked_title_matches_first(client, users, programme):
    EffortFactory(programme=programme, title="Overleg", description="over schuldhulp gesproken")
    EffortFactory(programme=programme, title="Schuldhulp dichtbij")
    found, _ = _titles(client, users["programme_team"], "schuldhulp")
    assert found["efforts"] == ["Schuldhulp dichtbij", "Overleg"]


def test_sqlite_fallback_needs_no_full_text(settings):
    assert search_registry.uses_full_text() == (connection.vendor == "postgresql")
    assert search_registry.clean("  a  " * 30) == " ".join(["a"] * search_registry.MAX_WORDS)
