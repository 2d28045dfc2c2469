""" "Mensen en rollen": the programme team gives and ends roles, with invitations by e-mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from avk.access import Role
from programme.models import RoleAssignment

User = get_user_model()


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("board", 403),
        ("secretary", 403),
        ("partner_contact", 403),
        ("reader", 403),
        ("other_team", 403),
        ("nobody", 403),
        ("superuser", 200),
    ],
)
def test_people_page_access(client, users, programme, who, status):
    client.force_login(users[who])
    assert client.get(reverse("programme:people", args=[programme.slug])).status_code == status
    response = client.post(
        reverse("programme:people-add", args=[programme.slug]),
        {"email": f"new-{who}@example.org", "role": Role.READER, "valid_from": "2024-01-01"},
    )
    assert response.status_code == (302 if status == 200 else 403)
    assert User.objects.filter(email=f"new-{who}@example.org").exists() is (status == 200)


def test_inviting_a_new_person_sends_a_working_link(
    client, users, programme, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://portaal.example.org"
    client.force_login(users["programme_team"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("programme:people-add", args=[programme.slug]),
            {
                "email": "Jan.Jansen@Example.org",
                "first_name": "Jan",
                "last_name": "Jansen",
                "role": Role.BOARD,
                "valid_from": "2024-01-01",
            },
            follow=True,
        )
    assert "uitnodiging" in response.content.decode()
    user = User.objects.get(email__iexact="jan.jansen@example.org")
    assert not user.has_usable_password()
    assignment = RoleAssignment.objects.get(user=user)
    assert (assignment.programme, assignment.role) == (programme, Role.BOARD)
    assert assignment.history.first().history_user == users["programme_team"]

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Jan.Jansen@example.org"]
    assert "Uitnodiging" in message.subject
    link = re.search(r"https://portaal\.example\.org(/\S+)", message.body).group(1)

    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Veenkolonien-2043!", "new_password2": "Veenkolonien-2043!"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Veenkolonien-2043!")


def test_existing_person_gets_the_role_without_a_new_account(client, users, programme):
    client.force_login(users["programme_team"])
    client.post(
        reverse("programme:people-add", args=[programme.slug]),
        {
            "email": users["other_team"].email.upper(),
            "role": Role.READER,
            "valid_from": "2024-01-01",
        },
    )
    assert User.objects.filter(email__iexact=users["other_team"].email).count() == 1
    assert RoleAssignment.objects.filter(user=users["other_team"], programme=programme).exists()
    assert mail.outbox == []  # has a password already: no invitation


def test_same_role_twice_in_one_period_is_refused(client, users, programme):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:people-add", args=[programme.slug]),
        {"email": users["board"].email, "role": Role.BOARD, "valid_from": "2024-06-01"},
    )
    assert response.status_code == 200
    assert "heeft deze rol al" in str(response.context["form"].errors)
    assert RoleAssignment.objects.filter(user=users["board"], role=Role.BOARD).count() == 1


def test_bad_input_is_refused_per_field(client, users, programme):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:people-add", args=[programme.slug]),
        {
            "email": "geen-adres",
            "role": "koning",
            "valid_from": "2024-06-01",
            "valid_until": "2024-01-01",
        },
    )
    errors = response.context["form"].errors
    assert errors["email"] == ["Voer een geldig e-mailadres in."]
    assert "koning" in errors["role"][0]
    assert errors["valid_until"] == ["De einddatum kan niet voor de begindatum liggen."]


def test_ending_a_role_keeps_it_as_history_and_takes_access_away(client, users, programme):
    client.force_login(users["programme_team"])
    assignment = RoleAssignment.objects.get(user=users["board"], programme=programme)
    yesterday = assignment.valid_from.replace(year=2024)
    response = client.post(
        reverse("programme:people-end", args=[programme.slug, assignment.pk]),
        {"valid_until": yesterday.isoformat()},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.valid_until == yesterday
    client.force_login(users["board"])
    assert client.get(reverse("programme:detail", args=[programme.slug])).status_code == 403


def test_another_programme_cannot_end_roles_here(client, users, programme):
    client.force_login(users["other_team"])
    assignment = RoleAssignment.objects.get(user=users["board"], programme=programme)
    response = client.post(
        reverse("programme:people-end", args=["landerd", assignment.pk]),
        {"valid_until": "2024-01-01"},
    )
    assert response.status_code == 404  # not a role of Landerd
    response = client.post(
        reverse("programme:people-end", args=[programme.slug, assignment.pk]),
        {"valid_until": "2024-01-01"},
    )
    assert response.status_code == 403
    assignment.refresh_from_db()
    assert assignment.valid_until is None


def test_last_team_member_cannot_end_their_own_role(client, users, programme):
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(users["programme_team"])
    own = RoleAssignment.objects.get(user=users["programme_team"], programme=programme)
    next_month = timezone.localdate() + timedelta(days=30)
    response = client.post(
        reverse("programme:people-end", args=[programme.slug, own.pk]),
        {"valid_until": next_month.isoformat()},
        follow=True,
    )
    assert "laatste lid van het programmateam" in response.content.decode()
    own.refresh_from_db()
    assert own.valid_until is None


def test_people_list_query_count_is_flat(client, users, programme, django_assert_max_num_queries):
    from tests.factories import RoleAssignmentFactory

    client.force_login(users["programme_team"])
    url = reverse("programme:people", args=[programme.slug])
    client.get(url)
    with django_assert_max_num_queries(50) as few:
        client.get(url)
    RoleAssignmentFactory.create_batch(40, programme=programme, role=Role.READER)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["assignments"]) >= 45


def test_a_partner_contact_is_linked_to_an_organisation_of_this_programme(
    client, users, programme, other_programme
):
    from partners.models import Participation
    from tests.factories import PartnerFactory

    own = PartnerFactory(name="Wedeka")
    Participation.objects.create(programme=programme, partner=own)
    foreign = PartnerFactory(name="Pantein")
    Participation.objects.create(programme=other_programme, partner=foreign)
    client.force_login(users["programme_team"])
    url = reverse("programme:people-add", args=[programme.slug])
    base = {
        "email": "contact@wedeka.example",
        "role": Role.PARTNER_CONTACT,
        "valid_from": "2024-01-01",
    }

    missing = client.post(url, base)
    assert "Kies de organisatie" in str(missing.context["form"].errors["partner"])
    elsewhere = client.post(url, {**base, "partner": foreign.pk})
    assert "partner" in elsewhere.context["form"].errors  # not a partner of this programme
    assert not RoleAssignment.objects.filter(user__email="contact@wedeka.example").exists()

    assert client.post(url, {**base, "partner": own.pk}).status_code == 302
    assignment = RoleAssignment.objects.get(user__email="contact@wedeka.example")
    assert assignment.partner == own

    board_with_partner = client.post(
        url,
        {
            "email": "x@example.org",
            "role": Role.BOARD,
            "valid_from": "2024-01-01",
            "partner": own.pk,
        },
    )
    assert "Alleen een partnercontact" in str(board_with_partner.context["form"].errors)


def test_a_partner_of_another_programme_cannot_be_linked_through_the_service(
    users, programme, other_programme
):
    from django.core.exceptions import ValidationError

    from partners.models import Participation
    from programme.core.services import role_grant
    from tests.factories import PartnerFactory

    foreign = PartnerFactory(name="Pantein")
    Participation.objects.create(programme=other_programme, partner=foreign)
    with pytest.raises(ValidationError, match="neemt niet deel"):
        role_grant(
            programme=programme,
            user=users["nobody"],
            role=Role.PARTNER_CONTACT,
            by=users["superuser"],
            valid_from=programme.start_date,
            partner=foreign,
        )
