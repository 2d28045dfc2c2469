"""The folded DIN overview: lines and goals with counts and progress but no efforts, a goal's
efforts loaded when it opens (a fragment), each effort described once (under its home goal),
a jump list, menus only with what the person may do, and a bounded number of queries and a page
size that does not grow with the number of efforts."""

from datetime import date

import pytest
from django.urls import reverse

from partners.models import Participation
from programme.din import selectors
from programme.din.selectors import outline
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    PartnerFactory,
    ProgrammeLineFactory,
    StrategicGoalFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def overview_url(programme):
    return reverse("programme:din", args=[programme.slug])


def goal_url(programme, goal):
    return reverse("programme:din-goal-efforts", args=[programme.slug, goal.pk])


def grow(programme, *, lines, efforts_per_goal):
    """`lines` lines of one strategic goal with three operational goals (one indicator with a
    measurement each), and per goal `efforts_per_goal` efforts that also serve the next goal,
    with partners, a capital and a working group; plus one effort without a goal."""
    partners = PartnerFactory.create_batch(3)
    for partner in partners:
        Participation.objects.get_or_create(programme=programme, partner=partner)
    group = WorkingGroupFactory(programme=programme)
    goals = []
    for _ in range(lines):
        sgoal = StrategicGoalFactory(line=ProgrammeLineFactory(programme=programme))
        for _ in range(3):
            goal = OperationalGoalFactory(strategic_goal=sgoal)
            MeasurementFactory(indicator=IndicatorFactory(goal=goal))
            goals.append(goal)
    for i, goal in enumerate(goals):
        for j in range(efforts_per_goal):
            effort = EffortFactory(programme=programme, lead_user=None)
            EffortGoalFactory(effort=effort, goal=goal, contribution="hoog")
            EffortGoalFactory(effort=effort, goal=goals[(i + 1) % len(goals)], contribution="laag")
            EffortPartnerFactory(effort=effort, partner=partners[j % 3], role="trekker")
            EffortPartnerFactory(effort=effort, partner=partners[(j + 1) % 3])
            effort.capitals.create(form="sociaal")
            group.efforts.add(effort)
    EffortFactory(programme=programme)
    return goals


def count_queries(client, url, **extra):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(ctx)


# --- size: queries and bytes ---------------------------------------------------------------------


def test_page_and_fragment_queries_do_not_grow_with_the_din(client, users, programme):
    """At two sizes (3 goals with 2 efforts each; 12 goals, most with 8 efforts) the page, the
    filtered page, a goal's fragment and the unlinked fragment run as many queries."""
    client.force_login(users["programme_team"])
    goals = grow(programme, lines=1, efforts_per_goal=2)
    url = overview_url(programme)
    filtered = url + "?status=lopend&capital=sociaal"
    unlinked = reverse("programme:din-unlinked-efforts", args=[programme.slug])
    client.get(url)  # the first request of a session does some bookkeeping of its own
    small = {
        "page": count_queries(client, url),
        "filtered": count_queries(client, filtered),
        "goal": count_queries(client, goal_url(programme, goals[0]), **HX),
        "unlinked": count_queries(client, unlinked, **HX),
    }
    more = grow(programme, lines=3, efforts_per_goal=8)
    large = {
        "page": count_queries(client, url),
        "filtered": count_queries(client, filtered),
        "goal": count_queries(client, goal_url(programme, more[0]), **HX),
        "unlinked": count_queries(client, unlinked, **HX),
    }
    assert large == small
    assert small["goal"] <= 12 and small["page"] <= 20, small


def test_the_first_page_does_not_grow_with_the_number_of_efforts(client, users, programme):
    """The folded page carries no efforts: ten times the efforts on the same goals changes only
    a few counts and percentages."""
    client.force_login(users["reader"])
    goals = grow(programme, lines=2, efforts_per_goal=1)
    before = client.get(overview_url(programme)).content
    for goal in goals:
        for _ in range(9):
            EffortGoalFactory(effort=EffortFactory(programme=programme), goal=goal)
    after = client.get(overview_url(programme)).content
    assert abs(len(after) - len(before)) < 300
    effort = goals[0].effort_links.first().effort
    assert effort.title.encode() not in after
    assert effort.title.encode() in client.get(goal_url(programme, goals[0]), **HX).content


# --- an effort once, under its home goal ---------------------------------------------------------


