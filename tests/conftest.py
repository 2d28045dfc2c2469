"""Shared fixtures: users per role in two programmes, and the browser harness.

Browser tests drive Debian's Chromium (/usr/bin/chromium) through pytest-playwright against
pytest-django's live server. Without Chromium they skip with a reason, unless
AVK_REQUIRE_BROWSER=true (CI), where a missing browser fails them.
"""

import os
import shutil

import factory.random
import pytest

from avk.access import Role
from tests.factories import (
    PartnerFactory,
    ProgrammeFactory,
    RoleAssignmentFactory,
    UserFactory,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright keeps a loop running

CHROMIUM = os.environ.get("AVK_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _same_fake_data_every_run(request):
    """Seed factory_boy's Faker by the test's name: a test gets the same names every run,
    whichever worker runs it and in whatever order, so a failure that depends on a name
    (an apostrophe, say) shows every time and can be repeated."""
    factory.random.reseed_random(request.node.nodeid)


REQUIRE_BROWSER = os.environ.get("AVK_REQUIRE_BROWSER", "").lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def _browser_done_before_the_database_is_emptied(request):
    """A browser test may end while its page still has a request at the live server (htmx
    after the last key press). Emptying the database then fails on SQLite ("database table
    is locked") and leaves rows that break the next test. So the page's requests are let finish
    first: this fixture takes the live server and the page, so it is torn down before them."""
    if not {"live_server", "page"} <= set(request.fixturenames):
        yield
        return
    request.getfixturevalue("live_server")
    page = request.getfixturevalue("page")
    yield
    for open_page in page.context.pages:
        try:
            open_page.wait_for_load_state("networkidle", timeout=5000)
        except Exception:  # noqa: BLE001 - a closed or crashed page has nothing in flight
            continue


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # As a Dutch user's browser: Dutch date inputs and number formats.
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if REQUIRE_BROWSER:
        return  # let them fail loudly: CI must run the browser tests
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def programme(db):
    return ProgrammeFactory(slug="avk", short_name="AVK", name="Alliantie van Kracht")


@pytest.fixture
def other_programme(db):
    return ProgrammeFactory(slug="landerd", short_name="Landerd", name="Landerd")


def own_partner(programme):
    """The partner organisation that the `partner_contact` user speaks for."""
    from partners.models import Participation

    partner = PartnerFactory(name="Noorderpoort", kind="onderwijs")
    Participation.objects.get_or_create(programme=programme, partner=partner)
    return partner


ROLE_USERS = {
    "programme_team": Role.PROGRAMME_TEAM,
    "board": Role.BOARD,
    "secretary": Role.SECRETARIAT,
    "partner_contact": Role.PARTNER_CONTACT,
    "reader": Role.READER,
}

# Every user of the `users` fixture has a Dutch name with an apostrophe, as many people in the
# north do, so that a test which looks for a name in a page has to allow for HTML escaping
# ("van 't Hof" is written "van &#x27;t Hof") every time, not only when Faker happens to pick
# such a name.
USER_NAMES = {
    "programme_team": ("Anouk", "van 't Hof"),
    "board": ("Milo", "d'Ancona"),
    "secretary": ("Fenna", "van 't Houteveen"),
    "partner_contact": ("Sjoerd", "'t Hart"),
    "reader": ("Ineke", "van 't Zand"),
    "other_team": ("Jelle", "d'Oliveira"),
    "nobody": ("Noor", "van 't Veld"),
    "superuser": ("Ada", "'s-Gravesande"),
    "former_team": ("Rik", "van 't Oever"),
}


def named_user(username, **fields):
    first_name, last_name = USER_NAMES[username]
    return UserFactory(username=username, first_name=first_name, last_name=last_name, **fields)


@pytest.fixture
def users(programme, other_programme):
    """One user per role in `programme`, plus: the other programme's team, a user without
    any role, a superuser, and a former team member whose role has ended."""
    from datetime import timedelta

    from django.utils import timezone

    found = {}
    for key, role in ROLE_USERS.items():
        found[key] = named_user(key)
        partner = own_partner(programme) if role == Role.PARTNER_CONTACT else None
        RoleAssignmentFactory(programme=programme, user=found[key], role=role, partner=partner)
    found["other_team"] = named_user("other_team")
    RoleAssignmentFactory(
        programme=other_programme, user=found["other_team"], role=Role.PROGRAMME_TEAM
    )
    found["nobody"] = named_user("nobody")
    found["superuser"] = named_user("superuser", is_superuser=True, is_staff=True)
    found["former_team"] = named_user("former_team")
    today = timezone.localdate()
    RoleAssignmentFactory(
        programme=programme,
        user=found["former_team"],
        role=Role.PROGRAMME_TEAM,
        valid_from=today - timedelta(days=400),
        valid_until=today - timedelta(days=1),
    )
    return found
