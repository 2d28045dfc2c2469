"""Demo data for programmes, people and roles (from the seeds). Idempotent: run it twice and
nothing is duplicated. Called by `manage.py load_demo`, which runs each app's step in order."""

from datetime import date

from django.contrib.auth import get_user_model

from avk import demo
from avk.access import Role

from . import services
from .models import Programme, RoleAssignment

User = get_user_model()

DEMO_PASSWORD = "avk-demo"

PROGRAMMES = [
    {
        "slug": "avk",
        "short_name": "AVK",
        "name": "Het duurzaam doorbreken van generatiearmoede in de Veenkoloniën",
        "ambition": (
            "Geen enkel kind, jongere of volwassene in ons werkgebied leeft langdurig in armoede."
        ),
        "start_date": date(2023, 1, 1),
        "horizon_years": 20,
        "phases": [
            ("definitie", date(2023, 1, 1), "Programmaplan opgesteld met de partners"),
            ("uitvoering", date(2023, 8, 1), "Start faseplan 1 (augustus 2023 - augustus 2024)"),
        ],
        "steering_forms": [
            (
                "regie",
                date(2023, 1, 1),
                "Besluit DB 19 juni 2023: regievorm, flexibel over 20 jaar",
            ),
        ],
    },
    {
        "slug": "landerd",
        "short_name": "Landerd",
        "name": "Landerd op weg naar positieve gezondheid",
        "ambition": (
            "Inwoners van Landerd ervaren positieve gezondheid: partners werken samen aan "
            "preventie vanuit de Wmo, de Wet publieke gezondheid en de Jeugdwet."
        ),
        "start_date": date(2017, 1, 1),
        "horizon_years": 4,
        "phases": [
            ("initiatie", date(2017, 1, 1), "Interne en externe initiatiefase"),
            ("definitie", date(2017, 7, 1), "Na het advies van 27 juni 2017"),
        ],
        "steering_forms": [("regie", date(2017, 7, 1), "Programmateam van Robuust en gemeente")],
    },
]

#: Rows recorded on another day than the one they hold from: the Dagelijks Bestuur chose the
#: regie form on 19 June 2023 (seed 001), for the programme from its start.
RECORDED_ON = {("avk", "regie"): date(2023, 6, 19)}

# username, first name, last name, e-mail, staff, superuser, [(programme slug, role)]
ACCOUNTS = [
    ("admin", "Beheerder", "Portaal", "admin@example.org", True, True, []),
    (
        "programmateam",
        "Saskia",
        "Duursma",
        "programmateam@example.org",
        True,
        False,
        [("avk", Role.PROGRAMME_TEAM)],
    ),
    ("bestuur", "Bert", "Bestuurder", "bestuur@example.org", False, False, [("avk", Role.BOARD)]),
    (
        "secretaris",
        "Sanne",
        "Secretaris",
        "secretaris@example.org",
        True,
        False,
        [("avk", Role.SECRETARIAT)],
    ),
    (
        "partner",
        "Petra",
        "Partner",
        "partner@example.org",
        False,
        False,
        [],  # her partner-contact role (for Noorderpoort) comes with the partners demo step
    ),
    (
        "landerd",
        "Lars",
        "Landerd",
        "landerd@example.org",
        True,
        False,
        [("landerd", Role.PROGRAMME_TEAM)],
    ),
]


def load(context: dict) -> None:
    out = context["out"]
    admin = _account(*ACCOUNTS[0][:6])
    context["admin"] = admin
    programmes = {}
    for spec in PROGRAMMES:
        programme = Programme.objects.filter(slug=spec["slug"]).first()
        if programme is None:
            (first_phase, _from, first_note), *later_phases = spec["phases"]
            (first_form, _from, form_note), *later_forms = spec["steering_forms"]
            programme = services.programme_create(
                by=admin,
                name=spec["name"],
                short_name=spec["short_name"],
                slug=spec["slug"],
                ambition=spec["ambition"],
                start_date=spec["start_date"],
                horizon_years=spec["horizon_years"],
                phase=first_phase,
                steering_form=first_form,
                phase_note=first_note,
                steering_form_note=form_note,
            )
            # history on the day of each fact, not the day the demo was loaded (avk.demo)
            demo.backdate(context, programme, spec["start_date"])
            _date_rows(context, spec, programme.phases.all(), "phase")
            _date_rows(context, spec, programme.steering_forms.all(), "steering_form")
            for phase, valid_from, note in later_phases:
                services.programme_set_phase(
                    programme=programme, phase=phase, valid_from=valid_from, note=note, by=admin
                )
                demo.backdate(context, programme, valid_from)
                _date_rows(context, spec, programme.phases.all(), "phase")
            for form, valid_from, note in later_forms:
                services.programme_set_steering_form(
                    programme=programme,
                    steering_form=form,
                    valid_from=valid_from,
                    note=note,
                    by=admin,
                )
                demo.backdate(context, programme, RECORDED_ON.get((spec["slug"], form), valid_from))
                _date_rows(context, spec, programme.steering_forms.all(), "steering_form")
            out(f"  programma {programme.short_name} aangemaakt")
        programmes[spec["slug"]] = programme
    context["programmes"] = programmes

    accounts = {"admin": admin}
    for username, first, last, email, staff, superuser, roles in ACCOUNTS[1:]:
        user = _account(username, first, last, email, staff, superuser)
        accounts[username] = user
        for slug, role in roles:
            programme = programmes[slug]
            if not RoleAssignment.objects.filter(
                programme=programme, user=user, role=role
            ).exists():
                assignment = services.role_grant(
                    programme=programme,
                    user=user,
                    role=role,
                    by=admin,
                    valid_from=programme.start_date,
                )
                demo.backdate(context, assignment, programme.start_date)
    context["accounts"] = accounts
    _back_office_permissions(
        [accounts["programmateam"], accounts["secretaris"], accounts["landerd"]]
    )


def _date_rows(context, spec, rows, kind) -> None:
    """Date the history of phase or steering-form rows on the day they were recorded: their
    first day, or the decision that chose them (RECORDED_ON)."""
    for row in rows:
        chosen = getattr(row, kind)
        demo.backdate(context, row, RECORDED_ON.get((spec["slug"], chosen), row.valid_from))


def summary(context: dict) -> None:
    """The accounts to log in with, and what each may do (printed after all steps ran)."""
    out = context["out"]
    out(f"Demo accounts (password '{DEMO_PASSWORD}'):")
    for username, first, last, _email, _staff, superuser, _roles in ACCOUNTS:
        held = RoleAssignment.objects.current().filter(user__username=username)
        what = ", ".join(
            f"{a.get_role_display()} {a.programme.short_name}"
            + (f" ({a.partner})" if a.partner_id else "")
            for a in held.select_related("programme", "partner")
        )
        out(f"  {username:<14} {first} {last}: {'superuser' if superuser else what}")


def _account(username, first, last, email, staff, superuser):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            email=email,
            is_staff=staff,
            is_superuser=superuser,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _back_office_permissions(users) -> None:
    """Staff get explicit model permissions through one group; the policy narrows them to
    the rows of their own programme."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name="Backoffice programma")
    wanted = Permission.objects.filter(
        content_type__app_label__in=["programme", "partners", "governance", "budget"],
    ).exclude(codename__startswith="delete_")
    group.permissions.set(wanted)
    for user in users:
        user.groups.add(group)
