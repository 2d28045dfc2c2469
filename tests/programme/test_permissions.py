"""The programme policy as a matrix: every role x action, in its own and in another programme.

Each row is written out: who, what, and the answer in the user's own programme and in the
other one. `former_team` had the team role until yesterday; `nobody` has no role at all.
"""

import pytest

from programme.core import permissions as policy

ACTIONS = ["view", "change", "manage_roles", "export", "administer"]

# who:            view  change manage export administer   (own programme)
EXPECTED_OWN = {
    "programme_team": (True, True, True, True, False),  # not staff: no admin
    "board": (True, False, False, False, False),
    "secretary": (True, False, False, True, False),
    "partner_contact": (True, False, False, False, False),
    "reader": (True, False, False, False, False),
    "former_team": (False, False, False, False, False),
    "nobody": (False, False, False, False, False),
    "other_team": (False, False, False, False, False),
    "superuser": (True, True, True, True, True),
}
# In the other programme only the other team and the superuser may do anything.
EXPECTED_OTHER = {
    who: (
        (True, True, True, True, False)
        if who == "other_team"
        else (True,) * 5
        if who == "superuser"
        else (False,) * 5
    )
    for who in EXPECTED_OWN
}

CASES = [
    (who, action, where, expected[who][i])
    for where, expected in (("own", EXPECTED_OWN), ("other", EXPECTED_OTHER))
    for who in EXPECTED_OWN
    for i, action in enumerate(ACTIONS)
]


@pytest.mark.parametrize("who, action, where, expected", CASES)
def test_policy_matrix(users, programme, other_programme, who, action, where, expected):
    target = programme if where == "own" else other_programme
    assert policy.allowed(users[who], action, target) is expected


@pytest.mark.parametrize("who", ["programme_team", "secretary"])
def test_staff_in_back_office_roles_administer_their_own_programme_only(
    users, programme, other_programme, who
):
    user = users[who]
    user.is_staff = True
    user.save()
    assert policy.allowed(user, "administer", programme) is True
    assert policy.allowed(user, "administer", other_programme) is False


def test_staff_flag_alone_administers_nothing(users, programme):
    user = users["board"]
    user.is_staff = True
    user.save()
    assert policy.allowed(user, "administer", programme) is False


def test_future_role_gives_nothing_yet(programme, db):
    from datetime import timedelta

    from django.utils import timezone

    from avk.access import Role
    from tests.factories import RoleAssignmentFactory, UserFactory

    user = UserFactory()
    RoleAssignmentFactory(
        programme=programme,
        user=user,
        role=Role.PROGRAMME_TEAM,
        valid_from=timezone.localdate() + timedelta(days=1),
    )
    assert policy.allowed(user, "view", programme) is False


def test_unknown_action_is_an_error(users, programme):
    with pytest.raises(ValueError):
        policy.allowed(users["programme_team"], "fly", programme)


def test_visible_programmes_follow_roles(users, programme, other_programme):
    assert list(policy.programmes_visible_to(users["board"])) == [programme]
    assert list(policy.programmes_visible_to(users["other_team"])) == [other_programme]
    assert list(policy.programmes_visible_to(users["nobody"])) == []
    assert set(policy.programmes_visible_to(users["superuser"])) == {programme, other_programme}


@pytest.mark.parametrize("who", list(EXPECTED_OWN))
def test_the_history_of_a_programme_is_read_by_those_who_read_the_programme(
    users, programme, other_programme, who
):
    for target in (programme, other_programme):
        assert policy.allowed(users[who], "view_history", target) is policy.allowed(
            users[who], "view", target
        )


@pytest.mark.parametrize("who", list(EXPECTED_OWN))
def test_only_a_superuser_creates_a_programme(users, who):
    assert policy.allowed(users[who], "create", None) is (who == "superuser")
