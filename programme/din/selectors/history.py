"""The history of DIN items (django-simple-history): who changed what, when and why."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# --- history -----------------------------------------------------------------------------------


#: The reasons the DIN services record (stored in English, like every change reason), shown in
#: the reader's language; a reason may go on with details after the known start.
REASONS = {
    "effort added": _("effort added"),
    "effort edited": _("effort edited"),
    "effort removed": _("effort removed"),
    "indicator added": _("indicator added"),
    "indicator edited": _("indicator edited"),
    "indicator removed": _("indicator removed"),
    "measurement approved": _("measurement approved"),
    "measurement sent back": _("measurement sent back"),
    "measurement entered (draft)": _("measurement entered (draft)"),
    "measurement entered by the programme team (approved)": _(
        "measurement entered by the programme team (approved)"
    ),
    "measurement corrected and offered again": _("measurement corrected and offered again"),
    "member added to working group": _("member added to working group"),
    "member removed from working group": _("member removed from working group"),
    "member added": _("member added"),
    "member removed": _("member removed"),
    "moved with its goal's removal": _("moved along when its goal was removed"),
    "operational goal added": _("operational goal added"),
    "operational goal edited": _("operational goal edited"),
    "operational goal removed": _("operational goal removed"),
    "strategic goal added": _("strategic goal added"),
    "strategic goal edited": _("strategic goal edited"),
    "strategic goal removed": _("strategic goal removed"),
    "programme line added": _("programme line added"),
    "programme line edited": _("programme line edited"),
    "programme line removed": _("programme line removed"),
    "order closed up after a removal": _("order closed up after a removal"),
    "moved up": _("moved up"),
    "moved down": _("moved down"),
    "working group added": _("working group added"),
    "working group edited": _("working group edited"),
    "working group removed": _("working group removed"),
    "goal link moved from": _("goal link moved from"),
    "unlinked from goal": _("unlinked from goal"),
}


def reason_display(reason: str) -> str:
    """A recorded change reason in the reader's language (known start translated)."""
    for known in sorted(REASONS, key=len, reverse=True):
        if reason == known or reason.startswith(known + " ") or reason.startswith(known + ":"):
            return str(REASONS[known]) + reason[len(known) :]
    return reason


def history_entries(obj, limit: int = 25) -> list[dict]:
    """The latest changes of `obj` (from django-simple-history), newest first: who, when, why
    and which fields changed (label, old, new)."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-pk")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        changes = []
        previous = records[index + 1] if index + 1 < len(records) else None
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=["version", "order"])
            for change in delta.changes:
                try:
                    label = obj._meta.get_field(change.field).verbose_name
                except Exception:  # noqa: BLE001 - m2m or removed field
                    label = change.field
                changes.append(
                    {"field": str(label), "old": _short(change.old), "new": _short(change.new)}
                )
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "type": record.history_type,
                "reason": reason_display(record.history_change_reason or ""),
                "changes": changes,
            }
        )
    return entries


def _short(value) -> str:
    if isinstance(value, list):  # m2m
        value = ", ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:117] + "..."
