"""The DIN diagram and the planning through the test client: access, filters, bad filter
input, the SVG and the text version, and flat query counts from 10 to 500 efforts."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partners.models import Participation
from programme.models import Effort, EffortGoal, EffortPartner, ProgrammePhase
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    OperationalGoalFactory,
    PartnerFactory,
    ProgrammeLineFactory,
    StrategicGoalFactory,
)

SVG = "{http://www.w3.org/2000/svg}"

ACCESS = [
    ("programme_team", 200),
    ("board", 200),
    ("secretary", 200),
    ("partner_contact", 200),
    ("reader", 200),
    ("superuser", 200),
    ("other_team", 403),
    ("nobody", 403),
    ("former_team", 403),
]


def diagram_url(programme, **params):
    url = reverse("programme:din-diagram", args=[programme.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def planning_url(programme, **params):
    url = reverse("programme:planning", args=[programme.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def goal_in(programme, line=None, title="Doel"):
    line = line or ProgrammeLineFactory(programme=programme)
    strategic = StrategicGoalFactory(line=line, programme=programme)
    return OperationalGoalFactory(strategic_goal=strategic, programme=programme, title=title)


@pytest.fixture
def din(programme):
    """Two lines, a goal each, three efforts, two partners."""
    line_a = ProgrammeLineFactory(programme=programme, name="De Doelgroep")
    line_b = ProgrammeLineFactory(programme=programme, name="Het Werkveld")
    goal_a = goal_in(programme, line_a, "Huishoudens zijn vroegtijdig in beeld")
    goal_b = goal_in(programme, line_b, "Professionals hebben meer tijd")
    hanze = PartnerFactory(name="Hanzehogeschool")
    stamm = PartnerFactory(name="CMO STAMM")
    signal = EffortFactory(
        programme=programme,
        title="Inzetten op vroegsignalering",
        status="lopend",
        start_month=date(2023, 8, 1),
        end_month=date(2023, 12, 1),
    )
    EffortGoalFactory(effort=signal, goal=goal_a, contribution="hoog")
    EffortPartnerFactory(effort=signal, partner=hanze, role="trekker")
    EffortPartnerFactory(effort=signal, partner=stamm, role="deelnemer")
    caseload = EffortFactory(
        programme=programme,
        title="Experimenteren met een lagere caseload",
        status="gepland",
        start_month=date(2024, 1, 1),
        end_month=date(2024, 7, 1),
    )
    EffortGoalFactory(effort=caseload, goal=goal_b, contribution="laag")
    EffortPartnerFactory(effort=caseload, partner=stamm, role="trekker")
    monitoring = EffortFactory(
        programme=programme, title="Monitoring van het programma", status="idee", structural=True
    )
    return {
        "lines": (line_a, line_b),
        "goals": (goal_a, goal_b),
        "partners": (hanze, stamm),
        "efforts": (signal, caseload, monitoring),
    }


# -- Access ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who, status", ACCESS)
def test_every_role_in_the_programme_reads_both_pages(client, users, programme, who, status):
    client.force_login(users[who])
    assert client.get(diagram_url(programme)).status_code == status
    assert client.get(planning_url(programme)).status_code == status


def test_a_role_in_another_programme_gives_nothing_here(client, users, other_programme):
    client.force_login(users["programme_team"])
    assert client.get(diagram_url(other_programme)).status_code == 403
    assert client.get(planning_url(other_programme)).status_code == 403
    client.force_login(users["other_team"])
    assert client.get(diagram_url(other_programme)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login_page(client, programme):
    for url in (diagram_url(programme), planning_url(programme)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_unknown_programme_is_404(client, users):
    client.force_login(users["superuser"])
    assert client.get("/programmes/bestaat-niet/din/diagram/").status_code == 404


def test_menu_shows_diagram_and_planning_to_readers(client, users, programme):
    client.force_login(users["reader"])
    response = client.get(diagram_url(programme))
    html = response.content.decode()
    assert 'aria-current="page">Diagram</a>' in html
    assert ">Planning</a>" in html


# -- The diagram ----------------------------------------------------------------------------


def svg_of(response):
    html = response.content.decode()
    match = re.search(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="din-diagram".*?</svg>', html, re.S
    )
    assert match, "no diagram SVG"
    return ET.fromstring(match.group(0))


def test_diagram_draws_goals_efforts_partners_and_lines(client, users, programme, din):
    client.force_login(users["board"])
    response = client.get(diagram_url(programme))
    svg = svg_of(response)
    assert svg.get("role") == "group"
    labelled = svg.get("aria-labelledby")
    assert svg.find(f"{SVG}title").get("id") == labelled
    titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert "Operationeel doel: Huishoudens zijn vroegtijdig in beeld" in titles
    assert any(t.startswith("Inspanning: Inzetten op vroegsignalering (lopend") for t in titles)
    assert "Partner: Hanzehogeschool" in titles
    edges = list(svg.iter(f"{SVG}path"))
    goal_edges = [e for e in edges if "din-edge-goal" in e.get("class")]
    partner_edges = [e for e in edges if "din-edge-partner" in e.get("class")]
    assert len(goal_edges) == 2 and len(partner_edges) == 3
    by_style = {e.get("class").split()[-1]: e for e in edges}
    assert float(by_style["din-edge-hoog"].get("stroke-width")) > float(
        by_style["din-edge-laag"].get("stroke-width")
    )
    assert by_style["din-edge-deelnemer"].get("stroke-dasharray")
    assert not by_style["din-edge-trekker"].get("stroke-dasharray")
    # Efforts link to their page.
    links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    signal = din["efforts"][0]
    assert reverse("programme:effort-detail", args=[signal.pk]) in links
    overview = reverse("programme:din", args=[programme.slug])
    goal_a, _goal_b = din["goals"]
    line_a, _line_b = din["lines"]
    assert f"{overview}#operational-{goal_a.pk}" in links
    assert f"{overview}#strategic-{goal_a.strategic_goal_id}" in links
    assert f"{overview}#line-{line_a.pk}" in links
    assert "Strategisch doel: " + goal_a.strategic_goal.title in titles
    # Status as text, not colour only.
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert any(t and t.startswith("Lopend") for t in texts)
    assert any(t and t.startswith("Idee") for t in texts)


def test_diagram_has_a_legend_and_a_text_version(client, users, programme, din):
    client.force_login(users["reader"])
    html = client.get(diagram_url(programme)).content.decode()
    assert "Legenda" in html
    text = html[html.index('id="din-text"') :]
    assert "Tekstversie" in text
    assert "De Doelgroep" in text and "Huishoudens zijn vroegtijdig in beeld" in text
    assert "Inzetten op vroegsignalering" in text and "Hanzehogeschool" in text
    # The structural effort without a goal is listed separately.
    assert "Inspanningen zonder operationeel doel" in text
    assert "Monitoring van het programma" in text


def test_line_filter_shows_only_that_lines_goals_and_their_efforts(client, users, programme, din):
    client.force_login(users["programme_team"])
    line_a, _line_b = din["lines"]
    response = client.get(diagram_url(programme, line=line_a.pk))
    data = response.context["din"]
    assert [n.item.title for n in data.diagram.goals] == ["Huishoudens zijn vroegtijdig in beeld"]
    assert [n.item.title for n in data.diagram.efforts] == ["Inzetten op vroegsignalering"]
    assert {n.item.title for n in data.diagram.partners} == {"Hanzehogeschool", "CMO STAMM"}


def test_partner_filter_shows_only_that_partners_efforts(client, users, programme, din):
    client.force_login(users["programme_team"])
    _hanze, stamm = din["partners"]
    hanze = din["partners"][0]
    data = client.get(diagram_url(programme, partner=hanze.pk)).context["din"]
    assert [n.item.title for n in data.diagram.efforts] == ["Inzetten op vroegsignalering"]
    assert [n.item.title for n in data.diagram.goals] == ["Huishoudens zijn vroegtijdig in beeld"]
    data = client.get(diagram_url(programme, partner=stamm.pk)).context["din"]
    assert len(data.diagram.efforts) == 2 and len(data.diagram.goals) == 2


@pytest.mark.parametrize("params", [{"partner": 999999}, {"partner": "abc"}, {"line": "x"}])
def test_bad_diagram_filter_gives_a_dutch_message_not_an_error(
    client, users, programme, din, params
):
    client.force_login(users["reader"])
    response = client.get(diagram_url(programme, **params))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert "niet begrepen" in html
    # The filter is ignored: everything is shown.
    assert len(response.context["din"].diagram.efforts) == 3


def test_a_line_of_another_programme_is_not_accepted(
    client, users, programme, other_programme, din
):
    foreign = ProgrammeLineFactory(programme=other_programme)
    client.force_login(users["reader"])
    response = client.get(diagram_url(programme, line=foreign.pk))
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert len(response.context["din"].diagram.efforts) == 3


def test_empty_programme_says_so(client, users, programme):
    client.force_login(users["reader"])
    html = client.get(diagram_url(programme)).content.decode()
    assert "heeft nog geen doelen of inspanningen" in html


# -- The planning ---------------------------------------------------------------------------


def rows(response):
    return [row["effort"].title for row in response.context["planning"].rows]


def test_planning_shows_what_runs_in_the_range_and_lists_efforts_without_period(
    client, users, programme, din
):
    client.force_login(users["reader"])
    response = client.get(planning_url(programme, start="2023-09", end="2023-12"))
    assert rows(response) == ["Inzetten op vroegsignalering"]
    without = [row["effort"].title for row in response.context["planning"].without_period]
    assert without == ["Monitoring van het programma"]
    html = response.content.decode()
    assert "<caption>" in html and 'scope="row"' in html
    assert "aug.\xa02023 t/m dec.\xa02023" in html  # the period as text (avk.formats.month)
    response = client.get(planning_url(programme, start="2024-07", end="2025-12"))
    assert rows(response) == ["Experimenteren met een lagere caseload"]
    response = client.get(planning_url(programme, start="2025-01", end="2025-12"))
    assert rows(response) == []


def test_planning_filters_by_status_line_and_partner(client, users, programme, din):
    client.force_login(users["reader"])
    base = {"start": "2023-01", "end": "2024-12"}
    assert rows(client.get(planning_url(programme, status="gepland", **base))) == [
        "Experimenteren met een lagere caseload"
    ]
    line_a, _ = din["lines"]
    assert rows(client.get(planning_url(programme, line=line_a.pk, **base))) == [
        "Inzetten op vroegsignalering"
    ]
    hanze, stamm = din["partners"]
    assert rows(client.get(planning_url(programme, partner=hanze.pk, **base))) == [
        "Inzetten op vroegsignalering"
    ]
    assert len(rows(client.get(planning_url(programme, partner=stamm.pk, **base)))) == 2


def test_choosing_a_phase_sets_the_range(client, users, programme, din):
    # The factory's programme is in "uitvoering" from 2023-01-01; add a wind-down from 2024.
    ProgrammePhase.objects.create(programme=programme, phase="afbouw", valid_from=date(2024, 1, 1))
    first = ProgrammePhase.objects.get(programme=programme, valid_from=date(2023, 1, 1))
    client.force_login(users["reader"])
    response = client.get(planning_url(programme, phase=first.pk, start="2030-01"))
    assert response.context["start"] == date(2023, 1, 1)
    assert response.context["end"] == date(2023, 12, 1)
    assert rows(response) == ["Inzetten op vroegsignalering"]
    last = ProgrammePhase.objects.get(programme=programme, phase="afbouw")
    response = client.get(planning_url(programme, phase=last.pk))
    assert response.context["start"] == date(2024, 1, 1)
    assert rows(response) == ["Experimenteren met een lagere caseload"]


def test_today_is_marked_with_a_line_and_a_word(client, users, programme, din):
    client.force_login(users["reader"])
    today = timezone.localdate()
    EffortFactory(programme=programme, title="Nu", start_month=today.replace(day=1))
    start = f"{today.year - 1}-01"
    end = f"{today.year + 1}-12"
    html = client.get(planning_url(programme, start=start, end=end)).content.decode()
    assert 'class="today-label"' in html and ">vandaag<" in html
    assert "today-line" in html
    html = client.get(planning_url(programme, start="2001-01", end="2001-12")).content.decode()
    assert "today-label" not in html
    assert "valt buiten deze maanden" in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2024-13"}, "Geef een maand op als JJJJ-MM"),
        ({"start": "maart"}, "Geef een maand op als JJJJ-MM"),
        ({"end": "2024-1-1"}, "Geef een maand op als JJJJ-MM"),
        ({"start": "2024-06", "end": "2024-01"}, "kan niet voor de vanaf-maand liggen"),
        ({"start": "2000-01", "end": "2024-01"}, "ten hoogste 10 jaar"),
        ({"phase": "999999"}, "Selecteer een geldige keuze"),
        ({"status": "kapot"}, "Selecteer een geldige keuze"),
        ({"partner": "999999"}, "Selecteer een geldige keuze"),
        ({"line": "abc"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_planning_filter_gives_a_dutch_message_not_an_error(
    client, users, programme, din, params, message
):
    client.force_login(users["reader"])
    response = client.get(planning_url(programme, **params))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html


def test_open_ended_and_clipped_bars(client, users, programme, din):
    EffortFactory(programme=programme, title="Loopt door", start_month=date(2023, 1, 1))
    client.force_login(users["reader"])
    response = client.get(planning_url(programme, start="2023-06", end="2023-11"))
    bars = {row["effort"].title: row["bar"] for row in response.context["planning"].rows}
    open_bar = bars["Loopt door"]
    assert open_bar["before"] and open_bar["after"] and open_bar["open_end"]
    assert open_bar["left"] == 0 and open_bar["width"] == 100
    signal = bars["Inzetten op vroegsignalering"]
    assert signal["left"] == pytest.approx(100 * 2 / 6)
    assert signal["width"] == pytest.approx(100 * 4 / 6) and signal["after"]
    assert "vanaf jan.\xa02023, zonder einde" in response.content.decode()


# -- Query counts ---------------------------------------------------------------------------


def grow(programme, efforts: int, partners: int = 10, goals: int = 6):
    """`efforts` efforts, each serving two goals and with two partners (bulk, for speed)."""
    line = ProgrammeLineFactory(programme=programme)
    goal_objs = [goal_in(programme, line, f"Doel {i}") for i in range(goals)]
    partner_objs = [PartnerFactory() for _ in range(partners)]
    for partner in partner_objs:
        Participation.objects.get_or_create(programme=programme, partner=partner)
    made = Effort.objects.bulk_create(
        Effort(
            programme=programme,
            title=f"Inspanning {i}",
            status=["idee", "gepland", "lopend", "afgerond", "gestopt"][i % 5],
            start_month=date(2023, 1 + i % 12, 1) if i % 7 else None,
            end_month=date(2024, 1 + i % 12, 1) if i % 7 else None,
        )
        for i in range(efforts)
    )
    EffortGoal.objects.bulk_create(
        EffortGoal(effort=e, goal=goal_objs[(i + k) % goals], contribution="middel")
        for i, e in enumerate(made)
        for k in range(2)
    )
    EffortPartner.objects.bulk_create(
        EffortPartner(
            effort=e,
            partner=partner_objs[(i + k) % partners],
            role="trekker" if k == 0 else "deelnemer",
        )
        for i, e in enumerate(made)
        for k in range(2)
    )
    return line, partner_objs[0]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["diagram", "planning"])
def test_query_count_is_the_same_for_10_and_500_efforts(client, users, programme, page):
    client.force_login(users["reader"])
    line, partner = grow(programme, 10)
    make_url = diagram_url if page == "diagram" else planning_url
    urls = [make_url(programme), make_url(programme, line=line.pk, partner=partner.pk)]
    if page == "planning":
        urls.append(make_url(programme, start="2023-01", end="2024-12", status="lopend"))
    client.get(make_url(programme))  # the first request of a session does a little more
    small = [count_queries(client, url) for url in urls]
    grow(programme, 490, partners=40, goals=30)
    assert Effort.objects.filter(programme=programme).count() == 500
    large = [count_queries(client, url) for url in urls]
    assert large == small


def test_planning_of_an_empty_programme_shows_a_year_around_today(client, users, programme):
    client.force_login(users["reader"])
    response = client.get(planning_url(programme))
    assert response.status_code == 200
    today = timezone.localdate().replace(day=1)
    assert response.context["start"] <= today <= response.context["end"]
    html = response.content.decode()
    assert "In deze maanden loopt geen inspanning." in html
    assert ">vandaag<" in html
