"""The admin writes through the services: packages and their items, "delete selected" of
delegation members; the delegation admin refuses a partner or login from outside the programme
and offers the back office a plain select of logins instead of the superuser-only autocomplete."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partners import services
from partners.models import CommitmentPackage, DelegationMember, PackageItem
from tests.factories import DelegationMemberFactory
from tests.partners.test_admin import ALL, make_staff


def _items(package):
    items = list(package.items.order_by("order", "pk"))
    data = {
        "items-TOTAL_FORMS": str(len(items) + 1),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for number, item in enumerate(items):
        data.update(
            {
                f"items-{number}-id": str(item.pk),
                f"items-{number}-package": str(package.pk),
                f"items-{number}-order": str(item.order),
                f"items-{number}-text": item.text,
                f"items-{number}-rule": item.rule,
            }
        )
    return items, data


def test_a_package_and_its_items_are_edited_through_the_services(client, users, packages):
    user = users["superuser"]
    client.force_login(user)
    package = packages["A"]
    items, data = _items(package)
    last = len(items)
    data.update(
        {
            "programme": str(package.programme_id),
            "code": "A",
            "name": "Kernpartner plus",
            "yearly_contribution": "6500.00",
            "steering_group_seat": "on",
            "order": "1",
            "items-0-text": "Volledige delegatie (5 zetels)",
            "items-1-DELETE": "on",
            f"items-{last}-order": "9",
            f"items-{last}-text": "Nieuw punt",
            f"items-{last}-package": str(package.pk),
        }
    )
    url = reverse("admin:partners_commitmentpackage_change", args=[package.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    package.refresh_from_db()
    assert package.name == "Kernpartner plus"
    record = package.history.first()
    assert (record.history_user, record.history_change_reason) == (
        user,
        "admin.edited",
    )
    edited = PackageItem.objects.get(pk=items[0].pk)
    assert edited.text == "Volledige delegatie (5 zetels)"
    assert (edited.history.first().history_user, edited.history.first().history_change_reason) == (
        user,
        "package_item.edited",
    )
    assert not PackageItem.objects.filter(pk=items[1].pk).exists()
    removed = PackageItem.history.filter(id=items[1].pk).first()
    assert (removed.history_type, removed.history_user) == ("-", user)
    new = PackageItem.objects.get(text="Nieuw punt")
    assert (new.package, new.history.first().history_user) == (package, user)


def test_a_package_is_added_through_the_service(client, users, programme):
    user = users["superuser"]
    client.force_login(user)
    response = client.post(
        reverse("admin:partners_commitmentpackage_add"),
        {
            "programme": str(programme.pk),
            "code": "D",
            "name": "Vriend",
            "yearly_contribution": "250.00",
            "order": "4",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
            "items-0-order": "1",
            "items-0-text": "Nieuwsbrief",
            "items-0-gives": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    package = CommitmentPackage.objects.get(programme=programme, code="D")
    assert package.history.first().history_user == user
    assert package.history.first().history_change_reason == "package.created"
    assert package.items.get().history.first().history_user == user


def test_delete_selected_removes_delegation_members_through_the_service(
    client, users, programme, own
):
    members = DelegationMemberFactory.create_batch(
        2, programme=programme, partner=own, level="manager"
    )
    user = users["superuser"]
    client.force_login(user)
    response = client.post(
        reverse("admin:partners_delegationmember_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [str(m.pk) for m in members],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not DelegationMember.objects.filter(pk__in=[m.pk for m in members]).exists()
    for member in members:
        record = DelegationMember.history.filter(id=member.pk).first()
        assert (record.history_type, record.history_user, record.history_change_reason) == (
            "-",
            user,
            "delegation.removed",
        )


def test_the_service_refuses_a_partner_of_another_programme(users, programme, elsewhere):
    with pytest.raises(ValidationError, match="neemt niet deel aan"):
        services.delegation_member_add(
            programme=programme,
            partner=elsewhere,
            by=users["superuser"],
            level="manager",
            name="Verkeerd",
        )
    assert not DelegationMember.objects.filter(name="Verkeerd").exists()


def test_the_delegation_admin_refuses_a_partner_of_another_programme(
    client, users, programme, other_programme, own, elsewhere
):
    client.force_login(users["superuser"])
    response = client.post(
        reverse("admin:partners_delegationmember_add"),
        {"programme": programme.pk, "partner": elsewhere.pk, "level": "manager", "name": "X"},
    )
    assert response.status_code == 200
    assert "Gemeente Landerd neemt niet deel aan" in response.content.decode()
    assert not DelegationMember.objects.filter(name="X").exists()


def test_the_back_office_chooses_logins_of_its_programme_without_autocomplete(
    client, users, programme, own
):
    client.force_login(make_staff(users["programme_team"], *ALL))
    url = reverse("admin:partners_delegationmember_add")
    page = client.get(url)
    assert page.status_code == 200
    field = page.context["adminform"].form.fields["user"]
    offered = {u.username for u in field.queryset}
    assert {"programme_team", "partner_contact", "reader"} <= offered
    assert not offered & {"other_team", "nobody", "former_team"}
    assert "admin-autocomplete" not in page.content.decode()
    response = client.post(
        url,
        {
            "programme": programme.pk,
            "partner": own.pk,
            "level": "manager",
            "name": "Met login",
            "user": users["reader"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert DelegationMember.objects.get(name="Met login").user == users["reader"]


def test_a_login_without_a_role_in_the_programme_is_refused(client, users, programme, own):
    client.force_login(users["superuser"])
    response = client.post(
        reverse("admin:partners_delegationmember_add"),
        {
            "programme": programme.pk,
            "partner": own.pk,
            "level": "manager",
            "name": "Buitenstaander",
            "user": users["other_team"].pk,
        },
    )
    assert response.status_code == 200
    assert "heeft geen rol in" in response.content.decode()
    assert not DelegationMember.objects.filter(name="Buitenstaander").exists()


def test_removing_a_package_records_its_items_as_removed_items(users, packages):
    package = packages["C"]
    item = services.package_item_add(
        package=package, by=users["programme_team"], text="Nieuwsbrief", gives=True
    )
    services.package_delete(package_id=package.pk, by=users["programme_team"])
    assert not PackageItem.objects.filter(pk=item.pk).exists()
    record = PackageItem.history.filter(id=item.pk).first()
    assert (record.history_type, record.history_change_reason) == ("-", "package_item.removed")
    record = CommitmentPackage.history.filter(id=package.pk).first()
    assert (record.history_type, record.history_change_reason) == ("-", "package.removed")
