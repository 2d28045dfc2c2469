"""The DIN diagram's SVG nodes and text version are written in Python
(programme/templatetags/din_diagram.py, issue 15): titles and names are escaped there, the links
are those a person may follow, and an effort that serves several goals lists its partners under
each."""

import xml.etree.ElementTree as ET
from datetime import date

from django.urls import reverse

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
NASTY = '<b>"Kansen" & co</b>'


def _din(programme):
    line = ProgrammeLineFactory(programme=programme, name="Lijn <i>1</i>")
    strategic = StrategicGoalFactory(line=line, programme=programme, title="Strategisch & meer")
    goals = [
        OperationalGoalFactory(strategic_goal=strategic, programme=programme, title=f"Doel {n}")
        for n in (1, 2)
    ]
    effort = EffortFactory(
        programme=programme, title=NASTY, status="idee", progress=40, start_month=date(2024, 1, 1)
    )
    for goal in goals:
        EffortGoalFactory(effort=effort, goal=goal, contribution="hoog")
    partner = PartnerFactory(name="Partner <script>x</script>")
    EffortPartnerFactory(effort=effort, partner=partner, role="trekker")
    return effort, partner


def _page(client, programme) -> str:
    response = client.get(reverse("programme:din-diagram", args=[programme.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_titles_and_names_are_escaped_in_the_svg_and_the_text_version(client, users, programme):
    effort, partner = _din(programme)
    client.force_login(users["programme_team"])
    html = _page(client, programme)
    assert NASTY not in html
    assert "<script>x</script>" not in html
    assert "&lt;b&gt;&quot;Kansen&quot; &amp; co&lt;/b&gt;" in html
    start = html.index('class="din-diagram"')
    start = html.rindex("<svg", 0, start)
    svg = html[start : html.index("</svg>", start) + 6]
    tree = ET.fromstring(svg)  # well-formed XML, whatever the titles hold
    titles = [t.text for t in tree.iter(f"{SVG}title")]
    assert f"Inspanning: {NASTY} (idee, 40%)" in titles
    assert "Partner: Partner <script>x</script>" in titles
    node = tree.find(f".//{SVG}a[@data-node='effort-{effort.pk}']")
    assert node.get("href") == reverse("programme:effort-detail", args=[effort.pk])
    assert node.find(f"{SVG}rect").get("stroke-dasharray") == "5 3"  # an idea: dashed


def test_an_effort_under_two_goals_lists_its_partners_under_each(client, users, programme):
    effort, partner = _din(programme)
    client.force_login(users["programme_team"])
    html = _page(client, programme)
    text = html[html.index('id="din-text"') :]
    assert text.count("bijdrage hoog; status idee, 40%") == 2
    assert text.count(f'href="{reverse("partners:detail", args=[partner.pk])}"') == 2


def test_who_may_not_open_partner_pages_is_sent_to_the_directory(client, users, programme):
    effort, partner = _din(programme)
    client.force_login(users["reader"])
    html = _page(client, programme)
    directory = reverse("partners:directory", args=[programme.slug])
    assert f'href="{reverse("partners:detail", args=[partner.pk])}"' not in html
    # the partner's node in the SVG and its name under the effort in the text version
    assert html.count(f'href="{directory}#partner-{partner.pk}"') == 1 + 2
