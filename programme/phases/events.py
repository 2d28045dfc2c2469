"""The history events of the phase plans' services, with the labels history pages show."""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

EVENTS = {
    "phaseplan.created": _("Phase plan drawn up"),
    "phaseplan.copied": _("Phase plan drawn up from %(source)s"),
    "phaseplan.edited": _("Phase plan edited"),
    "phaseplan.selection": _("Selection changed: %(goals)s goals and %(efforts)s efforts taken up"),
    "phaseplan.attention_added": _("Takes up attention point %(point)s"),
    "phaseplan.attention_removed": _("No longer takes up attention point %(point)s"),
    "phaseplan.submitted": _("Put before %(body)s for adoption"),
    "phaseplan.adopted": _("Adopted by decision %(number)s; its contents are frozen"),
    "phaseplan.closed": _("Closed on %(on)s"),
}

register_events(EVENTS)
