"""Optimistic locking: a `version` field, carried hidden in the form, checked in the service.

When someone else saved the item after the form was opened, the service raises `StaleEdit`
(a ValidationError, so forms show it) naming who changed what meanwhile; nothing is saved.
The changes are read from the item's django-simple-history records.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


class StaleEdit(ValidationError):
    def __init__(self, obj, changes: list[tuple[str, str, str]], changed_by, changed_at):
        self.obj = obj
        self.changes = changes
        self.changed_by = changed_by
        self.changed_at = changed_at
        details = "; ".join(f"{label}: '{old}' → '{new}'" for label, old, new in changes)
        message = _(
            "%(who)s saved this item on %(when)s, after you opened it. Your changes have not "
            "been saved. Changed meanwhile: %(details)s. Check the values and save again to "
            "replace them with yours."
        ) % {
            "who": changed_by or _("Someone"),
            "when": date_format(localtime(changed_at), "DATETIME_FORMAT") if changed_at else "?",
            "details": details or _("(no visible fields)"),
        }
        super().__init__(message, code="stale")


def ensure_fresh(obj, version: int) -> None:
    """Raise StaleEdit unless `obj` (locked with select_for_update) still has `version`."""
    if obj.version == version:
        return
    changes: list[tuple[str, str, str]] = []
    latest = obj.history.order_by("-history_date", "-history_id").first()
    opened = obj.history.filter(version=version).order_by("-history_date").first()
    if latest is not None and opened is not None:
        delta = latest.diff_against(opened, excluded_fields=["version"])
        for change in delta.changes:
            field = obj._meta.get_field(change.field)
            changes.append((str(field.verbose_name), _display(change.old), _display(change.new)))
    raise StaleEdit(
        obj,
        changes,
        changed_by=getattr(latest, "history_user", None),
        changed_at=getattr(latest, "history_date", None),
    )


def _display(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "..."


class VersionedFormMixin(forms.Form):
    """Adds the hidden `version` the form was opened with; after a StaleEdit the form carries
    the current version, so saving again is a deliberate choice to overwrite."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and "version" not in self.initial:
            self.initial["version"] = instance.version

    def refuse_stale(self, error: StaleEdit) -> None:
        self.add_error(None, error)
        data = self.data.copy()
        data["version"] = error.obj.version
        self.data = data
