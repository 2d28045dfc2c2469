"""The partners policy as a matrix: every role x action, own and other partner, own and other
programme, with the answers written out. Then the same answers through HTTP.

Decisions (issue 4): the back office (programme team and secretariat) sees and changes every
partner of its programme, imports and exports; the board reads every partner page (read-only)
but not the list; a partner contact reads and changes only its own organisation (details,
delegation, package from today); readers see the steering group only. Roles in another
programme give nothing here. Superusers may do everything.
"""

import pytest
from django.urls import reverse

from partners import permissions as policy

T, F = True, False

# Programme-wide actions, in `programme`:
#                     view_list export import create view_steering_group
PROGRAMME_ACTIONS = ["view_list", "export", "import", "create", "view_steering_group"]
EXPECTED_PROGRAMME = {
    "programme_team": (T, T, T, T, T),
    "board": (F, F, F, F, T),
    "secretary": (T, T, T, T, T),
    "partner_contact": (F, F, F, F, T),
    "reader": (F, F, F, F, T),
    "other_team": (F, F, F, F, F),
    "former_team": (F, F, F, F, F),
    "nobody": (F, F, F, F, F),
    "superuser": (T, T, T, T, T),
}

# Actions on one partner, in `programme`; "own" is Noorderpoort (the partner contact's), "other"
# is another partner of the same programme.
#             view change change_commitment change_delegation deactivate correct_commitment
PARTNER_ACTIONS = [
    "view",
    "change",
    "change_commitment",
    "change_delegation",
    "deactivate",
    "correct_commitment",
]
EXPECTED_PARTNER = {
    ("programme_team", "own"): (T, T, T, T, T, T),
    ("programme_team", "other"): (T, T, T, T, T, T),
    ("board", "own"): (T, F, F, F, F, F),
    ("board", "other"): (T, F, F, F, F, F),
    ("secretary", "own"): (T, T, T, T, T, T),
    ("secretary", "other"): (T, T, T, T, T, T),
    ("partner_contact", "own"): (T, T, T, T, F, F),
    ("partner_contact", "other"): (F, F, F, F, F, F),
    ("reader", "own"): (F, F, F, F, F, F),
    ("reader", "other"): (F, F, F, F, F, F),
    ("other_team", "own"): (F, F, F, F, F, F),
    ("other_team", "other"): (F, F, F, F, F, F),
    ("former_team", "own"): (F, F, F, F, F, F),
    ("nobody", "own"): (F, F, F, F, F, F),
    ("superuser", "own"): (T, T, T, T, T, T),
    ("superuser", "other"): (T, T, T, T, T, T),
}


@pytest.mark.parametrize(
    "who, action, expected",
    [
        (who, action, answers[i])
        for who, answers in EXPECTED_PROGRAMME.items()
        for i, action in enumerate(PROGRAMME_ACTIONS)
    ],
)
def test_programme_actions(users, programme, who, action, expected):
    assert policy.allowed(users[who], action, programme) is expected


@pytest.mark.parametrize(
    "who, action, expected",
    [
        (who, action, who in ("other_team", "superuser"))
        for who in EXPECTED_PROGRAMME
        for action in PROGRAMME_ACTIONS
    ],
)
def test_programme_actions_in_the_other_programme(users, other_programme, who, action, expected):
    assert policy.allowed(users[who], action, other_programme) is expected


@pytest.mark.parametrize(
    "who, which, action, expected",
    [
        (who, which, action, answers[i])
        for (who, which), answers in EXPECTED_PARTNER.items()
        for i, action in enumerate(PARTNER_ACTIONS)
    ],
)
def test_partner_actions(users, programme, own, other, who, which, action, expected):
    partner = own if which == "own" else other
    assert policy.allowed(users[who], action, (programme, partner)) is expected


def test_a_partner_contacts_role_in_one_programme_gives_nothing_in_another(
    users, programme, other_programme, own
):
    from partners.models import Participation

    Participation.objects.create(programme=other_programme, partner=own)
    contact = users["partner_contact"]
    assert policy.allowed(contact, "change", (programme, own)) is True
    assert policy.allowed(contact, "change", (other_programme, own)) is False
    assert policy.allowed(contact, "view", own) is True  # a bare partner: in any programme


def test_only_the_back_office_may_backdate(users, programme):
    assert policy.can_backdate_commitment(users["programme_team"], programme)
    assert policy.can_backdate_commitment(users["secretary"], programme)
    assert not policy.can_backdate_commitment(users["partner_contact"], programme)


def test_unknown_action_is_an_error(users, programme):
    with pytest.raises(ValueError):
        policy.allowed(users["programme_team"], "fly", programme)


# The same answers through HTTP -------------------------------------------------------------

PAGES = {
    # name: (url name, needs partner, status per who)
    "list": ("partners:list", None),
    "export": ("partners:export-csv", None),
    "import": ("partners:import", None),
    "create": ("partners:partner-create", None),
    "steering": ("partners:steering-group", None),
    "view": ("partners:partner-detail", "partner"),
    "edit": ("partners:partner-edit", "partner"),
    "package": ("partners:commitment-change", "partner"),
    "seat": ("partners:delegation-add", "partner"),
    "deactivate": ("partners:partner-deactivate", "partner"),
}
# 2 = 200, 4 = 403.   list export import create | steering | own: view edit package seat
#                     deactivate | other partner: the same five
HTTP = {
    "programme_team": "2222 2 22222 22222",
    "secretary": "2222 2 22222 22222",
    "board": "4444 2 24444 24444",
    "partner_contact": "4444 2 22224 44444",
    "reader": "4444 2 44444 44444",
    "other_team": "4444 4 44444 44444",
    "nobody": "4444 4 44444 44444",
    "superuser": "2222 2 22222 22222",
}


@pytest.mark.parametrize("who", HTTP)
def test_pages_answer_200_or_403(client, users, programme, own, other, who):
    codes = HTTP[who].replace(" ", "")
    names = ["list", "export", "import", "create", "steering"]
    urls = []
    for name in names:
        url_name = PAGES[name][0]
        urls.append(reverse(url_name, args=[programme.slug]))
    for partner in (own, other):
        for name in ["view", "edit", "package", "seat", "deactivate"]:
            urls.append(reverse(PAGES[name][0], args=[programme.slug, partner.pk]))
    client.force_login(users[who])
    answers = "".join(str(client.get(url).status_code)[0] for url in urls)
    assert answers == codes, list(zip(urls, answers, codes, strict=True))


def test_my_organisation_is_only_for_partner_contacts(client, users, programme, own):
    url = reverse("partners:mine", args=[programme.slug])
    for who, status in [
        ("partner_contact", 200),
        ("programme_team", 403),
        ("board", 403),
        ("other_team", 403),
        ("nobody", 403),
    ]:
        client.force_login(users[who])
        assert client.get(url).status_code == status, who


def test_a_partner_of_another_programme_is_not_found_in_this_one(
    client, users, programme, elsewhere
):
    client.force_login(users["programme_team"])
    url = reverse("partners:partner-detail", args=[programme.slug, elsewhere.pk])
    assert client.get(url).status_code == 404


def test_the_short_partner_address_redirects_to_a_programme_the_person_may_see(
    client, users, programme, own
):
    client.force_login(users["board"])
    response = client.get(reverse("partners:detail", args=[own.pk]))
    assert response.status_code == 302
    assert response.url == reverse("partners:partner-detail", args=[programme.slug, own.pk])
    client.force_login(users["nobody"])
    assert client.get(reverse("partners:detail", args=[own.pk])).status_code == 403
