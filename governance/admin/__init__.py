"""Governance in the Django admin, scoped per programme. Every save and every workflow action
calls the same services as the pages (which ask the gate); recorded decisions and votes are
read-only here: no change, no delete, no delete action."""

from . import bodies, decisions, meetings, proposals

__all__ = ["bodies", "decisions", "meetings", "proposals"]
