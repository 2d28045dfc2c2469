"""The four user jobs of issue 16, end to end in Chromium, each once in Dutch and once in English
(switched with the language button in the header, as a person does):

1. the programme team edits goals: adds a strategic and an operational goal and an effort with
   two partners, reorders, sees it in the diagram and the planning, and is refused a stale save
   made in a second tab with the message naming who changed what;
2. a board member votes in a written round from "Te besluiten"; the secretary closes it, records
   a meeting's outcomes including an amended decision; the decision list shows both and its PDF
   downloads;
3. a partner contact changes the package from next month, fills the delegation, and is refused
   another partner's pages when editing the URL;
4. the secretary opens the adopted phase plan, downloads its PDF, imports an untidy partner
   spreadsheet with one bad row (the row's error, nothing written), then a good one.

Single steps are tested in depth elsewhere (test_din_browser.py, test_governance_browser.py,
test_partners_browser.py, test_phase_plans_browser.py); here they are put together as one job.
A failing job leaves screenshots under test-results/ (tests/browser/conftest.py).
"""

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.helpers import axe_violations, log_in, settled, wait_until
from tests.programme import phase_plans_setup as phase_fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "en"]


def speak(page, lang: str) -> None:
    """Switch the interface to `lang` with the header's language button (Dutch is the default)."""
    if lang != "nl":
        page.locator(f"form.language-switch button[value={lang}]").click()
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang


def say(lang: str, nl: str, en: str) -> str:
    return nl if lang == "nl" else en


def next_month_start() -> date:
    return (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)


# --- 1. the programme team edits goals ---------------------------------------------------------


@pytest.fixture
def din_start(programme, users):
    from partners.models import Participation
    from programme.din import services
    from tests.factories import PartnerFactory

    team = users["programme_team"]
    line = services.line_create(programme=programme, by=team, name="De Doelgroep")
    existing = services.strategic_goal_create(
        line=line, by=team, title="Huishoudens ervaren een kansrijk perspectief"
    )
    for name in ("Hanzehogeschool", "Cosis"):
        Participation.objects.get_or_create(programme=programme, partner=PartnerFactory(name=name))
    return {"line": line, "existing": existing}


