"""The history events of programme.core's services, with the labels every history page shows.

Details hold codes and dates, never text in one language: `phase`, `steering_form` and `role`
are the choices' codes, which programme.core.history shows by their labels in the reader's
language; `person` is the person's name; `from` and `on` are dates.
"""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

EVENTS = {
    "programme.created": _("Programme created"),
    "programme.edited": _("Programme edited"),
    # details: {"phase": code, "from": date}
    "programme.phase_recorded": _("Phase %(phase)s from %(from)s"),
    # details: {"steering_form": code, "from": date}
    "programme.steering_form_recorded": _("Steering form %(steering_form)s from %(from)s"),
    # details: {"person": name, "role": code, "from": date}
    "role.granted": _("%(person)s: role %(role)s from %(from)s"),
    # details: {"person": name, "role": code, "on": date} (the last day in the role)
    "role.ended": _("%(person)s: role %(role)s ended on %(on)s"),
}

register_events(EVENTS)
