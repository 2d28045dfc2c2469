"""The partner directory: names, kinds, packages and points of contact of a programme's
partners, for every role in the programme; links to a partner's page only for those who may
read it; and the DIN diagram leads those who may not to the directory instead of "Geen toegang"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.policy import allowed
from partners import services
from partners.models import Participation
from tests.factories import (
    CommitmentFactory,
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    OperationalGoalFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db

ACCESS = [
    ("programme_team", 200),
    ("board", 200),
    ("secretary", 200),
    ("partner_contact", 200),
    ("reader", 200),
    ("superuser", 200),
    ("other_team", 403),
    ("nobody", 403),
    ("former_team", 403),
]


def _url(programme, **query):
    url = reverse("partners:directory", args=[programme.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize("who, status", ACCESS)
def test_every_role_in_the_programme_reads_the_directory(client, users, programme, who, status):
    client.force_login(users[who])
    assert client.get(_url(programme)).status_code == status
    assert allowed(users[who], "partners.view_directory", programme) == (status == 200)


def test_it_shows_kind_package_and_point_of_contact(client, users, programme, own, other):
    services.delegation_member_add(
        programme=programme,
        partner=other,
        by=users["programme_team"],
        level="bestuurder",
        name="Hanna Verzonnen",
        email="hanna@example.org",
        is_contact=True,
    )
    client.force_login(users["reader"])
    html = client.get(_url(programme)).content.decode()
    assert "Gemeente Emmen" in html and "Noorderpoort" in html
    assert "Kernpartner" in html and "Hanna Verzonnen" in html
    assert 'href="mailto:hanna@example.org"' in html
    assert f'id="partner-{other.pk}"' in html
    # a reader reads no partner pages: no links to them
    assert reverse("partners:partner-detail", args=[programme.slug, other.pk]) not in html


def test_links_to_partner_pages_only_where_they_lead(client, users, programme, own, other):
    own_page = reverse("partners:partner-detail", args=[programme.slug, own.pk])
    other_page = reverse("partners:partner-detail", args=[programme.slug, other.pk])
    client.force_login(users["partner_contact"])
    html = client.get(_url(programme)).content.decode()
    assert own_page in html and other_page not in html
    assert client.get(own_page).status_code == 200
    client.force_login(users["board"])
    html = client.get(_url(programme)).content.decode()
    assert own_page in html and other_page in html
    assert client.get(other_page).status_code == 200


def test_search_and_filters(client, users, programme, own, other):
    client.force_login(users["board"])
    html = client.get(_url(programme, q="gemeente")).content.decode()
    assert "Gemeente Emmen" in html and "Noorderpoort" not in html
    html = client.get(_url(programme, kind="onderwijs")).content.decode()
    assert "Noorderpoort" in html and "Gemeente Emmen" not in html
    html = client.get(_url(programme, package="A")).content.decode()
    assert "Gemeente Emmen" in html and "Noorderpoort" not in html
    assert client.get(_url(programme, kind="nonsense")).status_code == 200


def test_partners_of_another_programme_are_not_listed(client, users, programme, own, elsewhere):
    client.force_login(users["board"])
    assert "Gemeente Landerd" not in client.get(_url(programme)).content.decode()


def test_the_menu_offers_the_directory_to_every_role(client, users, programme, own):
    for who in ("board", "partner_contact", "reader", "programme_team"):
        client.force_login(users[who])
        html = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
        assert f'href="{_url(programme)}"' in html, who


def test_directory_queries_do_not_grow_with_the_partners(client, users, programme, packages):
    client.force_login(users["reader"])

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_url(programme)).status_code == 200
        return len(captured)

    client.get(_url(programme))
    small = count()
    for n in range(20):
        partner = PartnerFactory(name=f"Extra {n}")
        Participation.objects.create(programme=programme, partner=partner)
        CommitmentFactory(programme=programme, partner=partner, package=packages["C"])
    assert count() == small


def _din_with_partners(programme, *partners):
    goal = OperationalGoalFactory(strategic_goal__line__programme=programme)
    effort = EffortFactory(programme=programme)
    EffortGoalFactory(effort=effort, goal=goal)
    for partner in partners:
        EffortPartnerFactory(effort=effort, partner=partner)


def test_the_diagram_sends_a_contact_to_the_directory_not_to_refused_pages(
    client, users, programme, own, other
):
    _din_with_partners(programme, own, other)
    diagram = reverse("programme:din-diagram", args=[programme.slug])
    client.force_login(users["partner_contact"])
    html = client.get(diagram).content.decode()
    assert f"/partners/{other.pk}/" not in html
    assert f'{_url(programme)}#partner-{other.pk}"' in html
    assert client.get(f"/partners/{other.pk}/").status_code == 403  # what it used to link to
    client.force_login(users["board"])
    html = client.get(diagram).content.decode()
    assert f'href="/partners/{other.pk}/"' in html
    assert client.get(f"/partners/{other.pk}/").status_code == 302
