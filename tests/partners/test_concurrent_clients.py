"""20 clients at once: each opened the form, and all post at the same moment, through the pages
as the forms post them (with what they read when they opened it): a new package for the same
partner from a date, and an edit of the same effort. One save wins each; every other one gets
the concurrent-edit message (StaleEdit) and saves nothing; afterwards exactly one commitment is
in force on every day, and nothing is lost or written twice.

Each client is a thread with its own database connection, so this needs PostgreSQL's row
locks: SQLite locks the whole file and serialises the clients, so it skips there."""

import threading
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from partners import services
from partners.models import Commitment
from programme.din.forms.efforts import EffortForm
from programme.din.models import Effort
from tests.factories import EffortFactory


def parallel(test):
    """Marks a test of parallel clients: PostgreSQL only, committed for real."""
    skip = pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs row locks and parallel connections (PostgreSQL); SQLite serialises",
    )
    return skip(pytest.mark.django_db(transaction=True)(test))


CLIENTS = 20
#: The Dutch concurrent-edit message (avk.concurrency.StaleEdit).
STALE = "nadat u het opende"


def _form_post(form) -> dict:
    """What the browser posts for an unchanged form: every field's value as rendered."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        elif value is None:
            data[name] = ""
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, date):
            data[name] = value.strftime("%Y-%m" if name.endswith("_month") else "%Y-%m-%d")
        else:
            data[name] = str(value)
    return data


def _at_once(posts):
    """Run every (client, url, data) post at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(posts))
    answers = [None] * len(posts)

    def run(i, client, url, data):
        from django.db import connection as own

        try:
            barrier.wait()
            answers[i] = client.post(url, data)
        except Exception as error:  # noqa: BLE001 - reported to the test
            answers[i] = error
        finally:
            own.close()

    threads = [threading.Thread(target=run, args=(i, *post)) for i, post in enumerate(posts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    errors = [a for a in answers if isinstance(a, Exception)]
    assert not errors, errors
    return answers


def _team_clients(programme, users):
    """CLIENTS programme-team members, each logged in on their own client."""
    from avk.access import Role
    from tests.factories import RoleAssignmentFactory, UserFactory

    clients = []
    for n in range(CLIENTS):
        user = users["programme_team"] if n == 0 else UserFactory(username=f"team{n}")
        if n:
            RoleAssignmentFactory(programme=programme, user=user, role=Role.PROGRAMME_TEAM)
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


@parallel
def test_twenty_clients_change_the_same_commitment_at_once(users, programme, own, packages):
    clients = _team_clients(programme, users)
    url = reverse("partners:commitment-change", args=[programme.slug, own.pk])
    seen = services.commitments_seen(programme, own)  # what every form holds when opened
    start = timezone.localdate() + timedelta(days=40)
    before = Commitment.objects.filter(partner=own, programme=programme).count()
    posts = []
    for n, client in enumerate(clients):
        package = packages["A"] if n % 2 else packages["C"]
        data = {
            "package": package.pk,
            "valid_from": (start + timedelta(days=n)).isoformat(),  # dates differ too
            "motivation": f"Client {n}",
            "seen": seen,
        }
        posts.append((client, url, data))

    answers = _at_once(posts)

    saved = [a for a in answers if a.status_code == 302]
    refused = [a for a in answers if a.status_code == 200]
    assert len(saved) == 1 and len(refused) == CLIENTS - 1
    for answer in refused:
        page = answer.content.decode()
        assert STALE in page, page[:2000]  # the concurrent-edit message, naming the change
    commitments = Commitment.objects.filter(partner=own, programme=programme)
    assert commitments.count() == before + 1  # nothing lost, nothing written twice
    newest = commitments.order_by("-valid_from").first()
    assert newest.history.count() == 1 and newest.motivation.startswith("Client ")
    day = date(2023, 1, 1)
    while day <= start + timedelta(days=CLIENTS + 5):
        assert commitments.in_force(day).count() == 1, day
        day += timedelta(days=1)
    # the refused form now holds the current state: saving again is a deliberate choice
    again = refused[0].context["form"].data["seen"]
    assert again == services.commitments_seen(programme, own)


@parallel
def test_twenty_clients_edit_the_same_effort_at_once(users, programme):
    effort = EffortFactory(programme=programme, title="Leeragenda")
    version = effort.version
    clients = _team_clients(programme, users)
    url = reverse("programme:din-edit", args=[programme.slug, "effort", effort.pk])
    opened = _form_post(EffortForm(instance=effort, programme=programme))
    assert opened["version"] == str(version)
    posts = [(c, url, {**opened, "title": f"Leeragenda {n}"}) for n, c in enumerate(clients)]

    answers = _at_once(posts)

    saved = [a for a in answers if a.status_code == 302]
    refused = [a for a in answers if a.status_code != 302]
    assert len(saved) == 1, [a.status_code for a in answers]
    assert all(STALE in a.content.decode() for a in refused)
    effort.refresh_from_db()
    assert effort.version == version + 1  # one save, counted once
    assert effort.title.startswith("Leeragenda ")
    edits = effort.history.filter(history_change_reason="din.effort.edited")
    assert edits.count() == 1 and edits.get().title == effort.title
    assert Effort.objects.filter(programme=programme).count() == 1
    assert get_user_model().objects.filter(username__startswith="team").count() == CLIENTS - 1


@pytest.mark.django_db
def test_a_package_form_opened_before_another_change_is_refused_then_saved_deliberately(
    client, users, programme, own, packages
):
    """The same rule one after the other (every database): the form holds what it read."""
    url = reverse("partners:commitment-change", args=[programme.slug, own.pk])
    client.force_login(users["programme_team"])
    opened = client.get(url).context["form"].initial["seen"]
    assert f'name="seen" value="{opened}"' in client.get(url).content.decode()
    start = timezone.localdate() + timedelta(days=40)
    services.commitment_change(  # someone else, meanwhile
        programme=programme,
        partner=own,
        package=packages["C"],
        valid_from=start,
        by=users["secretary"],
    )
    data = {"package": packages["A"].pk, "valid_from": start + timedelta(days=5), "seen": opened}
    refused = client.post(url, data)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert STALE in page
    assert escape(str(users["secretary"])) in page  # names who changed it
    assert Commitment.objects.filter(partner=own, package=packages["A"]).count() == 0
    again = refused.context["form"].data["seen"]
    assert again != opened
    assert client.post(url, {**data, "seen": again}).status_code == 302
    assert Commitment.objects.filter(partner=own, package=packages["A"]).count() == 1
