"""Reflection in `programme`: a framework made as data (not the Lemniscaat model by name: any
framework works), a round with a session, an effort here and one in the other programme, and
a quick scan with three questions. Users per role come from tests/conftest.py; the partner
contact speaks for Noorderpoort."""

from datetime import date

import pytest

from partners.models import Participation, Partner
from reflection import services
from reflection.models import Framework
from tests.factories import EffortFactory, PartnerFactory


@pytest.fixture
def framework(db, users):
    """A framework with three sides and guiding topics, shared by every programme."""
    return services.framework_create(
        by=users["superuser"],
        name="Driehoek",
        description="Een raamwerk dat geen code kent.",
        categories=[
            ("Inhoud", "INH", "wat we doen", ["Doelen", "Inspanningen"]),
            ("Samenwerking", "SAM", "", ["Team", "Partners"]),
            ("Omgeving", "OMG", "", []),
        ],
    )


@pytest.fixture
def categories(framework):
    return {c.short_name: c for c in framework.categories.all()}


@pytest.fixture
def round_(users, programme):
    return services.round_create(
        programme=programme,
        by=users["programme_team"],
        title="Eilanden van reflectie 2025",
        year=2025,
        feeds="faseplan 3",
        introduction="Elk jaar nodigen we alle partners uit op een eiland van reflectie.",
    )


@pytest.fixture
def session(users, round_, framework):
    return services.session_create(
        round_=round_,
        by=users["programme_team"],
        level="programmateam",
        date=date(2025, 6, 2),
        facilitator="Lauren Algra (Algra Consulting)",
        framework=framework,
        participants=[users["programme_team"]],
    )


@pytest.fixture
def effort(programme):
    return EffortFactory(programme=programme, title="Monitoring van het programma")


@pytest.fixture
def foreign_effort(other_programme):
    return EffortFactory(programme=other_programme, title="Preventieakkoord Landerd")


@pytest.fixture
def own(users, programme):
    """Noorderpoort, the partner the `partner_contact` user speaks for."""
    return Partner.objects.get(name="Noorderpoort")


@pytest.fixture
def other(users, programme):
    partner = PartnerFactory(name="Gemeente Emmen", kind="gemeente")
    Participation.objects.create(programme=programme, partner=partner)
    return partner


@pytest.fixture
def scan(users, programme, round_):
    return services.scan_create(
        programme=programme,
        by=users["programme_team"],
        title="Is de organisatie AVK-proof?",
        round=round_,
        items=[
            ("Worden de randvoorwaarden RUG uitgevoerd?", ""),
            ("Is er een intern AVK-team (1 bestuurder, 2 managers, 2 uitvoering)?", ""),
            ("Staat de visie in de eigen plannen?", ""),
        ],
    )


def fill(scan, partner, answers, *, by, remark=""):
    items = list(scan.items.all())
    return services.scan_fill(
        scan=scan,
        partner=partner,
        answers={item.pk: (answer, "") for item, answer in zip(items, answers, strict=True)},
        remark=remark,
        version=None,
        by=by,
    )


def add_point(session, by, *, category=None, title="Monitoring, effectiviteit en ervaringen"):
    return services.point_add(session=session, by=by, category=category, title=title)


__all__ = ["Framework", "add_point", "fill"]
