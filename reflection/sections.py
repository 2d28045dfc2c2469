"""Traceable both ways: what reflection adds to the page of an item that took up attention
points (an effort, a working group, a proposal with its decisions, later a phase plan). Every
kind registered in `reflection.targets` gets this section; the page asks
`avk.sections.sections_for(<kind>, request, obj, programme)`."""

from django.utils.translation import gettext as _

from avk import policy
from avk.home import Panel

from . import selectors


def traced_section(request, obj, programme):
    """The attention points and ingredients that led to `obj` (two queries), for whoever reads
    the programme's reflection."""
    if programme is None or not policy.allowed(request.user, "reflection.view", programme):
        return []
    found = selectors.traced_to(obj)
    if not found:
        return []
    return [
        Panel(
            _("From the islands of reflection"),
            "reflection/_traced.html",
            {"links": found, "programme": programme},
        )
    ]
