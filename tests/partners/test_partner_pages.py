"""The partner page, creating, editing and deactivating partners, the steering group page,
the sections other apps add, and the programme team's home panel."""

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from avk import sections
from avk.home import Panel
from partners import selectors, services
from partners.models import Commitment, Participation, Partner
from tests.factories import DelegationMemberFactory


def detail(programme, partner):
    return reverse("partners:partner-detail", args=[programme.slug, partner.pk])


def test_the_partner_page_shows_details_commitments_with_who_and_the_delegation(
    client, users, programme, own, packages
):
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=date(2024, 7, 1),
        motivation="Meer betrokkenheid",
        by=users["secretary"],
    )
    DelegationMemberFactory(
        programme=programme, partner=own, level="bestuurder", name="Bram Bedenksel", is_contact=True
    )
    client.force_login(users["programme_team"])
    response = client.get(detail(programme, own))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Noorderpoort</h1>" in html
    assert response.context["current"].package == packages["A"]
    assert [c.package.code for c in response.context["commitments"]] == ["A", "B"]
    assert "Meer betrokkenheid" in html
    assert escape(str(users["secretary"])) in html  # who recorded the change
    assert "1 juli 2024" in html and "30 juni 2024" in html
    assert "Bram Bedenksel" in html
    assert html.count("lege zetel") == 4


def test_the_package_items_the_partner_meets_today(client, users, programme, own, packages):
    client.force_login(users["programme_team"])
    checks = {c.item.text: c.state for c in client.get(detail(programme, own)).context["checks"]}
    assert checks == {
        "Volledige delegatie": "not_met",
        "Aanspreekpunt": "not_met",
        "Werkgroep": "unknown",  # until the DIN holds working groups
        "Bijdrage betaald": "unknown",  # the budget checks it: nothing invoiced yet
    }
    for level, n in [("bestuurder", 1), ("manager", 2), ("uitvoering", 2)]:
        for _ in range(n):
            DelegationMemberFactory(
                programme=programme, partner=own, level=level, is_contact=(level == "bestuurder")
            )
    checks = {c.item.text: c.state for c in client.get(detail(programme, own)).context["checks"]}
    assert (checks["Volledige delegatie"], checks["Aanspreekpunt"]) == ("met", "met")


def test_the_partner_page_runs_a_fixed_number_of_queries(
    client, users, programme, own, packages, django_assert_max_num_queries
):
    client.force_login(users["programme_team"])
    client.get(detail(programme, own))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(detail(programme, own))
    for i in range(5):
        services.commitment_change(
            programme=programme,
            partner=own,
            package=packages["ABC"[i % 3]],
            valid_from=date(2024, 1, 1) + timedelta(days=40 * i),
            by=users["programme_team"],
        )
    DelegationMemberFactory.create_batch(2, programme=programme, partner=own, level="uitvoering")
    with django_assert_max_num_queries(len(small)):
        client.get(detail(programme, own))


def test_creating_a_partner(client, users, programme):
    client.force_login(users["secretary"])
    response = client.post(
        reverse("partners:partner-create", args=[programme.slug]),
        {
            "name": "Stichting Proef",
            "kind": "welzijn",
            "municipality": "Emmen",
            "website": "proef.example.org",
        },
    )
    partner = Partner.objects.get(name="Stichting Proef")
    assert response.url == detail(programme, partner)
    assert partner.website == "https://proef.example.org"
    assert Participation.objects.get(partner=partner).programme == programme
    assert partner.history.first().history_user == users["secretary"]


def test_a_name_is_unique_whatever_its_capitalisation(client, users, programme, own):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("partners:partner-create", args=[programme.slug]),
        {"name": "NOORDERPOORT", "kind": "onderwijs"},
    )
    assert response.status_code == 200
    assert "Er bestaat al een partner met deze naam." in response.content.decode()
    assert Partner.objects.filter(name__iexact="noorderpoort").count() == 1