def choose_partner(page, label: str, name: str) -> None:
    """Pick a partner in a Tom Select box by typing, as a keyboard user does."""
    box = page.get_by_role("combobox", name=label)
    wrapper = box.locator("xpath=ancestor::div[contains(@class, 'ts-wrapper')][1]")
    # Typed into this box (it is focused first), not wherever the focus was left: on a busy
    # machine Tom Select may still be settling the previous box when the next one is picked.
    box.press_sequentially(name[:5])
    wrapper.locator(f".ts-dropdown .option.active:has-text('{name}')").wait_for()
    box.press("Enter")
    wrapper.locator(f".ts-control .item:has-text('{name}')").wait_for()
    box.press("Escape")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_job_1_team_edits_goals_and_a_stale_save_is_refused(
    live_server, page, context, users, programme, din_start, lang
):
    from programme.models import Effort, OperationalGoal, StrategicGoal

    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "programme_team")
    speak(page, lang)
    din = f"{live_server.url}/programmes/{programme.slug}/din/"
    page.goto(din)
    line = din_start["line"]

    # a strategic goal, in place
    page.locator(f"#add-strategic-{line.pk} a").click()
    form = page.locator(".din-form")
    form.locator("[name=title]").fill("Kinderen groeien kansrijk op")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#din-tree h3:has-text('Kinderen groeien kansrijk op')")
    strategic = StrategicGoal.objects.get(title="Kinderen groeien kansrijk op")

    # reorder: move it above the existing goal, through its menu
    settled(page)
    page.locator(f"#strategic-{strategic.pk}-menu").click()
    page.locator(f"#strategic-{strategic.pk}-head [data-din-move=up]").click()
    wait_until(page, "document.querySelector('#din-tree h3').textContent.includes('Kinderen')")
    assert list(StrategicGoal.objects.filter(line=line).values_list("title", flat=True)) == [
        "Kinderen groeien kansrijk op",
        "Huishoudens ervaren een kansrijk perspectief",
    ]

    # an operational goal under it
    settled(page)
    page.locator(f"#add-operational-{strategic.pk} a").click()
    form = page.locator(".din-form")
    form.locator("[name=title]").fill("Jongeren maken hun school af")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#din-tree h4:has-text('Jongeren maken hun school af')")
    goal = OperationalGoal.objects.get(title="Jongeren maken hun school af")
    assert goal.strategic_goal == strategic

    # an effort under the goal, with a period, in place
    settled(page)
    page.locator(f"#operational-{goal.pk}-title button").click()
    page.locator(f"#add-effort-{goal.pk} a[hx-get]").click()
    form = page.locator(".din-form")
    form.locator("[name=title]").fill("Schoolmaatschappelijk werk versterken")
    form.locator("[name=status]").select_option("lopend")
    this_month = timezone.localdate().replace(day=1)
    form.locator("[name=start_month]").fill(f"{this_month.year}-01")
    form.locator("[name=end_month]").fill(f"{this_month.year + 1}-12")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#din-tree a:has-text('Schoolmaatschappelijk werk versterken')")
    effort = Effort.objects.get(title="Schoolmaatschappelijk werk versterken")
    assert list(effort.goals.all()) == [goal]
    assert axe_violations(page) == []

    # two partners, on the effort's form: a lead and a participant, found by typing
    edit = f"{din}effort/{effort.pk}/edit/"
    page.goto(edit)
    page.wait_for_selector(".ts-wrapper")  # the partner boxes are enhanced
    choose_partner(
        page,
        say(lang, "Trekkende partners (trekker)", "Lead partners (trekker)"),
        "Hanzehogeschool",
    )
    choose_partner(page, say(lang, "Deelnemende partners", "Participating partners"), "Cosis")
    assert axe_violations(page) == []
    page.locator("#main form [type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/din/(#.*)?$"))
    assert sorted(effort.partner_links.values_list("partner__name", "role")) == [
        ("Cosis", "deelnemer"),
        ("Hanzehogeschool", "trekker"),
    ]

    # the diagram and the planning show it
    page.goto(f"{din}diagram/")
    diagram = page.locator("svg.din-diagram")
    assert diagram.get_by_text("Hanzehogeschool", exact=True).is_visible()
    text = page.locator("#din-text")  # the diagram's text version
    assert text.get_by_role("link", name="Schoolmaatschappelijk werk versterken").is_visible()
    assert "Jongeren maken hun school af" in text.inner_text()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/programmes/{programme.slug}/planning/")
    planning = page.get_by_role("table")
    assert planning.get_by_role("rowheader", name="Schoolmaatschappelijk werk versterken").count()
    assert axe_violations(page) == []

    # a stale save: the effort open in two tabs, saved in the second, then in the first
    page.goto(edit)
    second = context.new_page()
    second.goto(edit)
    second.locator("[name=title]").fill("Schoolmaatschappelijk werk in elke school")
    second.locator("#main form [type=submit]").first.click()
    second.wait_for_url(re.compile(r".*/din/(#.*)?$"))
    second.close()
    page.locator("[name=description]").fill("Mijn beschrijving")
    page.locator("#main form [type=submit]").first.click()
    page.wait_for_load_state()
    refusal = page.get_by_role("alert").filter(
        has_text=say(lang, "nadat u het opende", "after you opened it")
    )
    assert refusal.is_visible()
    message = refusal.inner_text()
    assert str(users["programme_team"]) in message  # who changed it
    assert "Schoolmaatschappelijk werk in elke school" in message  # what changed
    assert say(lang, "niet opgeslagen", "not been saved") in message
    effort.refresh_from_db()
    assert effort.title == "Schoolmaatschappelijk werk in elke school"
    assert effort.description == ""
    assert axe_violations(page) == []


# --- 2. a board member votes; the secretary records a meeting ----------------------------------