@pytest.fixture
def shared(programme):
    """Two goals in line order; "Gedeeld" serves both (low in the first, high in the second),
    "Gelijk" serves both equally, "Alleen" only the first."""
    line = ProgrammeLineFactory(programme=programme, name="Lijn")
    sgoal = StrategicGoalFactory(line=line, title="Strategisch")
    first = OperationalGoalFactory(strategic_goal=sgoal, title="Eerste doel")
    second = OperationalGoalFactory(strategic_goal=sgoal, title="Tweede doel")
    gedeeld = EffortFactory(programme=programme, title="Gedeeld")
    EffortGoalFactory(effort=gedeeld, goal=first, contribution="laag")
    EffortGoalFactory(effort=gedeeld, goal=second, contribution="hoog")
    gelijk = EffortFactory(programme=programme, title="Gelijk")
    EffortGoalFactory(effort=gelijk, goal=first, contribution="middel")
    EffortGoalFactory(effort=gelijk, goal=second, contribution="middel")
    alleen = EffortFactory(
        programme=programme, title="Alleen", start_month=None, end_month=None, lead_user=None
    )
    EffortGoalFactory(effort=alleen, goal=first)
    return {
        "first": first,
        "second": second,
        "gedeeld": gedeeld,
        "gelijk": gelijk,
        "alleen": alleen,
    }


def test_an_effort_is_described_once_under_its_home_goal(client, users, programme, shared):
    client.force_login(users["reader"])
    first = client.get(goal_url(programme, shared["first"]), **HX).content.decode()
    second = client.get(goal_url(programme, shared["second"]), **HX).content.decode()
    gedeeld, gelijk = shared["gedeeld"], shared["gelijk"]
    # "Gedeeld" contributes most to the second goal: described there, referred to in the first
    assert f'id="effort-{gedeeld.pk}"' in second and f'id="effort-{gedeeld.pk}"' not in first
    assert f'data-din-effort-ref="{gedeeld.pk}"' in first
    assert (
        f'href="#operational-{shared["second"].pk}" data-din-effort="effort-{gedeeld.pk}"' in first
    )
    # on a tie the first goal in the tree is the home
    assert f'id="effort-{gelijk.pk}"' in first and f'data-din-effort-ref="{gelijk.pk}"' in second
    # the full row names the other goals it serves, with a link to each
    row = second[second.index(f'id="effort-{gedeeld.pk}"') :]
    assert f'href="#operational-{shared["first"].pk}"' in row[: row.index("</li>")]
    # each title once per fragment
    assert first.count(">Gedeeld</a>") == 1 and second.count(">Gedeeld</a>") == 1


