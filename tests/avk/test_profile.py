"""The profile page: roles per programme, e-mail preferences (honoured by the notification
code), language, and the private calendar link."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from avk import profile
from avk.access import Role
from avk.policy import Refused
from governance.models import ProposalStatus
from governance.services.notify import proposal_put_before_members
from partners.services.notify import team_addresses
from programme.din.services.reminders import send_measurement_reminders
from tests.factories import (
    BodyFactory,
    IndicatorFactory,
    MembershipFactory,
    ProposalFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def test_profile_shows_roles_per_programme_with_partner_and_bodies(
    client, users, programme, other_programme
):
    user = users["partner_contact"]
    RoleAssignmentFactory(programme=other_programme, user=user, role=Role.READER)
    body = BodyFactory(programme=programme, code="SG", name="Stuurgroep AVK", kind="stuurgroep")
    MembershipFactory(body=body, user=user, role="lid", valid_from=date(2024, 2, 1))
    client.force_login(user)
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    page = response.content.decode()
    assert programme.name in page and other_programme.name in page
    assert "Noorderpoort" in page  # the organisation the contact speaks for
    assert "Stuurgroep AVK" in page
    assert "1 februari 2024" in page or "1 February 2024" in page
    rows = {row["programme"].pk: row for row in response.context["rows"]}
    assert set(rows) == {programme.pk, other_programme.pk}
    assert [p.title for p in rows[programme.pk]["sections"]] and rows[other_programme.pk]


def test_profile_of_someone_without_roles_says_what_to_do(client, users):
    client.force_login(users["nobody"])
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    assert response.context["rows"] == []


def test_mail_preferences_are_saved_and_shown(client, users):
    user = users["board"]
    client.force_login(user)
    page = client.get(reverse("profile")).content.decode()
    assert page.count('type="checkbox"') == len(user.MAIL_PREFERENCES)
    response = client.post(reverse("profile-mail"), {"mail_outcomes": "on"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.mail_outcomes is True
    assert user.mail_reminders is False and user.mail_put_before_me is False
    page = client.get(reverse("profile")).content.decode()
    assert 'name="mail_outcomes" id="id_mail_outcomes" checked' in page
    assert 'name="mail_reminders" id="id_mail_reminders">' in page


def test_only_the_person_or_a_superuser_changes_a_profile(users):
    with pytest.raises(Refused):
        profile.mail_preferences_update(
            user=users["board"], by=users["reader"], mail_reminders=False
        )
    with pytest.raises(Refused):
        profile.calendar_link_make(user=users["board"], by=users["programme_team"])
    profile.calendar_link_revoke(user=users["board"], by=users["superuser"])
    with pytest.raises(ValueError):
        profile.mail_preferences_update(user=users["board"], by=users["board"], is_staff=True)
    with pytest.raises(ValueError):
        profile.wants_mail(users["board"], "mail_unknown")


def test_a_proposal_put_before_members_skips_who_turned_it_off(users, programme):
    body = BodyFactory(programme=programme, code="DB")
    MembershipFactory(body=body, user=users["board"], role="lid")
    MembershipFactory(body=body, user=users["reader"], role="lid")
    proposal = ProposalFactory(programme=programme, body=body, status=ProposalStatus.WRITTEN_ROUND)
    profile.mail_preferences_update(
        user=users["reader"], by=users["reader"], mail_put_before_me=False
    )
    mail.outbox.clear()
    assert proposal_put_before_members(proposal_id=proposal.pk, how="round") == 1
    assert [m.to for m in mail.outbox] == [[users["board"].email]]


def test_measurement_reminders_and_partner_changes_follow_the_preferences(users, programme):
    IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=users["board"])
    IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=users["reader"])
    profile.mail_preferences_update(user=users["reader"], by=users["reader"], mail_reminders=False)
    mail.outbox.clear()
    sent = send_measurement_reminders(by=None)
    assert {indicator.owner for indicator, _ in sent} == {users["board"]}
    assert users["programme_team"].email in team_addresses(programme)
    profile.mail_preferences_update(
        user=users["programme_team"], by=users["programme_team"], mail_partner_changes=False
    )
    assert users["programme_team"].email not in team_addresses(programme)


def test_language_is_chosen_on_the_profile_with_the_existing_switch(client, users):
    client.force_login(users["board"])
    page = client.get(reverse("profile")).content.decode()
    assert f'action="{reverse("set_language")}"' in page
    assert 'id="language-nl" value="nl" checked' in page
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("profile") + "#language"}
    )
    assert response.status_code == 302 and response["Location"].startswith(reverse("profile"))
    page = client.get(reverse("profile")).content.decode()
    assert '<html lang="en">' in page
    assert 'id="language-en" value="en" checked' in page


def test_calendar_link_is_shown_once_then_renewable_and_revocable(client, users):
    user = users["board"]
    client.force_login(user)
    page = client.get(reverse("profile")).content.decode()
    assert 'value="make"' in page and 'value="revoke"' not in page
    client.post(reverse("profile-calendar"), {"action": "make"})
    first = client.get(reverse("profile")).content.decode()
    assert 'id="calendar-link"' in first and "/calendar/" in first
    again = client.get(reverse("profile")).content.decode()
    assert 'id="calendar-link"' not in again  # only a fingerprint is kept
    assert 'value="revoke"' in again
    client.post(reverse("profile-calendar"), {"action": "revoke"})
    user.refresh_from_db()
    assert user.calendar_token_hash == "" and user.calendar_token_created is None


def test_a_damaged_calendar_post_is_refused(client, users):
    client.force_login(users["board"])
    assert client.post(reverse("profile-calendar"), {"action": "drop"}).status_code == 400
    assert client.get(reverse("profile-calendar")).status_code == 405
