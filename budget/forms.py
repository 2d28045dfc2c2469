"""The budget's forms. Field lists shared with the admin come from the models' EDITABLE_FIELDS;
every amount is a DecimalField (euros and cents, never a float)."""

from __future__ import annotations

from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk import formats
from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput, Select, TextInput
from programme.din.models import Effort, WorkingGroup

from .models import Budget, BudgetLine, MemberContribution, Side


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


def _amount(label, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        localize=True,
        widget=TextInput,
        error_messages={
            "invalid": _("Give an amount in euros, like 2500 or 2500,50."),
            "max_decimal_places": _("An amount has at most two decimals (cents)."),
        },
        **kwargs,
    )


class BudgetForm(VersionedFormMixin, forms.ModelForm):
    """A concept's title, period and explanation; on a new budget, the lines to copy."""

    class Meta:
        model = Budget
        fields = Budget.EDITABLE_FIELDS
        widgets = {
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "explanation": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
            self.fields["copy_from"] = forms.ModelChoiceField(
                label=_("Copy the lines of"),
                queryset=Budget.objects.filter(programme=programme).order_by(
                    "-valid_from", "-revision"
                ),
                required=False,
                empty_label=_("(start empty)"),
                help_text=_("The new budget starts with a copy of that budget's lines."),
            )
        self.helper = _helper()


def initial_for_new_budget(programme) -> dict:
    """The next calendar year after the latest budget (or this year), with its title."""
    latest = Budget.objects.filter(programme=programme).order_by("-valid_until").first()
    year = latest.valid_until.year + 1 if latest else timezone.localdate().year
    return {
        "title": _("Programme budget %(year)s") % {"year": year},
        "valid_from": date(year, 1, 1),
        "valid_until": date(year, 12, 31),
        "copy_from": latest,
    }


class LineForm(VersionedFormMixin, forms.ModelForm):
    """A cost or coverage line. The effort and working group are the programme's own."""

    amount = _amount(_("Amount (EUR)"), min_value=0)

    class Meta:
        model = BudgetLine
        fields = (
            "category",
            "description",
            "amount",
            "source_kind",
            "derived",
            "effort",
            "working_group",
            "explanation",
        )
        widgets = {"explanation": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, budget: Budget, side: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.side = side
        if not self.instance.pk:
            del self.fields["version"]
            # the model's own checks (an effort of another programme) know the budget
            self.instance.budget = budget
            self.instance.side = side
        self.fields["amount"].error_messages["min_value"] = _("An amount cannot be negative.")
        self.fields["effort"].queryset = Effort.objects.filter(
            programme_id=budget.programme_id
        ).order_by("title")
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(
            programme_id=budget.programme_id
        )
        if side == Side.COSTS:
            del self.fields["source_kind"]
            del self.fields["derived"]
        else:
            self.fields["source_kind"].required = True
            self.fields["category"].help_text = _("Optional, e.g. NPG or Regiodeal.")
            if self.instance.derived:
                self.fields["amount"].required = False
                self.fields["amount"].help_text = _(
                    "Follows the commitments while the budget is a concept."
                )
        self.helper = _helper()

    def add_error(self, field, error):
        """The model's own check repeats "choose a source" for a field the form already found
        empty: each field shows its first message only once."""
        if field is None and hasattr(error, "error_dict"):
            kept = {k: v for k, v in error.error_dict.items() if k not in self.errors}
            if not kept:
                return
            error = ValidationError(kept)
        super().add_error(field, error)

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        if data.get("amount") is None:
            data.pop("amount", None)
        return {"side": self.side, **data}


class RealisationForm(forms.Form):
    line = forms.ModelChoiceField(
        label=_("Line"), queryset=BudgetLine.objects.none(), widget=Select
    )
    booked_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)
    amount = _amount(_("Amount (EUR)"), help_text=_("A negative amount corrects an earlier entry."))
    note = forms.CharField(label=_("Note"), max_length=300, required=False, widget=TextInput)

    def __init__(self, *args, budget: Budget, lines=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["line"]
        field.queryset = budget.lines.order_by("-side", "order", "pk")
        field.label_from_instance = _line_label
        if lines is not None:
            # the budget's page has read all its lines: the same choices without a query
            ordered = sorted(lines, key=lambda line: (line.order, line.pk))
            ordered.sort(key=lambda line: line.side, reverse=True)  # stable: "-side"
            sides = {}  # each side's name once
            for line in ordered:
                if line.side not in sides:
                    sides[line.side] = line.get_side_display()
            field.choices = [("", field.empty_label)] + [
                (line.pk, _line_label(line, sides[line.side])) for line in ordered
            ]
        # today, or the nearest day of the budget's period
        today = timezone.localdate()
        self.fields["booked_on"].initial = min(max(today, budget.valid_from), budget.valid_until)
        self.helper = _helper()


def _line_label(line: BudgetLine, side: str | None = None) -> str:
    """The line in the form's choice: "Kosten: Programmaleiding" (`side`: its side's name)."""
    return f"{side or line.get_side_display()}: {line.description}"


class SubmitForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Put before"), queryset=None, empty_label=None)
    introduction = forms.CharField(
        label=_("Introduction"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Optional: a few sentences for the board; the budget itself is linked."),
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.helper = _helper()


class PaymentForm(VersionedFormMixin, forms.Form):
    amount = _amount(_("Amount paid (EUR)"), min_value=0.01)
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, contribution: MemberContribution | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].error_messages["min_value"] = _("Give an amount above zero.")
        if contribution is not None and "amount" not in self.initial:
            self.initial["amount"] = contribution.outstanding
            self.initial["version"] = contribution.version
        self.helper = _helper()


class InvoiceForm(forms.Form):
    invoiced_on = forms.DateField(
        label=_("Invoiced on"), widget=DateInput(), initial=timezone.localdate
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the language of the request (not of the moment the module was imported).
        self.fields["file"].help_text = _(
            "An Excel workbook (.xlsx) or a CSV file, at most %(size)s."
        ) % {"size": formats.file_size(settings.IMPORT_MAX_UPLOAD_SIZE)}
        self.helper = _helper()


class MappingForm(forms.Form):
    account = forms.CharField(max_length=50, widget=forms.HiddenInput)
    line = forms.ModelChoiceField(label=_("Budget line"), queryset=BudgetLine.objects.none())

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = budget.lines.order_by("side", "order", "pk")
        self.fields["line"].label_from_instance = _line_label
