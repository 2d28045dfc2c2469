"""A partner contact reports progress (status, percentage, a short update) on the efforts their
organisation leads: the policy, the service (history, stale saves) and the page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from avk import policy
from avk.access import Role
from avk.concurrency import StaleEdit
from partners.models import Participation, Partner
from programme.din.services.efforts import effort_report_progress
from programme.models import Effort
from tests.factories import (
    EffortFactory,
    EffortPartnerFactory,
    PartnerFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(programme, other_programme, users):
    """Noorderpoort (the partner contact's organisation) leads `led`, takes part in `joined`;
    another partner leads `theirs`; Noorderpoort leads `elsewhere` in the other programme."""
    noorderpoort = Partner.objects.get(name="Noorderpoort")
    other = PartnerFactory(name="Hanzehogeschool")
    Participation.objects.create(programme=programme, partner=other)
    Participation.objects.create(programme=other_programme, partner=noorderpoort)
    led = EffortFactory(programme=programme, title="Vroegsignalering", status="gepland", progress=0)
    joined = EffortFactory(programme=programme, title="Netwerkcafé")
    theirs = EffortFactory(programme=programme, title="Leeragenda")
    elsewhere = EffortFactory(programme=other_programme, title="Elders")
    EffortPartnerFactory(effort=led, partner=noorderpoort, role="trekker")
    EffortPartnerFactory(effort=joined, partner=noorderpoort, role="deelnemer")
    EffortPartnerFactory(effort=joined, partner=other, role="trekker")
    EffortPartnerFactory(effort=theirs, partner=other, role="trekker")
    EffortPartnerFactory(effort=elsewhere, partner=noorderpoort, role="trekker")
    other_contact = UserFactory(username="other_contact")
    RoleAssignmentFactory(
        programme=programme, user=other_contact, role=Role.PARTNER_CONTACT, partner=other
    )
    return {
        "led": led,
        "joined": joined,
        "theirs": theirs,
        "elsewhere": elsewhere,
        "other_contact": other_contact,
    }


def report(effort, by, **kw):
    values = {"status": "lopend", "progress": 40, "progress_note": "Eerste huisbezoeken gedaan."}
    values.update(kw)
    return effort_report_progress(effort_id=effort.pk, version=effort.version, by=by, **values)


# --- the policy --------------------------------------------------------------------------------


def test_who_may_report_progress(users, setup):
    contact = users["partner_contact"]
    may = [
        (users["programme_team"], "led"),
        (users["programme_team"], "theirs"),
        (users["superuser"], "theirs"),
        (contact, "led"),
        (setup["other_contact"], "theirs"),
        (setup["other_contact"], "joined"),
    ]
    for user, effort in may:
        assert policy.allowed(user, "din.report_progress", setup[effort]), (user, effort)
    may_not = [
        (contact, "joined"),  # only taking part, not leading
        (contact, "theirs"),  # another partner's effort
        (contact, "elsewhere"),  # Noorderpoort leads it, but in a programme where she has no role
        (setup["other_contact"], "led"),  # another partner's contact
        (users["programme_team"], "elsewhere"),  # the team of another programme
        (users["other_team"], "led"),
        (users["board"], "led"),
        (users["secretary"], "led"),
        (users["reader"], "led"),
        (users["nobody"], "led"),
        (users["former_team"], "led"),
    ]
    for user, effort in may_not:
        assert not policy.allowed(user, "din.report_progress", setup[effort]), (user, effort)


# --- the service -------------------------------------------------------------------------------


def test_the_lead_partners_contact_reports_with_history(users, setup):
    contact = users["partner_contact"]
    effort = report(setup["led"], contact)
    assert (effort.status, effort.progress, effort.progress_note) == (
        "lopend",
        40,
        "Eerste huisbezoeken gedaan.",
    )
    assert effort.version == setup["led"].version + 1
    latest = effort.history.order_by("-history_id").first()
    assert latest.history_change_reason == "din.effort.progress_reported"
    assert latest.history_user == contact


def test_completed_means_all_the_way(users, setup):
    effort = report(setup["led"], users["programme_team"], status="afgerond", progress=80)
    assert effort.progress == 100


def test_a_stale_report_is_refused(users, setup):
    effort = setup["led"]
    opened = effort.version
    report(effort, users["programme_team"], progress_note="Door het team bijgewerkt.")
    with pytest.raises(StaleEdit):
        effort_report_progress(
            effort_id=effort.pk,
            version=opened,
            by=users["partner_contact"],
            status="lopend",
            progress=50,
        )
    effort.refresh_from_db()
    assert effort.progress_note == "Door het team bijgewerkt." and effort.progress == 40


@pytest.mark.parametrize(
    "bad", [{"progress": 101}, {"progress": -1}, {"progress": "veel"}, {"status": "klaar"}]
)
def test_bad_input_is_refused(users, setup, bad):
    with pytest.raises(ValidationError):
        report(setup["led"], users["partner_contact"], **bad)
    assert Effort.objects.get(pk=setup["led"].pk).status == "gepland"


@pytest.mark.parametrize(
    "who,effort",
    [
        ("partner_contact", "joined"),
        ("partner_contact", "theirs"),
        ("partner_contact", "elsewhere"),
        ("other_contact", "led"),
        ("other_team", "led"),
        ("programme_team", "elsewhere"),
        ("board", "led"),
        ("reader", "led"),
        ("nobody", "led"),
    ],
)
def test_the_service_refuses_whom_the_policy_refuses(users, setup, who, effort):
    user = setup["other_contact"] if who == "other_contact" else users[who]
    with pytest.raises(PermissionDenied):
        report(setup[effort], user)
    assert Effort.objects.get(pk=setup[effort].pk).progress_note == ""


# --- the page ----------------------------------------------------------------------------------


def progress_url(effort):
    return reverse("programme:effort-progress", args=[effort.pk])


def test_the_effort_page_links_to_the_report_only_for_whom_may(client, users, setup):
    link = f'href="{progress_url(setup["led"])}"'
    client.force_login(users["partner_contact"])
    assert link in client.get(setup["led"].get_absolute_url()).content.decode()
    joined = client.get(setup["joined"].get_absolute_url()).content.decode()
    assert progress_url(setup["joined"]) not in joined
    client.force_login(users["programme_team"])
    assert link in client.get(setup["led"].get_absolute_url()).content.decode()
    for who in ["reader", "board"]:
        client.force_login(users[who])
        assert link not in client.get(setup["led"].get_absolute_url()).content.decode()
    client.force_login(setup["other_contact"])
    assert link not in client.get(setup["led"].get_absolute_url()).content.decode()


def test_the_partner_contact_reports_on_the_page(client, users, setup):
    effort = setup["led"]
    client.force_login(users["partner_contact"])
    page = client.get(progress_url(effort))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="status"' in html and 'name="progress"' in html
    assert 'name="progress_note"' in html and f'name="version" value="{effort.version}"' in html
    response = client.post(
        progress_url(effort),
        {
            "status": "lopend",
            "progress": "60",
            "progress_note": "Twee scholen doen mee.",
            "version": effort.version,
        },
    )
    assert response.status_code == 302 and response["Location"] == effort.get_absolute_url()
    effort.refresh_from_db()
    assert (effort.status, effort.progress, effort.progress_note) == (
        "lopend",
        60,
        "Twee scholen doen mee.",
    )


def test_a_stale_or_bad_post_shows_the_form_again(client, users, setup):
    effort = setup["led"]
    opened = effort.version
    report(effort, users["programme_team"], progress_note="Door het team bijgewerkt.")
    client.force_login(users["partner_contact"])
    data = {
        "status": "lopend",
        "progress": "70",
        "progress_note": "Mijn update.",
        "version": opened,
    }
    stale = client.post(progress_url(effort), data)
    assert stale.status_code == 422
    assert "Door het team bijgewerkt." in stale.content.decode()  # what changed meanwhile
    effort.refresh_from_db()
    assert effort.progress_note == "Door het team bijgewerkt."
    bad = client.post(progress_url(effort), {**data, "version": effort.version, "progress": "250"})
    assert bad.status_code == 422
    assert client.post(progress_url(effort), {**data, "version": "x"}).status_code == 422
    effort.refresh_from_db()
    assert effort.progress == 40


@pytest.mark.parametrize(
    "who,effort",
    [
        ("partner_contact", "joined"),
        ("partner_contact", "theirs"),
        ("other_contact", "led"),
        ("reader", "led"),
        ("board", "led"),
        ("other_team", "led"),
    ],
)
def test_the_page_refuses_whom_the_policy_refuses(client, users, setup, who, effort):
    client.force_login(setup["other_contact"] if who == "other_contact" else users[who])
    assert client.get(progress_url(setup[effort])).status_code == 403
    data = {"status": "afgerond", "progress": "100", "version": setup[effort].version}
    assert client.post(progress_url(setup[effort]), data).status_code == 403
    assert Effort.objects.get(pk=setup[effort].pk).status != "afgerond"


def test_an_unknown_effort_is_404(client, users):
    client.force_login(users["partner_contact"])
    assert client.get(reverse("programme:effort-progress", args=[999999])).status_code == 404
