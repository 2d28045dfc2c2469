"""{% form_fields form %} draws what {% crispy form %} draws (whitespace aside), for the kinds
of form the portal has: unbound, with errors, with help texts, hidden fields, selects, dates,
text areas; and lets crispy draw what it does not (checkboxes, files, a layout)."""

import re
from decimal import Decimal

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.template import engines
from django.utils.translation import override

from avk.form_fields import fields_html
from avk.forms import DateInput, Select, add_service_errors
from budget.forms import InvoiceForm, PaymentForm, UploadForm


def _helper(**changes):
    helper = FormHelper()
    helper.form_tag = False
    for name, value in changes.items():
        setattr(helper, name, value)
    return helper


class EveryKind(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, initial=3)
    name = forms.CharField(label="Naam <organisatie>", max_length=40)
    amount = forms.DecimalField(
        label="Bedrag (EUR)", localize=True, help_text="Een <em>negatief</em> bedrag corrigeert."
    )
    day = forms.DateField(label="Datum", widget=DateInput(), required=False)
    kind = forms.ChoiceField(
        label="Soort", choices=[("", "---------"), ("a", "A & co"), ("b", "B")], widget=Select
    )
    plain_kind = forms.ChoiceField(label="Pakket", choices=[("a", "A"), ("b", "B")])
    note = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    mail = forms.EmailField(label="E-mail", required=False, widget=forms.EmailInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class WithCheckbox(EveryKind):
    agree = forms.BooleanField(label="Akkoord", required=False)


def _crispy(form) -> str:
    return (
        engines["django"]
        .from_string("{% load crispy_forms_tags %}{% crispy form %}")
        .render({"form": form})
    )


def _tag(form) -> str:
    return (
        engines["django"].from_string("{% load avk %}{% form_fields form %}").render({"form": form})
    )


def _same(html: str) -> str:
    """Whitespace aside: runs of it as one space, none next to a tag."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r" ?(<[^>]*>) ?", r"\1", html).strip()


BAD = {"version": "3", "name": "", "amount": "12,345", "day": "31-02-2024", "kind": "x"}
GOOD = {
    "version": "3",
    "name": "Stichting Kans",
    "amount": "1250",
    "kind": "a",
    "plain_kind": "b",
}

CASES = {
    "unbound": lambda: EveryKind(),
    "unbound with initial": lambda: EveryKind(initial={"name": "<b>Kans</b>", "amount": 12}),
    "bound, valid": lambda: EveryKind(GOOD),
    "prefixed": lambda: EveryKind(prefix="regel-2"),
    "payment": lambda: PaymentForm(),
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_fields_are_drawn_as_crispy_draws_them(case, language):
    with override(language):
        drawn, expected = _tag(CASES[case]()), _crispy(CASES[case]())
        form = CASES[case]()
        form.is_bound and form.is_valid()
        assert fields_html(form) is not None  # drawn here, not handed to crispy
    assert _same(drawn) == _same(expected)


def test_a_refused_form_is_drawn_by_crispy_with_its_error_summary():
    form = EveryKind(BAD)
    assert fields_html(form) is None
    html = _tag(EveryKind(BAD))
    assert _same(html) == _same(_crispy(EveryKind(BAD)))
    assert "error-summary" in html
    assert html.count('class="invalid-feedback"') == 4  # name, day, kind, plain kind


@pytest.mark.parametrize(
    "make",
    [
        lambda: WithCheckbox(),
        lambda: UploadForm(),
        lambda: InvoiceForm(),  # no helper: crispy's own draws a <form>
        lambda: _with_layout(EveryKind()),
        lambda: _with_form_error(EveryKind(GOOD)),
        lambda: PaymentForm({"amount": "-5", "paid_on": "gisteren"}),
    ],
    ids=["checkbox", "file", "no helper", "layout", "error of the form", "field errors"],
)
def test_what_it_does_not_draw_crispy_draws(make):
    form = make()
    assert fields_html(form) is None
    assert _same(_tag(make())) == _same(_crispy(make()))


def _with_layout(form):
    form.helper = _helper(layout=Layout("name", "amount"))
    return form


def _with_form_error(form):
    assert form.is_valid()
    add_service_errors(form, forms.ValidationError("De begroting is al vastgesteld."))
    return form


def test_a_second_draw_of_the_same_form_is_the_same():
    form = EveryKind(initial={"amount": Decimal("3.50")})
    assert _tag(form) == _tag(form)
