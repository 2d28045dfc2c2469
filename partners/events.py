"""The history events of the partners services, with the labels history pages show.

A service records one of these codes with structured details (`avk.services`); the label is
filled from the details when the history is read, in the reader's language. Free text a person
typed (the reason for a deactivation) goes in details["note"] and is shown after the label.
"""

from django.utils.translation import gettext_lazy as _

from avk.history import register_events

from .models import DelegationLevel

EVENTS = {
    # organisations and their participation in programmes
    "partner.created": _("Partner added"),
    "partner.edited": _("Edited"),
    "partner.deactivated": _("Deactivated in %(programme)s"),
    "partner.left_programme": _("Left %(programme)s"),
    "partner.reactivated": _("Active again in %(programme)s"),
    "participation.joined": _("Joined the programme"),
    "participation.rejoined": _("Joined the programme again"),
    "participation.left": _("Left the programme on %(on)s"),
    # commitments
    "commitment.started": _("From %(date)s: package %(code)s."),
    "commitment.changed": _("Package %(old)s → %(package)s from %(from)s"),
    "commitment.ended_by_change": _("Ended on %(on)s: package %(package)s from %(from)s"),
    "commitment.ended": _("Package %(package)s ended on %(on)s"),
    "commitment.ended_by_deactivation": _(
        "Package %(package)s ended on %(on)s: partner deactivated"
    ),
    "commitment.corrected": _("Package %(package)s from %(from)s corrected"),
    # the delegation
    "delegation.edited": _("Delegation: %(name)s edited"),
    "delegation.removed": _("Delegation: %(name)s removed"),
    "delegation.contact_released": _("%(name)s is no longer the point of contact"),
    # packages
    "package.created": _("Package %(code)s created"),
    "package.edited": _("Package edited"),
    "package.removed": _("Package removed"),
    "package_item.created": _("Package item added"),
    "package_item.edited": _("Package item edited"),
    "package_item.removed": _("Package item removed"),
}

#: Events whose details hold a delegation level's code ("bestuurder"), shown by its label.
LEVEL_EVENTS = {
    "delegation.added": _("Delegation: %(name)s added (%(level)s)"),
}

register_events(EVENTS)
register_events(LEVEL_EVENTS, choices={"level": DelegationLevel})