def test_editing_with_a_stale_version_is_refused(client, users, programme, own):
    client.force_login(users["programme_team"])
    edit = reverse("partners:partner-edit", args=[programme.slug, own.pk])
    data = {"name": "Noorderpoort", "kind": "onderwijs", "municipality": "Groningen", "version": 1}
    assert client.post(edit, data).status_code == 302
    data["municipality"] = "Assen"
    response = client.post(edit, data)
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.municipality == "Groningen"
    assert "Groningen" in response.content.decode()


def test_deactivating_keeps_the_history(client, users, programme, own, packages):
    client.force_login(users["programme_team"])
    last_day = timezone.localdate()
    response = client.post(
        reverse("partners:partner-deactivate", args=[programme.slug, own.pk]),
        {"on": last_day.isoformat(), "reason": "gestopt", "version": 1},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.active is False
    commitment = Commitment.objects.get(partner=own)
    assert commitment.valid_until == last_day
    assert Participation.objects.get(partner=own, programme=programme).left_on == last_day
    record = own.history.first()
    assert record.history_change_reason == "partner.deactivated"
    assert record.history_details["note"] == "gestopt"
    assert client.get(detail(programme, own)).status_code == 200  # still readable
    assert services.partner_reactivate(
        partner_id=own.pk, version=own.version, by=users["programme_team"], programme=programme
    ).active


def test_deactivating_twice_is_refused(users, programme, own):
    from django.core.exceptions import ValidationError

    services.partner_deactivate(
        programme=programme, partner_id=own.pk, version=1, by=users["programme_team"]
    )
    with pytest.raises(ValidationError, match="al inactief in dit programma"):
        services.partner_deactivate(
            programme=programme, partner_id=own.pk, version=2, by=users["programme_team"]
        )


def test_the_steering_group_today_and_on_a_date(client, users, programme, own, other, packages):
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=date(2024, 1, 1),
        by=users["programme_team"],
    )
    services.commitment_change(
        programme=programme,
        partner=other,
        package=packages["C"],
        valid_from=date(2024, 6, 1),
        by=users["programme_team"],
    )
    client.force_login(users["reader"])
    url = reverse("partners:steering-group", args=[programme.slug])
    today = [c.partner.name for c in client.get(url).context["members"]]
    assert today == ["Noorderpoort"]
    on = [c.partner.name for c in client.get(url + "?date=2023-06-01").context["members"]]
    assert on == ["Gemeente Emmen"]
    both = [c.partner.name for c in client.get(url + "?date=2024-03-01").context["members"]]
    assert both == ["Gemeente Emmen", "Noorderpoort"]
    html = client.get(url + "?date=2023-06-01").content.decode()
    assert "Op 1 juni 2023: 1 lid" in html
    assert "Gemeente Emmen</a>" not in html  # a reader sees names, not partner pages


@pytest.mark.parametrize("bad", ["morgen", "2024-13-01", "31-13-2024"])
def test_a_bad_date_gets_a_dutch_message(client, users, programme, bad):
    client.force_login(users["board"])
    response = client.get(reverse("partners:steering-group", args=[programme.slug]), {"date": bad})
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert f"'{bad}' is geen datum; schrijf een datum als 11-06-2024." in text
    assert response.context["is_today"]


def test_other_apps_add_sections_to_the_partner_page_and_my_organisation(
    client, users, programme, own
):
    calls = []

    def provider(request, partner, prog):
        calls.append((partner.pk, prog.pk))
        items = [{"label": "Vroegsignalering", "url": "/din/1/", "note": "trekker"}]
        return [
            Panel("Inspanningen van deze partner", "partners/_section_list.html", {"items": items})
        ]

    sections.register("partner", provider, order=50)
    try:
        client.force_login(users["programme_team"])
        html = client.get(detail(programme, own)).content.decode()
        assert "Inspanningen van deze partner" in html
        assert '<a href="/din/1/">Vroegsignalering</a>' in html
        client.force_login(users["partner_contact"])
        html = client.get(reverse("partners:mine", args=[programme.slug])).content.decode()
        assert "Inspanningen van deze partner" in html
        assert calls == [(own.pk, programme.pk)] * 2
    finally:
        sections.unregister("partner", provider)


