"""Demo data for partners (from the seeds). Idempotent. Runs after programme.demo."""

from datetime import date

from avk.access import Role
from programme.models import RoleAssignment
from programme.services import role_grant

from .models import Participation, Partner


def load(context: dict) -> None:
    admin = context["admin"]
    avk = context["programmes"]["avk"]
    noorderpoort = Partner.objects.filter(name__iexact="Noorderpoort").first()
    if noorderpoort is None:
        noorderpoort = Partner.objects.create(
            name="Noorderpoort", kind="onderwijs", municipality="Groningen"
        )
        Participation.objects.create(
            programme=avk, partner=noorderpoort, joined_on=date(2017, 1, 1)
        )
    contact = context["accounts"]["partner"]
    if not RoleAssignment.objects.filter(
        user=contact, programme=avk, role=Role.PARTNER_CONTACT
    ).exists():
        role_grant(
            programme=avk,
            user=contact,
            role=Role.PARTNER_CONTACT,
            by=admin,
            valid_from=avk.start_date,
            partner=noorderpoort,
        )
