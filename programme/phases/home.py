"""The home panel of the phase plans: everyone in the programme sees the plan in force (its
current adopted plan); who reads concepts (the programme team, the secretariat, the board) also
sees the concept that awaits adoption, with the proposal it was put before the board in. The
data for all the person's programmes is read once per request (two queries whatever their
number); what a person sees is asked of the policy per plan."""

from django.urls import reverse
from django.utils.translation import gettext as _

from avk.access import programme_ids_with_role
from avk.home import STATUS, Panel
from avk.policy import allowed

from . import selectors

_CACHE = "_phaseplans_home"


def _entry(request, programme) -> dict:
    data = getattr(request, _CACHE, None)
    if data is None:
        data = selectors.home_data(programme_ids_with_role(request.user))
        setattr(request, _CACHE, data)
    if programme.pk not in data:  # a programme without a role (a superuser): read it alone
        data.update(selectors.home_data([programme.pk]))
    return data[programme.pk]


def panels(request, programme, roles):
    user = request.user
    if not allowed(user, "phaseplans.view_list", programme):
        return []
    entry = _entry(request, programme)
    adopted = entry["adopted"]
    if adopted is not None and not allowed(user, "phaseplans.view", adopted):
        adopted = None
    concepts = [
        {
            "plan": plan,
            "decision": plan.awaits,
            "may_open": plan.awaits is not None
            and allowed(user, "governance.view", plan.awaits.proposal),
        }
        for plan in entry["concepts"]
        if allowed(user, "phaseplans.view", plan)
    ]
    if adopted is None and not concepts:
        return []
    return [
        Panel(
            _("Phase plan"),
            "programme/phases/_panel_home.html",
            {"programme": programme, "adopted": adopted, "concepts": concepts},
            section=STATUS,
            url=reverse("programme:phaseplans", args=[programme.slug]),
        )
    ]
