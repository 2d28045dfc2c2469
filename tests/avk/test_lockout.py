from django.conf import settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_wrong_password_gives_a_dutch_error(client, db):
    UserFactory(username="anna")
    response = login(client, "anna", "wrong")
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, db):
    UserFactory(username="anna")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "anna", "wrong")
    response = login(client, "anna", TEST_PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tijdelijk geblokkeerd" in page
    assert "30 minuten" in page
    assert "_auth_user_id" not in client.session


def test_the_address_is_locked_for_other_accounts_too(client, db):
    UserFactory(username="anna")
    UserFactory(username="bram")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"guess{attempt}", "wrong")
    assert login(client, "bram", TEST_PASSWORD).status_code == 429


def test_a_good_login_before_the_limit_resets_the_count(client, db):
    UserFactory(username="anna")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "anna", "wrong")
    assert login(client, "anna", TEST_PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "anna", "wrong")
    assert login(client, "anna", TEST_PASSWORD).status_code == 302
