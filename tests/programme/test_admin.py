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