def test_dutch_content_is_marked_in_the_english_interface(client, users, programme, shared):
    """In English the interface is English, but what people wrote (lines, goals, efforts,
    partners, working groups, indicators) stays Dutch and says so, for screen readers; in Dutch
    nothing is marked."""
    effort = shared["gedeeld"]
    partner = PartnerFactory(name="Gemeente Groningen")
    EffortPartnerFactory(effort=effort, partner=partner, role="trekker")
    IndicatorFactory(goal=shared["first"], name="Aantal gezinnen")
    client.force_login(users["reader"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(overview_url(programme)).content.decode()
    assert '<span lang="nl">Lijn</span>' in page
    assert '<span lang="nl">Eerste doel</span>' in page
    second = client.get(goal_url(programme, shared["second"]), **HX).content.decode()
    assert '<span lang="nl">Gedeeld</span>' in second
    assert '<span lang="nl">Gemeente Groningen</span>' in second
    first = client.get(goal_url(programme, shared["first"]), **HX).content.decode()
    assert 'Indicator: <span lang="nl">Aantal gezinnen</span>' in first
    standalone = client.get(goal_url(programme, shared["first"])).content.decode()
    assert '<h1 lang="nl">Eerste doel</h1>' in standalone

    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    page = client.get(overview_url(programme)).content.decode()
    assert 'lang="nl">Lijn' not in page and ">Lijn<" in page


def test_home_link_is_highest_contribution_then_tree_order(programme, shared):
    content = outline.goal_efforts(shared["first"])
    assert {lk.effort.title for lk in content.own} == {"Gelijk", "Alleen"}
    assert [lk.effort.title for lk in content.shared] == ["Gedeeld"]
    assert content.shared[0].home.goal == shared["second"]
    # with a line filter, only that line's goals can be the home
    other_line = OperationalGoalFactory(strategic_goal__line__programme=programme)
    EffortGoalFactory(effort=shared["alleen"], goal=other_line, contribution="hoog")
    filters = selectors.DinFilters(line=shared["first"].strategic_goal.line_id)
    content = outline.goal_efforts(shared["first"], filters)
    assert "Alleen" in [lk.effort.title for lk in content.own]
    (alleen,) = [lk for lk in content.own if lk.effort.title == "Alleen"]
    assert [o.on_page for o in alleen.others] == [False]


def test_no_placeholders_for_what_is_unknown(client, users, programme, shared):
    client.force_login(users["reader"])
    html = client.get(goal_url(programme, shared["first"]), **HX).content.decode()
    row = html[html.index(f'id="effort-{shared["alleen"].pk}"') :]
    row = row[: row.index("</li>")]
    assert "?" not in row and "din-facts din-meta" not in row  # no period, no lead: no line


def test_filters_of_the_page_apply_to_a_goals_efforts(client, users, programme, shared):
    shared["gelijk"].status = "idee"
    shared["gelijk"].save()
    client.force_login(users["reader"])
    current = "http://testserver" + overview_url(programme) + "?status=idee"
    html = client.get(
        goal_url(programme, shared["first"]), HTTP_HX_CURRENT_URL=current, **HX
    ).content.decode()
    assert ">Gelijk</a>" in html and ">Alleen</a>" not in html and ">Gedeeld</a>" not in html


# --- the page: folding, jump list, menus ---------------------------------------------------------


def test_page_is_an_outline_with_a_jump_list_and_lazy_goals(client, users, programme, shared):
    client.force_login(users["reader"])
    html = client.get(overview_url(programme)).content.decode()
    first, second = shared["first"], shared["second"]
    line_id = first.strategic_goal.line_id
    toc = html[html.index('id="din-toc"') : html.index("</nav>", html.index('id="din-toc"'))]
    for anchor in [f"#line-{line_id}", f"#strategic-{first.strategic_goal_id}"]:
        assert f'href="{anchor}"' in toc
    assert f'href="#operational-{first.pk}"' in toc and f'href="#operational-{second.pk}"' in toc
    # every level folds (a button that says whether it is open), goals load when opened
    assert f'aria-controls="operational-{first.pk}-body"' in html
    assert 'aria-expanded="false"' in html and 'aria-expanded="true"' in html
    assert f'hx-get="{goal_url(programme, first)}"' in html
    assert 'hx-trigger="intersect once"' in html
    assert "Gedeeld" not in html  # efforts come with their goal
    assert "din-overview.js" in html
    # the anchors other pages link to (diagram, models) are still there
    assert f'id="operational-{first.pk}"' in html and f'id="line-{line_id}"' in html


def test_editing_controls_only_for_those_who_may_edit(client, users, programme, shared):
    url = overview_url(programme)
    client.force_login(users["reader"])
    html = client.get(url).content.decode()
    assert "/edit/" not in html and "/move/" not in html and "/delete/" not in html
    assert "data-din-menu" not in html  # no menus: a link to each line's and goal's history
    history = reverse(
        "programme:din-history", args=[programme.slug, "operational", shared["first"].pk]
    )
    assert f'href="{history}"' in html
    assert 'id="add-line"' not in html and "/din/operational/add/" not in html
    fragment = client.get(goal_url(programme, shared["first"]), **HX).content.decode()
    assert "/edit/" not in fragment and "data-din-menu" not in fragment  # no menu on efforts
    client.force_login(users["programme_team"])
    html = client.get(url).content.decode()
    assert "__KIND__/__PK__/edit/" in html and "__KIND__/__PK__/move/" in html
    assert f'data-din-menu="operational {shared["first"].pk} change movable history first"' in html
    assert 'id="add-line"' in html
    fragment = client.get(goal_url(programme, shared["first"]), **HX).content.decode()
    effort = shared["gelijk"]
    assert f'data-din-menu="effort {effort.pk} change"' in fragment
    assert f'id="add-effort-{shared["first"].pk}"' in fragment


def test_a_saved_edit_brings_the_jump_list_along(client, users, programme, shared):
    client.force_login(users["programme_team"])
    goal = shared["second"]
    url = reverse("programme:din-edit", args=[programme.slug, "operational", goal.pk])
    response = client.post(url, {"title": "Hernoemd doel", "description": "", "version": 1}, **HX)
    html = response.content.decode()
    assert response["HX-Retarget"] == "#din-tree"
    toc = html[html.index('id="din-toc"') :]
    assert 'hx-swap-oob="true"' in toc[:200] and "Hernoemd doel" in toc


def test_goal_and_unlinked_fragments_without_javascript_are_pages(client, users, programme, shared):
    unlinked = EffortFactory(programme=programme, title="Zonder doel")
    client.force_login(users["reader"])
    page = client.get(goal_url(programme, shared["first"])).content.decode()
    assert "<html" in page and "<h1>Eerste doel</h1>" in page and ">Gelijk</a>" in page
    page = client.get(reverse("programme:din-unlinked-efforts", args=[programme.slug]))
    assert "<html" in page.content.decode() and unlinked.title in page.content.decode()
    fragment = client.get(reverse("programme:din-unlinked-efforts", args=[programme.slug]), **HX)
    assert "<html" not in fragment.content.decode() and unlinked.title in fragment.content.decode()
    # the team edits from there on the edit page; links to other goals lead to the overview
    client.force_login(users["programme_team"])
    page = client.get(goal_url(programme, shared["second"])).content.decode()
    edit = reverse("programme:din-edit", args=[programme.slug, "effort", shared["gedeeld"].pk])
    assert f'href="{edit}"' in page and "data-din-menu" not in page
    assert f'id="add-effort-{shared["second"].pk}"' not in page  # adding is on the overview
    assert f'href="{overview_url(programme)}#operational-{shared["first"].pk}"' in page


@pytest.mark.parametrize(
    "who,status",
    [("reader", 200), ("partner_contact", 200), ("other_team", 403), ("nobody", 403)],
)
def test_fragment_access(client, users, programme, other_programme, shared, who, status):
    client.force_login(users[who])
    assert client.get(goal_url(programme, shared["first"]), **HX).status_code == status
    unlinked = reverse("programme:din-unlinked-efforts", args=[programme.slug])
    assert client.get(unlinked, **HX).status_code == status


def test_a_goal_of_another_programme_is_not_found(client, users, programme, other_programme):
    foreign = OperationalGoalFactory(strategic_goal__line__programme=other_programme)
    client.force_login(users["programme_team"])
    assert client.get(goal_url(programme, foreign), **HX).status_code == 404


# --- the outline's numbers -----------------------------------------------------------------------


def test_outline_rolls_up_as_the_full_tree(programme):
    grow(programme, lines=2, efforts_per_goal=3)
    goal = OperationalGoalFactory(strategic_goal__line__programme=programme)
    indicator = IndicatorFactory(goal=goal, baseline_value=0, target_value=10)
    MeasurementFactory(indicator=indicator, value=4, period_end=date(2024, 12, 31))
    stopped = EffortFactory(programme=programme, status="gestopt", progress=0)
    EffortGoalFactory(effort=stopped, goal=goal, contribution="hoog")
    tree = selectors.din_tree(programme)
    folded = outline.din_outline(programme)

    def numbers(lines):
        return [
            (
                line.progress,
                [
                    (s.progress, [o.progress for o in s.shown_operational])
                    for s in line.shown_strategic
                ],
            )
            for line in lines
        ]

    assert numbers(folded.lines) == numbers(tree.lines)
    counts = {
        o.pk: o.effort_count
        for ln in folded.lines
        for s in ln.shown_strategic
        for o in s.shown_operational
    }
    assert counts[goal.pk] == 1
    assert folded.unlinked_count == 1 and folded.effort_count == tree.effort_count


def test_outline_filters_keep_goals_with_a_matching_effort(programme, shared):
    folded = outline.din_outline(programme, selectors.DinFilters(status="gepland"))
    assert folded.lines == [] and folded.effort_count == 0
    shared["alleen"].status = "gepland"
    shared["alleen"].save()
    folded = outline.din_outline(programme, selectors.DinFilters(status="gepland"))
    goals = [o for ln in folded.lines for s in ln.shown_strategic for o in s.shown_operational]
    assert goals == [shared["first"]] and goals[0].effort_count == 1
    assert folded.effort_count == 1
