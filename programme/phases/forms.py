"""The phase plans' forms: a plan's title, period and texts; the selection's months; putting a
plan before the board; taking up an attention point."""

from __future__ import annotations

import re
from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput, normalise_date

from .models import PhasePlan


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class PlanForm(VersionedFormMixin, forms.ModelForm):
    """A concept's number, title, period, budget and texts; a new plan may copy the texts and
    selection of an earlier one."""

    class Meta:
        model = PhasePlan
        fields = PhasePlan.EDITABLE_FIELDS
        widgets = {
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            **{name: forms.Textarea(attrs={"rows": 6}) for name in PhasePlan.TEXT_FIELDS},
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        from budget.models import Budget

        self.fields["budget"].queryset = Budget.objects.filter(programme=programme).order_by(
            "-valid_from", "-revision"
        )
        self.fields["budget"].empty_label = _("(no budget linked)")
        if not self.instance.pk:
            del self.fields["version"]
            self.fields["copy_from"] = forms.ModelChoiceField(
                label=_("Copy the texts and selection of"),
                queryset=PhasePlan.objects.filter(programme=programme)
                .defer("frozen")
                .order_by("-number"),
                required=False,
                empty_label=_("(start empty)"),
            )
        self.helper = _helper()


#: "08-2023", "8-2023", "8/2023", "2023-08", "aug 2023", "augustus 2023".
_NUMERIC = re.compile(r"^(\d{1,2})[-/.\s](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(value: str) -> date | None:
    """The first day of the month typed; None when empty; ValueError when unreadable."""
    text = " ".join((value or "").split()).lower()
    if not text:
        return None
    match = _NUMERIC.match(text)
    if match:
        number, year = int(match.group(1)), int(match.group(2))
    elif (match := _ISO.match(text)) is not None:
        year, number = int(match.group(1)), int(match.group(2))
    else:
        written = normalise_date(f"1 {text}")  # "1 augustus 2023" -> "1-8-2023"
        match = re.match(r"^1-(\d{1,2})-(\d{4})$", written or "")
        if not match:
            raise ValueError(value)
        number, year = int(match.group(1)), int(match.group(2))
    if not 1 <= number <= 12 or not 1900 <= year <= 2200:
        raise ValueError(value)
    return date(year, number, 1)


def month_text(day: date | None) -> str:
    return day.strftime("%m-%Y") if day else ""


class SelectionForm(forms.Form):
    """The ticked goals and efforts with their months, read from the posted selection screen
    (whose inputs are drawn by the template from the DIN tree). The plan's version comes with
    the post (`avk.shortcuts.posted_version`)."""

    def __init__(self, data=None, *, effort_ids=(), **kwargs):
        super().__init__(data, **kwargs)
        self.effort_ids = set(effort_ids)
        self.month_errors: dict[str, str] = {}

    def _ids(self, name: str) -> list[int]:
        raw = self.data.getlist(name) if hasattr(self.data, "getlist") else []
        if not all(str(v).isdigit() for v in raw):
            raise ValidationError(_("The selection was damaged on its way; reload the page."))
        return [int(v) for v in raw]

    def clean(self):
        cleaned = super().clean()
        cleaned["strategic_goals"] = self._ids("strategic")
        cleaned["operational_goals"] = self._ids("operational")
        efforts = {}
        for pk in self._ids("effort"):
            months = []
            for side in ("start", "end"):
                name = f"{side}-{pk}"
                try:
                    months.append(parse_month(self.data.get(name, "")))
                except ValueError:
                    self.month_errors[name] = str(
                        _("Write the month as mm-yyyy, for example 08-2023.")
                    )
                    months.append(None)
            efforts[pk] = tuple(months)
        if self.month_errors:
            raise ValidationError(
                _("Some months could not be read; they are marked below."), code="months"
            )
        cleaned["efforts"] = efforts
        return cleaned


class SubmitForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Put before"), queryset=None, empty_label=None)
    with_budget = forms.BooleanField(
        label=_("Put the plan's concept budget before the board in the same proposal"),
        required=False,
    )
    introduction = forms.CharField(
        label=_("Introduction"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Optional: a few sentences for the board; the plan itself is linked."),
    )

    def __init__(self, *args, bodies, budget_concept: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        if budget_concept:
            self.fields["with_budget"].initial = True
        else:
            del self.fields["with_budget"]
        self.helper = _helper()


class TakeUpForm(forms.Form):
    point = forms.TypedChoiceField(label=_("Attention point"), coerce=int, choices=())
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].choices = [("", _("Choose an attention point"))] + [
            (p.pk, f"{p.session.round.title} · {p.reference} {p.title}") for p in points
        ]
        self.helper = _helper()
