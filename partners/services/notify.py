"""Tell the programme team what a partner changed (after the transaction commits)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from avk import mail
from avk.access import Role

from ..permissions import is_back_office


def notify_programme_team(*, programme, partner, by, what: str) -> None:
    """E-mail the programme team when a partner contact changed their organisation.

    Changes made by the back office (programme team, secretariat) or an administrator, and
    imports, send nothing: the team sees them on its home page.
    """
    if by is None or is_back_office(by, programme):
        return
    transaction.on_commit(
        lambda: _send(programme=programme, partner=partner, by=by, what=str(what))
    )


def team_addresses(programme) -> list[str]:
    from programme.core.models import RoleAssignment

    return sorted(
        set(
            RoleAssignment.objects.current()
            .filter(programme=programme, role=Role.PROGRAMME_TEAM, user__is_active=True)
            .filter(user__mail_partner_changes=True)  # their profile's e-mail preference
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def _send(*, programme, partner, by, what: str) -> None:
    recipients = team_addresses(programme)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.PORTAL_BASE_URL.rstrip("/") + reverse(
            "partners:partner-detail", args=[programme.slug, partner.pk]
        )
        context = {"programme": programme, "partner": partner, "by": by, "what": what, "link": link}
        subject = _("%(partner)s changed its details in %(programme)s") % {
            "partner": partner,
            "programme": programme,
        }
        body = render_to_string("partners/email/partner_changed.txt", context)
    mail.send(subject, body, recipients)
