from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from programme.models import Programme, ProgrammePhase, RoleAssignment

User = get_user_model()


def counts():
    return (
        User.objects.count(),
        Programme.objects.count(),
        ProgrammePhase.objects.count(),
        RoleAssignment.objects.count(),
    )


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_prints_the_accounts(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
    printed = out.getvalue()
    for username in ["admin", "programmateam", "bestuur", "secretaris", "partner", "landerd"]:
        assert username in printed
        assert User.objects.get(username=username).check_password("avk-demo")
    assert "avk-demo" in printed


@pytest.mark.django_db
def test_demo_roles_match_the_readme(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    roles = set(RoleAssignment.objects.values_list("user__username", "programme__slug", "role"))
    assert {
        ("programmateam", "avk", "programmateam"),
        ("bestuur", "avk", "bestuur"),
        ("secretaris", "avk", "secretariaat"),
        ("partner", "avk", "partnercontact"),  # for Noorderpoort
        ("landerd", "landerd", "programmateam"),
    } <= roles
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="programmateam").is_staff
    avk = Programme.objects.get(slug="avk")
    assert avk.horizon_years == 20 and avk.start_date.year == 2023
    assert avk.phases.in_force().first().phase == "uitvoering"
    assert avk.steering_forms.in_force().first().steering_form == "regie"
    landerd = Programme.objects.get(slug="landerd")
    assert landerd.phases.in_force().first().phase == "definitie"


@pytest.mark.django_db
def test_load_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=StringIO())
    assert Programme.objects.count() == 0
    call_command("load_demo", "--force", stdout=StringIO())
    assert Programme.objects.count() == 2
