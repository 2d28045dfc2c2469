"""The admin shows staff only the rows of programmes where their role allows it."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from programme.models import RoleAssignment


def make_staff(user, *codenames):
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def test_staff_see_only_their_programme(client, users, programme, other_programme):
    user = make_staff(
        users["programme_team"], "view_programme", "change_programme", "view_roleassignment"
    )
    client.force_login(user)
    page = client.get(reverse("admin:programme_programme_changelist")).content.decode()
    assert programme.name in page and other_programme.name not in page
    own = client.get(reverse("admin:programme_programme_change", args=[programme.pk]))
    assert own.status_code == 200
    other = client.get(reverse("admin:programme_programme_change", args=[other_programme.pk]))
    assert other.status_code == 302  # Django's admin: "does not exist", back to the index
    roles = client.get(reverse("admin:programme_roleassignment_changelist")).content.decode()
    assert str(users["other_team"]) not in roles


def test_secretariat_may_view_but_not_change_the_programme(client, users, programme):
    user = make_staff(users["secretary"], "view_programme", "change_programme")
    client.force_login(user)
    url = reverse("admin:programme_programme_change", args=[programme.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    assert client.post(url, {"name": "Gekaapt"}).status_code == 403


def test_staff_without_model_permissions_see_nothing(client, users):
    user = make_staff(users["programme_team"])
    client.force_login(user)
    response = client.get(reverse("admin:programme_programme_changelist"))
    assert response.status_code == 403


def test_roles_cannot_be_deleted_in_the_admin(client, users, programme):
    client.force_login(users["superuser"])
    assignment = RoleAssignment.objects.filter(programme=programme).first()
    url = reverse("admin:programme_roleassignment_delete", args=[assignment.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_staff_cannot_add_rows_where_their_role_does_not_allow_changes(client, users, programme):
    """A secretariat member with every add permission still cannot make themselves
    programme team, nor add DIN rows (the DIN is the programme team's)."""
    user = make_staff(
        users["secretary"],
        "add_roleassignment",
        "view_roleassignment",
        "add_programmeline",
        "view_programmeline",
    )
    client.force_login(user)
    response = client.post(
        reverse("admin:programme_roleassignment_add"),
        {
            "programme": programme.pk,
            "user": user.pk,
            "role": "programmateam",
            "valid_from": "2024-01-01",
        },
    )
    assert response.status_code == 403
    assert not RoleAssignment.objects.filter(user=user, role="programmateam").exists()
    response = client.post(
        reverse("admin:programme_programmeline_add"),
        {"programme": programme.pk, "name": "Ingeslopen lijn"},
    )
    assert response.status_code == 403
    from programme.models import ProgrammeLine

    assert not ProgrammeLine.objects.filter(name="Ingeslopen lijn").exists()


def test_team_adds_rows_only_in_its_own_programme(client, users, programme, other_programme):
    from programme.models import ProgrammeLine

    user = make_staff(users["programme_team"], "add_programmeline", "view_programmeline")
    client.force_login(user)
    url = reverse("admin:programme_programmeline_add")
    page = client.get(url).content.decode()
    assert f'value="{programme.pk}"' in page and f'value="{other_programme.pk}"' not in page
    client.post(url, {"programme": other_programme.pk, "name": "Elders"})
    assert not ProgrammeLine.objects.filter(name="Elders").exists()
    assert client.post(url, {"programme": programme.pk, "name": "Eigen lijn"}).status_code == 302
    line = ProgrammeLine.objects.get(name="Eigen lijn")
    assert line.history.first().history_user == user


def test_admin_refuses_to_save_over_a_newer_version(client, users, programme):
    from programme.core.services import programme_update

    user = make_staff(users["programme_team"], "view_programme", "change_programme")
    client.force_login(user)
    url = reverse("admin:programme_programme_change", args=[programme.pk])
    opened = programme.version
    programme_update(
        programme_id=programme.pk, version=opened, by=users["superuser"], ambition="Nieuwer"
    )
    data = {
        "name": programme.name,
        "short_name": programme.short_name,
        "slug": programme.slug,
        "ambition": "Mijn oudere tekst",
        "start_date": "2023-01-01",
        "horizon_years": 20,
        "version": opened,
        "phases-TOTAL_FORMS": 0,
        "phases-INITIAL_FORMS": 0,
        "steering_forms-TOTAL_FORMS": 0,
        "steering_forms-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "niet opgeslagen" in response.content.decode()
    programme.refresh_from_db()
    assert programme.ambition == "Nieuwer"
