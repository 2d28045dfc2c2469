"""DIN pages: access matrix, in-place editing (htmx and plain posts), reordering, removal with a
choice, concurrent-edit refusal, history sections, query counts of the overview."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from partners.models import Participation
from programme.din import services
from programme.models import Effort, EffortGoal, OperationalGoal
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    PartnerFactory,
    StrategicGoalFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def din(programme, users):
    team = users["programme_team"]
    line = services.line_create(programme=programme, by=team, name="De Doelgroep")
    sgoal = services.strategic_goal_create(line=line, by=team, title="Kansrijk perspectief")
    a = services.operational_goal_create(strategic_goal=sgoal, by=team, title="Vroeg in beeld")
    b = services.operational_goal_create(strategic_goal=sgoal, by=team, title="Beter bereikt")
    effort = services.effort_create(
        programme=programme, by=team, title="Vroegsignalering", goals=[(a, "hoog")]
    )
    indicator = IndicatorFactory(goal=a, name="Leeragenda's")
    group = WorkingGroupFactory(programme=programme, name="Communicatie")
    return {
        "line": line,
        "sgoal": sgoal,
        "a": a,
        "b": b,
        "effort": effort,
        "indicator": indicator,
        "group": group,
    }


def read_urls(programme, din):
    return [
        reverse("programme:din", args=[programme.slug]),
        reverse("programme:din-health", args=[programme.slug]),
        reverse("programme:din-export", args=[programme.slug]),
        reverse("programme:workinggroups", args=[programme.slug]),
        reverse("programme:effort-detail", args=[din["effort"].pk]),
        reverse("programme:workinggroup-detail", args=[din["group"].pk]),
        reverse("programme:indicator-detail", args=[din["indicator"].pk]),
    ]


def change_urls(programme, din):
    slug = programme.slug
    return [
        reverse("programme:din-add", args=[slug, "line"]),
        reverse("programme:din-add", args=[slug, "operational"]) + f"?parent={din['sgoal'].pk}",
        reverse("programme:din-edit", args=[slug, "operational", din["a"].pk]),
        reverse("programme:din-edit", args=[slug, "effort", din["effort"].pk]),
        reverse("programme:din-delete", args=[slug, "line", din["line"].pk]),
        reverse("programme:din-import", args=[slug]),
        reverse("programme:workinggroup-add", args=[slug]),
        reverse("programme:workinggroup-edit", args=[din["group"].pk]),
    ]


# Who reads and who changes the DIN of `programme` (written out per role).
READ = {
    "programme_team": 200,
    "board": 200,
    "secretary": 200,
    "partner_contact": 200,
    "reader": 200,
    "superuser": 200,
    "other_team": 403,
    "nobody": 403,
    "former_team": 403,
}
CHANGE = {
    "programme_team": 200,
    "superuser": 200,
    "board": 403,
    "secretary": 403,
    "partner_contact": 403,
    "reader": 403,
    "other_team": 403,
    "nobody": 403,
    "former_team": 403,
}


@pytest.mark.parametrize("who", list(READ))
def test_read_access(client, users, programme, din, who):
    client.force_login(users[who])
    for url in read_urls(programme, din):
        assert client.get(url).status_code == READ[who], url


@pytest.mark.parametrize("who", list(CHANGE))
def test_change_access(client, users, programme, din, who):
    client.force_login(users[who])
    for url in change_urls(programme, din):
        assert client.get(url).status_code == CHANGE[who], url
    move = reverse("programme:din-move", args=[programme.slug, "operational", din["b"].pk])
    assert client.post(move, {"direction": "up"}).status_code == (
        302 if CHANGE[who] == 200 else 403
    )


def test_change_buttons_only_for_the_team(client, users, programme, din):
    url = reverse("programme:din", args=[programme.slug])
    # the overview is folded: a goal's efforts come with it when it opens (htmx)
    efforts = reverse("programme:din-goal-efforts", args=[programme.slug, din["a"].pk])
    client.force_login(users["reader"])
    assert "omhoog" not in client.get(url).content.decode()
    assert "bewerken" not in client.get(efforts, **HX).content.decode()
    client.force_login(users["programme_team"])
    page = client.get(url).content.decode()
    assert "omhoog" in page and "Vroegsignalering" not in page
    fragment = client.get(efforts, **HX).content.decode()
    assert "Vroegsignalering" in fragment
    assert f'data-din-menu="effort {din["effort"].pk} change"' in fragment


def test_policy_allowed_for_din_objects(users, programme, din):
    from programme.din.permissions import allowed

    for obj in [din["line"], din["a"], din["effort"], din["group"], din["indicator"]]:
        assert allowed(users["reader"], "view_din", obj)
        assert not allowed(users["reader"], "change_din", obj)
        assert allowed(users["programme_team"], "change_din", obj)
        assert not allowed(users["other_team"], "view_din", obj)
    m = MeasurementFactory(indicator=din["indicator"], status="concept")
    assert allowed(users["programme_team"], "review_measurement", m)
    assert not allowed(users["board"], "review_measurement", m)
    assert allowed(users["programme_team"], "enter_measurement", din["indicator"])
    assert not allowed(users["board"], "enter_measurement", din["indicator"])


def test_htmx_edit_form_into_the_row_and_save_rerenders_the_tree(client, users, programme, din):
    client.force_login(users["programme_team"])
    url = reverse("programme:din-edit", args=[programme.slug, "operational", din["a"].pk])
    form = client.get(url, **HX)
    html = form.content.decode()
    assert form.status_code == 200 and "<html" not in html
    assert 'hx-post="' + url in html and "Vroeg in beeld" in html
    # a validation message next to the field, nothing saved
    bad = client.post(url, {"title": "", "description": "", "version": 1}, **HX)
    assert bad.status_code == 200 and "is-invalid" in bad.content.decode()
    assert "Dit veld is verplicht" in bad.content.decode()
    ok = client.post(url, {"title": "Vroegtijdig in beeld", "description": "", "version": 1}, **HX)
    assert ok["HX-Retarget"] == "#din-tree"
    assert "Vroegtijdig in beeld" in ok.content.decode()
    goal = OperationalGoal.objects.get(pk=din["a"].pk)
    assert goal.title == "Vroegtijdig in beeld" and goal.version == 2
    record = goal.history.first()
    assert (record.history_user, record.history_change_reason) == (
        users["programme_team"],
        "din.operational_goal.edited",
    )


def test_add_goal_and_effort_with_htmx_and_without_js(client, users, programme, din):
    client.force_login(users["programme_team"])
    slug = programme.slug
    url = reverse("programme:din-add", args=[slug, "operational"])
    response = client.post(url, {"parent": din["sgoal"].pk, "title": "Nieuw doel"}, **HX)
    assert response.status_code == 200 and "Nieuw doel" in response.content.decode()
    new = OperationalGoal.objects.get(title="Nieuw doel")
    assert new.order == 2
    response = client.post(url, {"parent": din["sgoal"].pk, "title": "Zonder JS"})
    assert response.status_code == 302 and "#operational-" in response["Location"]
    effort_url = reverse("programme:din-add", args=[slug, "effort"])
    assert client.get(effort_url + f"?parent={new.pk}").status_code == 200
    response = client.post(
        effort_url,
        {
            "title": "Netwerkcafé",
            "status": "gepland",
            "progress": 0,
            f"goal_{new.pk}": "hoog",
            "start_month": "2024-01",
            "end_month": "2024-06",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    effort = Effort.objects.get(title="Netwerkcafé")
    assert list(effort.goal_links.values_list("goal__title", "contribution")) == [
        ("Nieuw doel", "hoog")
    ]
    assert str(effort.start_month) == "2024-01-01"
    # a goal of another programme is not even offered: posting it links nothing
    foreign = OperationalGoalFactory()
    form = client.get(effort_url).content.decode()
    assert f"goal_{foreign.pk}" not in form and f'name="goal_{new.pk}"' in form
    client.post(
        effort_url, {"title": "X", "status": "idee", "progress": 0, f"goal_{foreign.pk}": "hoog"}
    )
    assert not EffortGoal.objects.filter(goal=foreign).exists()


def test_reorder_with_htmx_and_plain_post(client, users, programme, din):
    client.force_login(users["programme_team"])
    url = reverse("programme:din-move", args=[programme.slug, "operational", din["b"].pk])
    response = client.post(url, {"direction": "up"}, **HX)
    html = response.content.decode()
    assert html.index("Beter bereikt") < html.index("Vroeg in beeld")
    assert "data-din-focus" in html
    assert list(din["sgoal"].operational_goals.order_by("order").values_list("order", "title")) == [
        (0, "Beter bereikt"),
        (1, "Vroeg in beeld"),
    ]
    response = client.post(url, {"direction": "down"})
    assert response.status_code == 302
    assert din["sgoal"].operational_goals.order_by("order").first().title == "Vroeg in beeld"


def test_removing_a_goal_with_efforts_asks_what_to_do(client, users, programme, din):
    client.force_login(users["programme_team"])
    url = reverse("programme:din-delete", args=[programme.slug, "operational", din["a"].pk])
    page = client.get(url).content.decode()
    assert "Vroegsignalering" in page and 'name="efforts"' in page
    response = client.post(url, {})
    assert response.status_code == 200 and OperationalGoal.objects.filter(pk=din["a"].pk).exists()
    response = client.post(url, {"efforts": "move", "move_to": din["b"].pk})
    assert response.status_code == 302
    assert EffortGoal.objects.get(effort=din["effort"]).goal == din["b"]
    # a line with children is refused with a Dutch message
    line_url = reverse("programme:din-delete", args=[programme.slug, "line", din["line"].pk])
    response = client.post(line_url, follow=True)
    assert "heeft nog strategische doelen" in response.content.decode()


def test_concurrent_edit_of_an_effort_is_refused(client, users, programme, din):
    client.force_login(users["programme_team"])
    effort = din["effort"]
    url = reverse("programme:din-edit", args=[programme.slug, "effort", effort.pk])
    services.effort_update(
        effort_id=effort.pk, version=1, by=users["superuser"], title="Vroegsignalering 2.0"
    )
    response = client.post(
        url,
        {
            "title": "Mijn titel",
            "status": "lopend",
            "progress": 10,
            f"goal_{din['a'].pk}": "hoog",
            "version": 1,
        },
        **HX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vroegsignalering 2.0" in html and "niet opgeslagen" in html
    assert Effort.objects.get(pk=effort.pk).title == "Vroegsignalering 2.0"
    assert 'name="version" value="2"' in html  # saving again is a deliberate choice


def test_concurrent_edit_of_a_goal_is_refused(client, users, programme, din):
    from avk.concurrency import StaleEdit

    goal = din["a"]
    services.operational_goal_update(goal_id=goal.pk, version=1, by=users["superuser"], title="X")
    with pytest.raises(StaleEdit) as stale:
        services.operational_goal_update(
            goal_id=goal.pk, version=1, by=users["programme_team"], title="Y"
        )
    assert ("titel", "Vroeg in beeld", "X") in stale.value.changes
    client.force_login(users["programme_team"])
    url = reverse("programme:din-edit", args=[programme.slug, "operational", goal.pk])
    response = client.post(url, {"title": "Y", "version": 1})
    assert "Vroeg in beeld" in response.content.decode()
    assert OperationalGoal.objects.get(pk=goal.pk).title == "X"


def test_history_sections_show_who_and_what(client, users, programme, din):
    team = users["programme_team"]
    services.effort_update(effort_id=din["effort"].pk, version=1, by=team, title="Nieuwe titel")
    client.force_login(users["reader"])
    page = client.get(reverse("programme:effort-detail", args=[din["effort"].pk])).content.decode()
    assert "Geschiedenis van wijzigingen" in page
    assert "Vroegsignalering" in page and "Nieuwe titel" in page and escape(str(team)) in page
    page = client.get(
        reverse("programme:indicator-detail", args=[din["indicator"].pk])
    ).content.decode()
    assert "Geschiedenis van wijzigingen" in page
    page = client.get(
        reverse("programme:workinggroup-detail", args=[din["group"].pk])
    ).content.decode()
    assert "Geschiedenis van wijzigingen" in page
    services.operational_goal_update(goal_id=din["a"].pk, version=1, by=team, title="Eerder")
    url = reverse("programme:din-history", args=[programme.slug, "operational", din["a"].pk])
    page = client.get(url).content.decode()
    assert "Vroeg in beeld" in page and "Eerder" in page and "Operationeel doel bewerkt" in page
    client.force_login(users["other_team"])
    assert client.get(url).status_code == 403


def test_measurement_workflow_through_the_pages(
    client, users, programme, din, django_capture_on_commit_callbacks
):
    from django.core import mail

    indicator = din["indicator"]
    indicator.owner = users["reader"]
    indicator.save()
    client.force_login(users["reader"])
    url = reverse("programme:measurement-add", args=[indicator.pk])
    response = client.post(url, {"period_label": "2024", "period_end": "2024-12-31", "value": "2"})
    assert response.status_code == 302
    m = indicator.measurements.get()
    assert m.status == "concept"
    client.force_login(users["board"])
    review = reverse("programme:measurement-review", args=[m.pk])
    assert client.post(review, {"decision": "approve", "version": 1}).status_code == 403
    client.force_login(users["programme_team"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"decision": "return", "version": 1, "remark": "Bron?"})
    m.refresh_from_db()
    assert m.status == "teruggestuurd" and len(mail.outbox) == 1
    client.force_login(users["reader"])
    client.post(
        reverse("programme:measurement-resubmit", args=[m.pk]),
        {
            "version": 2,
            "period_label": "2024",
            "period_end": "2024-12-31",
            "value": "2",
            "source": "Jaarverslag",
        },
    )
    m.refresh_from_db()
    assert m.status == "concept" and m.source == "Jaarverslag"
    client.force_login(users["programme_team"])
    client.post(review, {"decision": "approve", "version": m.version})
    m.refresh_from_db()
    assert m.status == "goedgekeurd"


def build(programme, n):
    partners = PartnerFactory.create_batch(5)
    for p in partners:
        Participation.objects.get_or_create(programme=programme, partner=p)
    groups = [WorkingGroupFactory(programme=programme) for _ in range(3)]
    goals = [
        OperationalGoalFactory(strategic_goal=StrategicGoalFactory(line__programme=programme))
        for _ in range(4)
    ]
    for goal in goals:
        MeasurementFactory(indicator=IndicatorFactory(goal=goal))
    for i in range(n):
        effort = EffortFactory(programme=programme, lead_user=None)
        EffortGoalFactory(effort=effort, goal=goals[i % 4])
        EffortGoalFactory(effort=effort, goal=goals[(i + 1) % 4], contribution="laag")
        EffortPartnerFactory(effort=effort, partner=partners[i % 5], role="trekker")
        EffortPartnerFactory(effort=effort, partner=partners[(i + 2) % 5])
        effort.capitals.create(form="sociaal")
        groups[i % 3].efforts.add(effort)
    EffortFactory(programme=programme)  # one without a goal


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_overview_query_count_is_flat_from_10_to_500_efforts(
    client, users, programme, django_assert_max_num_queries
):
    client.force_login(users["programme_team"])
    url = reverse("programme:din", args=[programme.slug])
    build(programme, 10)
    small = count_queries(client, url)
    filtered = count_queries(client, url + "?status=lopend&capital=sociaal")
    build(programme, 490)
    with django_assert_max_num_queries(small):
        client.get(url)
    with django_assert_max_num_queries(filtered):
        client.get(url + "?status=lopend&capital=sociaal")
    health = reverse("programme:din-health", args=[programme.slug])
    with django_assert_max_num_queries(20):
        client.get(health)