@pytest.fixture
def board_work(programme, users):
    from governance import services
    from tests.factories import BodyFactory, MeetingFactory, MembershipFactory

    body = BodyFactory(programme=programme, code="DB", name="Dagelijks Bestuur")
    MembershipFactory(body=body, user=users["board"], role="lid")
    MembershipFactory(body=body, user=users["secretary"], role="secretaris")
    team = users["programme_team"]
    written = services.proposal_create(
        programme=programme,
        body=body,
        title="Leeragenda 2025",
        drafter=team,
        by=team,
        decisions=[{"kind": "instemmen", "text": "in te stemmen met de leeragenda 2025"}],
    )
    services.proposal_submit(proposal_id=written.pk, by=team)
    services.round_open(
        proposal_id=written.pk, deadline=timezone.now() + timedelta(days=5), by=team
    )
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(hours=2))
    tabled = services.proposal_create(
        programme=programme,
        body=body,
        title="Samenwerkingsovereenkomst",
        drafter=team,
        by=team,
        decisions=[{"kind": "instemmen", "text": "in te stemmen met de overeenkomst"}],
    )
    services.proposal_submit(proposal_id=tabled.pk, by=team)
    services.proposal_schedule(proposal_id=tabled.pk, meeting=meeting, by=team)
    return {"written": written, "tabled": tabled}


def download(page, link) -> bytes:
    """Click a download link; a long list's PDF comes through its progress page."""
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_job_2_board_votes_and_the_secretary_records_a_meeting(
    live_server, page, context, users, programme, board_work, lang
):
    from governance.models import ProposedDecision

    written, tabled = board_work["written"], board_work["tabled"]
    page.set_viewport_size({"width": 1280, "height": 900})

    # the board member: "Te besluiten" from the home page, votes in the written round
    log_in(page, live_server, "board")
    speak(page, lang)
    page.get_by_role("link", name=say(lang, "Te besluiten", "To decide")).first.click()
    page.wait_for_url("**/te-besluiten/")
    assert axe_violations(page) == []
    page.get_by_role(
        "link", name=re.compile(say(lang, "^Stemmen", "^Vote") + ".*Leeragenda 2025")
    ).click()
    page.wait_for_url("**/vote/")
    group = page.get_by_role(
        "radiogroup", name=say(lang, "Uw stem over besluit 1", "Your vote on decision 1")
    )
    group.get_by_label(say(lang, "voor", "for"), exact=True).check()
    page.locator("#main form [type=submit]").click()
    page.wait_for_load_state()
    assert say(lang, "Besluit 1: voor", "Decision 1: for") in page.locator("#my-votes").inner_text()
    assert axe_violations(page) == []

    # the secretary: closes the round (everyone has voted), records the meeting
    context.clear_cookies()
    log_in(page, live_server, "secretary")
    speak(page, lang)
    page.goto(live_server.url + written.get_absolute_url())
    page.get_by_role(
        "button", name=say(lang, "Schriftelijke ronde sluiten", "Close written round")
    ).click()
    page.wait_for_load_state()
    page.goto(live_server.url + tabled.get_absolute_url())
    page.get_by_role("link", name=say(lang, "Uitkomsten vastleggen", "Record outcomes")).click()
    page.wait_for_url("**/record/")
    assert axe_violations(page) == []
    decision = tabled.decisions.get()
    page.locator(f"#id_outcome_{decision.pk}").select_option("aangenomen_met_wijziging")
    page.locator("#main form [type=submit]").click()  # without the amended text: refused
    page.wait_for_load_state()
    amended = page.locator(f"#id_amended_{decision.pk}")
    assert amended.get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    amended.fill("in te stemmen met de overeenkomst, met een looptijd van vier jaar")
    page.locator(f"#id_for_{decision.pk}").fill("4")
    page.locator(f"#id_against_{decision.pk}").fill("1")
    page.locator("#main form [type=submit]").click()
    page.wait_for_url(f"**{tabled.get_absolute_url()}")

    # the decision list shows both: the written round's and the meeting's amended decision
    decided = {d.proposal_id: d for d in ProposedDecision.objects.exclude(number="")}
    assert set(decided) == {written.pk, tabled.pk}
    page.goto(f"{live_server.url}/governance/{programme.slug}/besluitenlijst/")
    listed = page.locator("#main").inner_text()
    for d in decided.values():
        assert d.number in listed
    assert "de leeragenda 2025" in listed
    assert "met een looptijd van vier jaar" in listed
    assert axe_violations(page) == []
    pdf = download(
        page, page.get_by_role("link", name=say(lang, "Downloaden als pdf", "Download as PDF"))
    )
    assert pdf.startswith(b"%PDF-")


