"""The partner list: search, filters, sorting, counts per package, total of contributions,
pagination; the same number of queries for 10 and for 300 partners."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Participation
from tests.factories import CommitmentFactory, DelegationMemberFactory, PartnerFactory


def make_partners(programme, packages, n, start=0):
    codes = ["A", "B", "C", None]
    for i in range(start, start + n):
        partner = PartnerFactory(
            name=f"Partner {i:03d}", kind="zorg" if i % 2 else "welzijn", municipality="Veendam"
        )
        Participation.objects.create(programme=programme, partner=partner)
        code = codes[i % 4]
        if code:
            CommitmentFactory(programme=programme, partner=partner, package=packages[code])
        DelegationMemberFactory(
            programme=programme, partner=partner, level="bestuurder", is_contact=True
        )


def list_url(programme, **params):
    from urllib.parse import urlencode

    url = reverse("partners:list", args=[programme.slug])
    return f"{url}?{urlencode(params)}" if params else url


def names(response):
    return [p.name for p in response.context["page"]]


def test_the_list_shows_package_contribution_delegation_and_contact(
    client, users, programme, own, other
):
    DelegationMemberFactory(
        programme=programme,
        partner=own,
        name="Fenna Fictief",
        is_contact=True,
        email="fenna@example.org",
        level="manager",
    )
    client.force_login(users["programme_team"])
    response = client.get(list_url(programme))
    html = response.content.decode()
    assert names(response) == ["Gemeente Emmen", "Noorderpoort"]
    assert "Fenna Fictief" in html and "fenna@example.org" in html
    assert "€\xa06.000<" in html and "€\xa03.000<" in html
    summary = response.context["summary"]
    assert summary["per_package"] == {"A": 1, "B": 1}
    assert summary["total"] == Decimal("9000.00")
    assert "€\xa09.000<" in html  # total of contributions in force


def test_only_commitments_in_force_today_count(client, users, programme, own, packages):
    from partners import services

    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=date(2099, 1, 1),
        by=users["programme_team"],
    )
    client.force_login(users["programme_team"])
    response = client.get(list_url(programme))
    assert response.context["summary"]["total"] == Decimal("3000.00")  # still B today


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "noord"}, ["Noorderpoort"]),
        ({"q": "EMMEN"}, ["Gemeente Emmen"]),  # name and municipality, any capitalisation
        ({"kind": "gemeente"}, ["Gemeente Emmen"]),
        ({"package": "B"}, ["Noorderpoort"]),
        ({"package": "none"}, ["Zonder Pakket"]),
        ({"municipality": "Groningen"}, ["Noorderpoort"]),
        ({"delegation": "complete"}, ["Gemeente Emmen"]),
        ({"delegation": "incomplete"}, ["Noorderpoort", "Zonder Pakket"]),
        ({"sort": "-name"}, ["Zonder Pakket", "Noorderpoort", "Gemeente Emmen"]),
        ({"sort": "package"}, ["Gemeente Emmen", "Noorderpoort", "Zonder Pakket"]),
        ({"sort": "-contribution"}, ["Gemeente Emmen", "Noorderpoort", "Zonder Pakket"]),
        ({"sort": "municipality"}, ["Gemeente Emmen", "Noorderpoort", "Zonder Pakket"]),
        ({"sort": "nonsense"}, ["Gemeente Emmen", "Noorderpoort", "Zonder Pakket"]),
        ({"kind": "no-such-kind"}, ["Gemeente Emmen", "Noorderpoort", "Zonder Pakket"]),
    ],
)
def test_search_filters_and_sorting(client, users, programme, own, other, params, expected):
    own.municipality = "Groningen"
    own.save()
    loose = PartnerFactory(name="Zonder Pakket", municipality="Stadskanaal")
    Participation.objects.create(programme=programme, partner=loose)
    for level, n in [("bestuurder", 1), ("manager", 2), ("uitvoering", 2)]:
        for _ in range(n):
            DelegationMemberFactory(programme=programme, partner=other, level=level)
    client.force_login(users["secretary"])
    assert names(client.get(list_url(programme, **params))) == expected


def test_inactive_partners_are_hidden_unless_asked(client, users, programme, own, other):
    from partners import services

    services.partner_deactivate(
        programme=programme, partner_id=other.pk, version=other.version, by=users["programme_team"]
    )
    client.force_login(users["programme_team"])
    assert names(client.get(list_url(programme))) == ["Noorderpoort"]
    assert names(client.get(list_url(programme, inactive="on"))) == [
        "Gemeente Emmen",
        "Noorderpoort",
    ]


def test_partners_of_another_programme_are_not_listed(client, users, programme, own, elsewhere):
    client.force_login(users["programme_team"])
    assert "Gemeente Landerd" not in names(client.get(list_url(programme)))


def test_pagination_keeps_the_filters(client, users, programme, packages):
    make_partners(programme, packages, 30)
    client.force_login(users["programme_team"])
    first = client.get(list_url(programme, kind="welzijn"))  # 15 + Noorderpoort (onderwijs: no)
    assert first.context["page"].paginator.count == 15
    assert not first.context["page"].has_other_pages()
    many = client.get(list_url(programme, q="Partner"))  # 30 of the 31
    assert many.context["page"].paginator.num_pages == 2
    assert "q=Partner&amp;page=2" in many.content.decode()  # the next link keeps the search
    second = client.get(list_url(programme, q="Partner", page=2))
    assert len(second.context["page"]) == 5
    assert "Vorige" in second.content.decode()


def count_queries(client, url):
    client.get(url)  # the first visit also stores the programme in the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"delegation": "incomplete", "sort": "-package"}])
def test_the_query_count_is_the_same_for_10_and_300_partners(
    client, users, programme, packages, django_assert_max_num_queries, params
):
    client.force_login(users["programme_team"])
    make_partners(programme, packages, 10)
    url = list_url(programme, **params)
    small = count_queries(client, url)
    make_partners(programme, packages, 290, start=10)
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert response.context["page"].paginator.count > 200


def test_the_export_runs_the_same_number_of_queries_for_10_and_300(
    client, users, programme, packages
):
    client.force_login(users["programme_team"])
    make_partners(programme, packages, 10)
    url = reverse("partners:export-csv", args=[programme.slug])
    small = count_queries(client, url)
    make_partners(programme, packages, 290, start=10)
    assert count_queries(client, url) == small
