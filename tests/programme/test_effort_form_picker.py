"""The effort form's goal picker and partner selects: grouped by programme line, labelled, the
same field names with and without JavaScript, Tom Select served from static/ (no CDN); and in
Chromium: searching and adding a goal, removing one, choosing partners by typing."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from partners.models import Participation, Partner
from programme.din import services
from programme.din.forms import EffortForm
from programme.models import Effort
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def din(programme, users):
    team = users["programme_team"]
    doelgroep = services.line_create(programme=programme, by=team, name="De Doelgroep")
    werkveld = services.line_create(programme=programme, by=team, name="Het Werkveld")
    s1 = services.strategic_goal_create(line=doelgroep, by=team, title="Kansrijk perspectief")
    s2 = services.strategic_goal_create(line=werkveld, by=team, title="Maatwerk")
    goals = {
        "vroeg": services.operational_goal_create(
            strategic_goal=s1, by=team, title="Vroeg in beeld"
        ),
        "bereikt": services.operational_goal_create(
            strategic_goal=s1, by=team, title="Beter bereikt"
        ),
        "tijd": services.operational_goal_create(
            strategic_goal=s2, by=team, title="Meer tijd en ruimte"
        ),
    }
    partners = {"Noorderpoort": Partner.objects.get(name="Noorderpoort")}  # `users` made it
    for name in ["Hanzehogeschool", "Gemeente Emmen", "Cosis"]:
        partners[name] = PartnerFactory(name=name)
        Participation.objects.create(programme=programme, partner=partners[name])
    effort = services.effort_create(
        programme=programme,
        by=team,
        title="Vroegsignalering",
        goals=[(goals["vroeg"], "hoog")],
        partners=[(partners["Noorderpoort"], "trekker"), (partners["Cosis"], "deelnemer")],
    )
    return {"goals": goals, "partners": partners, "effort": effort, "lines": [doelgroep, werkveld]}


def edit_url(programme, effort):
    return reverse("programme:din-edit", args=[programme.slug, "effort", effort.pk])


def test_goals_are_grouped_by_line_in_the_dins_order(programme, din):
    form = EffortForm(programme=programme, instance=din["effort"])
    groups = form.goal_groups()
    assert [line.name for line, _rows in groups] == ["De Doelgroep", "Het Werkveld"]
    assert [[goal.title for _f, goal in rows] for _l, rows in groups] == [
        ["Vroeg in beeld", "Beter bereikt"],
        ["Meer tijd en ruimte"],
    ]
    # strongest contribution first; empty = does not serve it
    choices = [value for value, _label in form.fields[f"goal_{din['goals']['vroeg'].pk}"].choices]
    assert choices == ["", "hoog", "middel", "laag"]


def test_the_form_renders_a_labelled_picker_that_works_without_javascript(
    client, users, programme, din
):
    client.force_login(users["programme_team"])
    html = client.get(edit_url(programme, din["effort"])).content.decode()
    effort = din["effort"]
    # one fieldset for the goals, one per line inside it, each with its legend
    assert html.count("data-goal-picker") == 1
    assert html.count('<fieldset class="goal-picker-line') == 2
    assert re.search(r"<legend[^>]*>De Doelgroep</legend>", html)
    assert re.search(r"<legend[^>]*>Het Werkveld</legend>", html)
    # every goal's select has a visible label naming the goal, and keeps its field name
    for key, goal in din["goals"].items():
        field_id = f"id_effort{effort.pk}_goal_{goal.pk}"
        assert f'<label class="goal-picker-title col-12 col-sm ps-0" for="{field_id}">' in html
        assert f'name="goal_{goal.pk}" id="{field_id}"' in html, key
    assert re.search(r'<option value="hoog" selected>', html)  # the current contribution
    # the search box is only for the enhanced form: hidden until the script shows it
    assert re.search(r'<div class="goal-picker-add mb-2" data-goal-adder hidden>', html)
    assert re.search(r'<label class="form-label mb-1" for="id_effort\d+_goals-add">', html)
    # partners: plain multi-selects that the script turns into Tom Select
    for name in ("partners_lead", "partners_participant"):
        assert re.search(rf'<select name="{name}"[^>]*data-tom-select="multi"', html)
        assert f'id="id_effort{effort.pk}_{name}_helptext"' in html
    # the script and Tom Select come from the portal itself
    assert 'src="/static/programme/effort_form.js"' in html
    assert 'data-tom-select-js="/static/vendor/tom-select/tom-select.complete.min.js"' in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()


def test_posting_the_same_field_names_saves_goals_and_partners(client, users, programme, din):
    goals, partners, effort = din["goals"], din["partners"], din["effort"]
    client.force_login(users["programme_team"])
    data = {
        "title": "Vroegsignalering",
        "status": "lopend",
        "progress": "30",
        "version": effort.version,
        f"goal_{goals['vroeg'].pk}": "",  # removed
        f"goal_{goals['bereikt'].pk}": "laag",
        f"goal_{goals['tijd'].pk}": "hoog",
        "partners_lead": [partners["Hanzehogeschool"].pk],
        "partners_participant": [partners["Gemeente Emmen"].pk, partners["Cosis"].pk],
    }
    response = client.post(edit_url(programme, effort), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    effort = Effort.objects.get(pk=effort.pk)
    assert sorted(effort.goal_links.values_list("goal__title", "contribution")) == [
        ("Beter bereikt", "laag"),
        ("Meer tijd en ruimte", "hoog"),
    ]
    assert sorted(effort.partner_links.values_list("partner__name", "role")) == [
        ("Cosis", "deelnemer"),
        ("Gemeente Emmen", "deelnemer"),
        ("Hanzehogeschool", "trekker"),
    ]


def test_an_invalid_contribution_is_shown_at_its_goal(client, users, programme, din):
    goal = din["goals"]["tijd"]
    effort = din["effort"]
    client.force_login(users["programme_team"])
    data = {
        "title": "Vroegsignalering",
        "status": "lopend",
        "progress": "30",
        "version": effort.version,
        f"goal_{goal.pk}": "enorm",
    }
    response = client.post(edit_url(programme, effort), data)
    html = response.content.decode()
    field_id = f"id_effort{effort.pk}_goal_{goal.pk}"
    assert 'aria-invalid="true"' in html and f'id="{field_id}_error"' in html
    assert f'aria-describedby="{field_id}_error"' in html
    assert Effort.objects.get(pk=effort.pk).goal_links.count() == 1


def test_a_programme_without_goals_says_where_to_add_them(client, users, programme):
    client.force_login(users["programme_team"])
    html = client.get(reverse("programme:din-add", args=[programme.slug, "effort"])).content
    assert b"data-goal-picker" in html and b"data-goal-row" not in html


def test_tom_select_is_vendored_with_its_licence():
    folder = Path(settings.BASE_DIR) / "static" / "vendor" / "tom-select"
    for name in ["tom-select.complete.min.js", "tom-select.bootstrap5.min.css", "LICENSE"]:
        assert (folder / name).is_file(), name
    assert "Apache License" in (folder / "LICENSE").read_text()
    assert finders.find("vendor/tom-select/tom-select.complete.min.js")
    assert finders.find("programme/effort_form.js") and finders.find("programme/effort_form.css")


# --- in Chromium -------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_team_picks_goals_and_partners_by_searching(live_server, page, users, programme, din):
    from tests.browser.helpers import axe_violations, log_in, wait_until

    effort = din["effort"]
    log_in(page, live_server, "programme_team")
    page.goto(live_server.url + edit_url(programme, effort))
    page.wait_for_selector(".goal-picker .ts-wrapper")  # enhanced
    assert axe_violations(page) == []
    # only the goal the effort serves is shown; the others wait in the search box
    rows = page.locator("[data-goal-row]:visible")
    assert rows.count() == 1 and "Vroeg in beeld" in rows.first.inner_text()
    # add a goal by typing and pressing Enter
    adder = page.get_by_role("combobox", name=re.compile("^(Doel toevoegen|Add a goal)$"))
    adder.click()
    adder.type("tijd")
    page.wait_for_selector(".goal-picker .ts-dropdown .option.active:has-text('Meer tijd')")
    page.keyboard.press("Enter")
    tijd = page.locator(f"#id_effort{effort.pk}_goal_{din['goals']['tijd'].pk}")
    assert tijd.is_visible() and tijd.input_value() == "middel"
    assert page.evaluate("document.activeElement.id") == tijd.get_attribute("id")
    tijd.select_option("hoog")
    # remove the first goal
    page.get_by_role("button", name=re.compile("Vroeg in beeld")).click()
    assert rows.count() == 1
    # a partner by typing in Tom Select
    lead = page.get_by_role("combobox", name="Trekkende partners (trekker)")
    lead.focus()  # as a keyboard user: tab to it and type
    page.keyboard.type("Hanze")
    page.wait_for_selector(".ts-dropdown .option.active:has-text('Hanzehogeschool')")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Opslaan").click()
    # saved (in place with htmx, or by a plain post): the form has gone
    wait_until(page, "!document.querySelector('[data-goal-picker]')")
    effort = Effort.objects.get(pk=effort.pk)
    assert list(effort.goal_links.values_list("goal__title", "contribution")) == [
        ("Meer tijd en ruimte", "hoog")
    ]
    assert sorted(effort.partner_links.values_list("partner__name", "role")) == [
        ("Cosis", "deelnemer"),
        ("Hanzehogeschool", "trekker"),
        ("Noorderpoort", "trekker"),
    ]