# --- 3. a partner contact updates their commitment ----------------------------------------------


@pytest.fixture
def packages(programme):
    from partners.models import Participation, Partner
    from tests.factories import (
        CommitmentFactory,
        CommitmentPackageFactory,
        DelegationMemberFactory,
        PartnerFactory,
    )

    found = {
        code: CommitmentPackageFactory(
            programme=programme,
            code=code,
            name=name,
            yearly_contribution=Decimal(amount),
            steering_group_seat=(code == "A"),
            order=i,
        )
        for i, (code, name, amount) in enumerate(
            [("A", "Kernpartner", "6000"), ("B", "Partner", "3000"), ("C", "Netwerk", "1000")]
        )
    }
    own = Partner.objects.get(name="Noorderpoort")
    CommitmentFactory(
        programme=programme, partner=own, package=found["B"], valid_from=date(2023, 1, 1)
    )
    DelegationMemberFactory(
        programme=programme, partner=own, level="bestuurder", name="Bram Bedenksel", is_contact=True
    )
    other = PartnerFactory(name="Cosis", kind="zorg")
    Participation.objects.get_or_create(programme=programme, partner=other)
    CommitmentFactory(
        programme=programme, partner=other, package=found["C"], valid_from=date(2023, 1, 1)
    )
    return {"own": own, "other": other, **found}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_job_3_partner_contact_updates_the_commitment_and_stays_in_their_own_pages(
    live_server, page, users, programme, packages, lang
):
    from partners.models import Commitment, DelegationMember

    own, other = packages["own"], packages["other"]
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "partner_contact")
    speak(page, lang)
    page.get_by_role("link", name=say(lang, "Mijn organisatie", "My organisation")).first.click()
    page.wait_for_url(f"**/partners/{programme.slug}/mine/")
    assert axe_violations(page) == []

    # the package from the first of next month
    start = next_month_start()
    page.locator(f"a[href$='/partners/{programme.slug}/{own.pk}/package/']").first.click()
    page.locator("[name=package]").select_option(str(packages["A"].pk))
    page.locator("[name=valid_from]").fill(start.strftime("%d-%m-%Y"))
    page.locator("[name=motivation]").fill("We willen het programma mee dragen.")
    assert axe_violations(page) == []
    page.locator("#main form [type=submit]").click()
    page.wait_for_url(f"**/partners/{programme.slug}/mine/")
    assert page.locator(".messages .alert-success").is_visible()
    assert Commitment.objects.get(partner=own, valid_from=start).package.code == "A"
    assert Commitment.objects.get(partner=own, valid_from=date(2023, 1, 1)).valid_until == (
        start - timedelta(days=1)
    )

    # an empty seat in the delegation
    page.locator(f"a[href*='/partners/{programme.slug}/{own.pk}/delegation/add/']").first.click()
    page.locator("[name=name]").fill("Joris Proefmans")
    page.locator("[name=function]").fill("loopbaanbegeleider")
    page.locator("[name=email]").fill("joris@example.org")
    assert axe_violations(page) == []
    page.locator("#main form [type=submit]").click()
    page.wait_for_url(f"**/partners/{programme.slug}/mine/")
    assert page.get_by_text("Joris Proefmans").first.is_visible()
    assert DelegationMember.objects.get(name="Joris Proefmans").partner == own

    # another partner's pages, by editing the URL: refused with a message, nothing changed
    for path in [
        f"/partners/{programme.slug}/{other.pk}/edit/",
        f"/partners/{programme.slug}/{other.pk}/package/",
        f"/partners/{programme.slug}/{other.pk}/delegation/add/",
        "/partners/landerd/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 403, path
        assert page.get_by_role("heading", level=1).inner_text() == say(
            lang, "Geen toegang", "No access"
        )
        assert page.locator("html").get_attribute("lang") == lang
    assert axe_violations(page) == []
    assert not Commitment.objects.filter(partner=other, valid_from__gt=date(2023, 1, 1)).exists()


# --- 4. the secretary exports the phase plan and imports partners -------------------------------

# the phase plans' fixtures (tests/programme/phase_plans_setup.py): an adopted plan 1
din = phase_fixtures.din
budget = phase_fixtures.budget
board = phase_fixtures.board
concept = phase_fixtures.concept
adopted = phase_fixtures.adopted


def untidy_partner_list(path: Path, *, bad_kind: bool) -> Path:
    """A partner list as people keep it: headings in odd case with spaces, a column the import
    does not know, an empty row, values with spaces around them; with `bad_kind`, one row names
    a kind that does not exist."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Partners AVK"
    sheet.append(["  NAAM ", "soort", "Gemeente ", "Opmerkingen", "E-mail"])
    sheet.append([" Stichting De Brug ", "Welzijn", "Groningen", "nieuw", "info@debrug.example"])
    sheet.append([None, None, None, None, None])
    sheet.append(
        ["Bakkerij Bol", "bakkerij" if bad_kind else "overig", "Assen", "", "bol@example.org"]
    )
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_job_4_secretary_exports_the_phase_plan_and_imports_partners(
    live_server, page, users, programme, adopted, tmp_path, lang
):
    from partners.models import Participation, Partner
    from programme.phases.models import PhasePlanDocument

    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "secretary")
    speak(page, lang)

    # the adopted phase plan, from the list of plans, and its PDF: the kept document
    page.goto(f"{live_server.url}/programmes/{programme.slug}/phase-plans/")
    page.locator(f"#main a[href='{adopted.get_absolute_url()}']").first.click()
    page.wait_for_url(f"**{adopted.get_absolute_url()}")
    assert page.locator("#ch-3 svg.phase-figure").count() == 2
    assert axe_violations(page) == []
    pdf = download(page, page.locator("a[href$='/pdf/']").first)
    assert pdf == bytes(PhasePlanDocument.objects.get(plan=adopted).content)

    # a partner list with one bad row: the row's error, nothing written
    partners_before = Partner.objects.count()
    page.goto(f"{live_server.url}/partners/{programme.slug}/import/")
    upload = page.locator("input[type=file]")
    upload.set_input_files(str(untidy_partner_list(tmp_path / "partners.xlsx", bad_kind=True)))
    page.locator("#main form[enctype] [type=submit]").click()
    page.wait_for_load_state()
    refusal = page.locator("#main .alert-danger")
    assert refusal.is_visible()
    problem = refusal.inner_text()
    assert "bakkerij" in problem and say(lang, "Rij 4", "Row 4") in problem
    assert say(lang, "niets", "nothing") in problem
    assert Partner.objects.count() == partners_before
    assert axe_violations(page) == []

    # corrected, as a Dutch Excel CSV (semicolons, a byte order mark): preview, then import
    good = tmp_path / "partners.csv"
    good.write_text(
        "\ufeff  NAAM ;soort;Gemeente ;Opmerkingen\n"
        " Stichting De Brug ;Welzijn;Groningen;nieuw\n;;;\nBakkerij Bol;overig;Assen;\n",
        encoding="utf-8",
    )
    upload.set_input_files(str(good))
    page.locator("#main form[enctype] [type=submit]").click()
    page.wait_for_load_state()
    preview = page.locator("#h-preview")
    assert preview.is_visible()
    assert Partner.objects.count() == partners_before  # a preview writes nothing
    assert axe_violations(page) == []
    page.locator("form[action$='/import/confirm/'] [type=submit]").click()
    page.wait_for_load_state()
    brug = Partner.objects.get(name="Stichting De Brug")
    assert (brug.kind, brug.municipality) == ("welzijn", "Groningen")
    assert Partner.objects.get(name="Bakkerij Bol").kind == "overig"
    assert Participation.objects.filter(programme=programme, partner=brug).exists()
