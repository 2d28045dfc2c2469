"""programme.core's services ask the policy themselves: the same people the pages refuse are
refused when they call a service directly (the admin, an import, a command), and every change
records an event code with details instead of English text."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from avk.access import Role
from avk.policy import Refused
from programme.core import services
from programme.core.forms import RoleAssignmentForm
from programme.models import Programme, RoleAssignment

# Who may change the programme and manage its roles: its own team and the superuser only.
ACTING = [
    ("programme_team", True),
    ("superuser", True),
    ("board", False),
    ("secretary", False),
    ("partner_contact", False),
    ("reader", False),
    ("other_team", False),  # the team of another programme
    ("former_team", False),
    ("nobody", False),
]


@pytest.mark.parametrize("who, may", ACTING)
def test_programme_update_asks_the_policy(users, programme, who, may):
    call = {"programme_id": programme.pk, "version": programme.version, "by": users[who]}
    if may:
        services.programme_update(**call, ambition="Nieuw")
        assert Programme.objects.get(pk=programme.pk).ambition == "Nieuw"
    else:
        with pytest.raises(Refused):
            services.programme_update(**call, ambition="Nieuw")
        assert Programme.objects.get(pk=programme.pk).ambition != "Nieuw"


@pytest.mark.parametrize("who, may", ACTING)
def test_phase_and_steering_form_ask_the_policy(users, programme, who, may):
    phase = {"programme": programme, "phase": "afbouw", "valid_from": date(2040, 1, 1)}
    form = {"programme": programme, "steering_form": "budget", "valid_from": date(2040, 1, 1)}
    if may:
        services.programme_set_phase(**phase, by=users[who])
        services.programme_set_steering_form(**form, by=users[who])
        assert programme.phases.count() == 2 and programme.steering_forms.count() == 2
    else:
        with pytest.raises(Refused):
            services.programme_set_phase(**phase, by=users[who])
        with pytest.raises(Refused):
            services.programme_set_steering_form(**form, by=users[who])
        assert programme.phases.count() == 1 and programme.steering_forms.count() == 1


@pytest.mark.parametrize("who, may", ACTING)
def test_role_grant_asks_the_policy(users, programme, who, may):
    from tests.factories import UserFactory

    newcomer = UserFactory(username="newcomer")
    grant = {
        "programme": programme,
        "user": newcomer,
        "role": Role.READER,
        "valid_from": date(2024, 1, 1),
        "by": users[who],
    }
    if may:
        services.role_grant(**grant)
    else:
        with pytest.raises(Refused):
            services.role_grant(**grant)
    assert RoleAssignment.objects.filter(user=newcomer).exists() is may


@pytest.mark.parametrize("who, may", ACTING)
def test_role_assign_asks_the_policy_before_making_an_account(users, programme, who, may):
    from django.contrib.auth import get_user_model

    assign = {
        "programme": programme,
        "email": "nieuw@example.org",
        "role": Role.READER,
        "by": users[who],
    }
    if may:
        services.role_assign(**assign)
    else:
        with pytest.raises(Refused):
            services.role_assign(**assign)
    assert get_user_model().objects.filter(email="nieuw@example.org").exists() is may


@pytest.mark.parametrize("who, may", ACTING)
def test_role_end_asks_the_policy(users, programme, who, may):
    assignment = RoleAssignment.objects.get(user=users["board"], programme=programme)
    end = {"assignment_id": assignment.pk, "by": users[who], "valid_until": date(2024, 6, 30)}
    if may:
        services.role_end(**end)
    else:
        with pytest.raises(Refused):
            services.role_end(**end)
    assignment.refresh_from_db()
    assert (assignment.valid_until == date(2024, 6, 30)) is may


@pytest.mark.parametrize("who, may", ACTING)
def test_invitation_resend_asks_the_policy(users, programme, who, may, mailoutbox):
    assignment = RoleAssignment.objects.get(user=users["board"], programme=programme)
    if may:
        services.invitation_resend(assignment=assignment, by=users[who])
    else:
        with pytest.raises(Refused):
            services.invitation_resend(assignment=assignment, by=users[who])
    assert len(mailoutbox) == (1 if may else 0)


@pytest.mark.parametrize("who", ["programme_team", "board", "nobody", None])
def test_only_a_superuser_creates_a_programme(users, who):
    data = {
        "name": "Nieuw programma",
        "short_name": "Nieuw",
        "slug": "nieuw",
        "start_date": date(2024, 1, 1),
        "horizon_years": 10,
        "phase": "initiatie",
        "steering_form": "regie",
    }
    with pytest.raises(Refused):
        services.programme_create(by=users[who] if who else None, **data)
    assert not Programme.objects.filter(slug="nieuw").exists()
    created = services.programme_create(by=users["superuser"], **data)
    record = created.history.get()
    assert (record.history_user, record.history_change_reason) == (
        users["superuser"],
        "programme.created",
    )
    phase = created.phases.get().history.get()
    assert (phase.history_change_reason, phase.history_details) == (
        "programme.phase_recorded",
        {"phase": "initiatie", "from": "2024-01-01"},
    )


def test_roles_record_events_with_details(users, programme):
    from tests.factories import UserFactory

    newcomer = UserFactory(username="jan", first_name="Jan", last_name="Jansen")
    team = users["programme_team"]
    granted = services.role_grant(
        programme=programme, user=newcomer, role=Role.BOARD, valid_from=date(2024, 1, 1), by=team
    )
    record = granted.history.get()
    assert (record.history_user, record.history_change_reason, record.history_details) == (
        team,
        "role.granted",
        {"person": "Jan Jansen", "role": "bestuur", "from": "2024-01-01"},
    )
    services.role_end(assignment_id=granted.pk, by=team, valid_until=date(2024, 12, 31))
    ended = granted.history.first()
    assert (ended.history_change_reason, ended.history_details) == (
        "role.ended",
        {"on": "2024-12-31", "person": "Jan Jansen", "role": "bestuur"},
    )


def test_a_role_cannot_end_twice_nor_before_it_starts(users, programme):
    team = users["programme_team"]
    assignment = RoleAssignment.objects.get(user=users["board"], programme=programme)
    with pytest.raises(ValidationError, match="einddatum"):
        services.role_end(assignment_id=assignment.pk, by=team, valid_until=date(2020, 1, 1))
    services.role_end(assignment_id=assignment.pk, by=team, valid_until=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="al beëindigd"):
        services.role_end(assignment_id=assignment.pk, by=team, valid_until=date(2024, 6, 1))


def test_unknown_programme_fields_are_a_programming_error(users, programme):
    with pytest.raises(TypeError):
        services.programme_update(
            programme_id=programme.pk, version=programme.version, by=users["superuser"], id=9
        )


def test_one_field_list_for_form_admin_and_service():
    from django.contrib import admin

    programme_admin = admin.site._registry[Programme]
    role_admin = admin.site._registry[RoleAssignment]
    assert programme_admin.form._meta.fields == list(Programme.EDITABLE_FIELDS)
    assert role_admin.fields == ["programme", "user", *RoleAssignment.EDITABLE_FIELDS]
    assert set(RoleAssignment.EDITABLE_FIELDS) <= set(RoleAssignmentForm.base_fields)
