"""One partner's page, its short address, and its history of changes."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from avk import sections
from avk.policy import Refused, allowed
from avk.shortcuts import SESSION_PROGRAMME

from .. import selectors
from ..models import Participation, Partner
from .common import participation_for


def partner_redirect(request, pk):
    """/partners/<pk>/: the partner's page in the current programme (or the first it is in)."""
    partner = get_object_or_404(Partner, pk=pk)
    participations = list(partner.participations.select_related("programme", "partner"))
    remembered = request.session.get(SESSION_PROGRAMME)
    participations.sort(key=lambda p: p.programme_id != remembered)
    for participation in participations:
        if allowed(request.user, "partners.view", participation):
            return redirect("partners:partner-detail", participation.programme.slug, partner.pk)
    raise Refused


def partner_context(request, programme, partner, participation=None) -> dict:
    """What the partner's page and 'My organisation' show, and what the person may do there
    (`participation`: the partner's in the programme, when the view has read it)."""
    partner = selectors.partner_detail(
        programme=programme, partner=partner, participation=participation
    )
    today = timezone.localdate()
    commitments = partner.programme_commitments
    current = next((c for c in commitments if c.in_force_on(today)), None)
    members = partner.programme_delegation
    history = selectors.commitment_history(commitments)
    for commitment in commitments:
        commitment.recorded = history.get(commitment.pk, {})
    user = request.user
    participation = (partner.programme_participation or [None])[0]
    if participation is not None:  # the programme at hand, which the policy asks for
        participation.programme = programme
    # the policy answers for the pair even if the partner has no participation here
    pair = participation or Participation(programme=programme, partner=partner)

    def may(verb):
        return allowed(user, f"partners.{verb}", pair)

    return {
        "programme": programme,
        "partner": partner,
        "participation": participation,
        # active in this programme: the organisation is active and has not left it
        "active_here": partner.active and participation is not None and not participation.left_on,
        "commitments": commitments,
        "current": current,
        "upcoming": [c for c in commitments if c.valid_from > today],
        "seats": selectors.delegation_seats(members),
        "missing": selectors.delegation_missing(members),
        "checks": selectors.package_item_checks(
            package=current.package if current else None,
            members=members,
            partner=partner,
            programme=programme,
        )
        if current
        else [],
        "gives": [i for i in current.package.items.all() if i.gives] if current else [],
        # without packages there is no commitment to record: the page says so instead
        "has_packages": current is not None or selectors.packages(programme=programme).exists(),
        "sections": sections.sections_for("partner", request, partner, programme),
        "can_change": may("change"),
        "can_change_commitment": may("change_commitment"),
        "can_change_delegation": may("change_delegation"),
        "can_deactivate": may("deactivate"),
        "can_correct": may("correct_commitment"),
        "can_view_history": may("view_history"),
        "back_office": allowed(user, "partners.view_list", programme),
    }


def partner_detail(request, slug, pk):
    participation = participation_for(request, slug, pk, "partners.view")
    context = partner_context(
        request, participation.programme, participation.partner, participation
    )
    return render(request, "partners/partner_detail.html", context)


def partner_history(request, slug, pk):
    """Who changed what and when: the organisation, its commitments and its delegation."""
    participation = participation_for(request, slug, pk, "partners.view_history")
    programme, partner = participation.programme, participation.partner
    return render(
        request,
        "partners/partner_history.html",
        {
            "programme": programme,
            "partner": partner,
            "history": selectors.partner_history(programme=programme, partner=partner),
            "back_url": reverse("partners:partner-detail", args=[programme.slug, partner.pk]),
            "title": _("History of %(partner)s") % {"partner": partner},
        },
    )