def test_the_programme_team_sees_recent_partner_changes_on_its_home_page(
    client, users, programme, own, django_assert_max_num_queries
):
    services.delegation_member_add(
        programme=programme,
        partner=own,
        by=users["partner_contact"],
        level="manager",
        name="Fenna Fictief",
    )
    client.force_login(users["programme_team"])
    html = client.get(reverse("home")).content.decode()
    assert 'id="changed-' in html  # the card of what changed, grouped per partner and day
    assert "Noorderpoort</a>" in html
    assert escape(str(users["partner_contact"])) in html
    changes = selectors.recent_changes_by_programme(programme_ids=[programme.pk])[programme.pk]
    assert 1 <= len(changes) <= 10
    with django_assert_max_num_queries(5):
        selectors.recent_changes_by_programme(programme_ids=[programme.pk, 999, 1000])


def test_the_home_page_reads_partner_data_once_for_all_programmes(client, users, programme, own):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from avk.access import Role
    from tests.factories import ProgrammeFactory, RoleAssignmentFactory

    user = users["programme_team"]
    client.force_login(user)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("home"))
    partner_queries = [q for q in one.captured_queries if "partners_" in q["sql"]]
    for _n in range(4):
        RoleAssignmentFactory(programme=ProgrammeFactory(), user=user, role=Role.PROGRAMME_TEAM)
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("home"))
    assert len([q for q in five.captured_queries if "partners_" in q["sql"]]) == len(
        partner_queries
    )


def test_the_menu_offers_partners_steering_group_and_my_organisation(client, users, programme, own):
    client.force_login(users["programme_team"])
    html = client.get(reverse("partners:list", args=[programme.slug])).content.decode()
    assert (
        ">Partners</a>" in html
        and ">Stuurgroep</a>" in html
        and ">Mijn organisatie</a>" not in html
    )
    client.force_login(users["partner_contact"])
    html = client.get(reverse("partners:mine", args=[programme.slug])).content.decode()
    assert ">Mijn organisatie</a>" in html and ">Partners</a>" not in html


def test_the_back_office_corrects_a_commitment(client, users, programme, own):
    commitment = Commitment.objects.get(partner=own)
    url = reverse("partners:commitment-edit", args=[programme.slug, commitment.pk])
    client.force_login(users["partner_contact"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"yearly_contribution": "1", "version": 1}).status_code == 403
    client.force_login(users["secretary"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "yearly_contribution": "2500",
            "signed_on": "2022-12-14",
            "motivation": "Korting",
            "version": 1,
        },
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (str(commitment.yearly_contribution), commitment.version) == ("2500.00", 2)
    record = commitment.history.first()
    assert (record.history_user, record.history_change_reason) == (
        users["secretary"],
        "commitment.corrected",
    )
    stale = client.post(url, {"yearly_contribution": "1", "version": 1})
    assert stale.status_code == 200
    commitment.refresh_from_db()
    assert str(commitment.yearly_contribution) == "2500.00"


def test_reactivating_a_partner(client, users, programme, own):
    services.partner_deactivate(
        programme=programme, partner_id=own.pk, version=1, by=users["programme_team"]
    )
    url = reverse("partners:partner-reactivate", args=[programme.slug, own.pk])
    client.force_login(users["partner_contact"])
    assert client.post(url, {"version": 2}).status_code == 403
    client.force_login(users["programme_team"])
    assert "Opnieuw activeren" in client.get(detail(programme, own)).content.decode()
    assert client.post(url, {"version": 2}).status_code == 302
    own.refresh_from_db()
    assert own.active
    assert Participation.objects.get(partner=own, programme=programme).left_on is None
