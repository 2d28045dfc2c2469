"""avk.forms.Select and TextInput write what Django's Select and TextInput write with their
templates (select.html, select_option.html, input.html, attrs.html), for every kind of value,
option and label, in Dutch and English: they only skip the templates (issue 15)."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from avk.forms import Select

CHOICES = {
    "empty choice and strings": [("", "All partners"), ("a", "Alpha"), ("b", "Beta")],
    "strings to escape": [
        ("<&\"'>", "Tom & Jerry <b>\"quoted\"</b> 'single'"),
        ("plain", "x < y & y > z"),
    ],
    "integers": [(1, 1), (2, 1234567), (-3, 0), (10**12, -42)],
    "lazy and safe": [
        ("lazy", gettext_lazy("Partner")),
        ("safe", mark_safe("<em>already safe</em> &amp;")),
        (mark_safe("v&amp;"), "safe value"),
        (gettext_lazy("Status"), "lazy value"),
    ],
    "other types": [
        (ModelChoiceIteratorValue(7, object()), "a model's row"),
        (ModelChoiceIteratorValue("<a&b>", None), ModelChoiceIteratorValue(8, None)),
        (None, "none"),
        (True, False),
        (Decimal("1234.50"), Decimal("1234.5")),
        (1.5, 12345.678),
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 1)),
    ],
    "optgroups": [
        ("", "---"),
        ("Group <1> & co", [(1, "One"), (2, "Two & two")]),
        (gettext_lazy("Partner"), [("x", "X"), ("y", gettext_lazy("Status"))]),
        (3, "Three"),
    ],
    "none": [],
}
VALUES = [None, "", "a", "b", 1, "1", 2, "-3", "<&\"'>", "x", "lazy", "v&amp;", ["1", "2"]]
ATTRS = [
    None,
    {"class": "form-select is-invalid", "aria-invalid": "true"},
    {"disabled": True, "required": False, "data-x": '<"&">', "data-n": 7, "id": "id_<x>"},
    {"aria-describedby": mark_safe("id_a_help id_a_error"), "class": gettext_lazy("Partner")},
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", list(CHOICES))
def test_select_as_django_renders_it(language, kind):
    with translation.override(language):
        for widget_attrs in [None, {"class": "form-select"}, {"disabled": True}]:
            ours = Select(attrs=widget_attrs, choices=CHOICES[kind])
            django = forms.Select(attrs=widget_attrs, choices=CHOICES[kind])
            _assert_rendered_alike(ours, django, VALUES, ["partner", 'a"<b>&'])


def _assert_rendered_alike(ours, django, values, names):
    """Our widget writes what Django's writes, for each value, name and set of attrs."""
    for value in values:
        for attrs in ATTRS:
            for name in names:
                expected = django.render(name, value, attrs)
                assert ours.render(name, value, attrs) == expected, (value, attrs)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_select_of_a_bound_field_as_django_renders_it(language):
    class Form(forms.Form):
        ours = forms.ChoiceField(
            choices=[("", "All"), ("a&b", "A & B"), ("c", gettext_lazy("Status"))],
            required=False,
            widget=Select,
        )
        django = forms.ChoiceField(
            choices=[("", "All"), ("a&b", "A & B"), ("c", gettext_lazy("Status"))],
            required=False,
        )

    with translation.override(language):
        for data in [None, {}, {"ours": "a&b", "django": "a&b"}, {"ours": "?", "django": "?"}]:
            form = Form(data)
            form.is_valid() if data is not None else None
            assert str(form["ours"]).replace("id_ours", "id_django").replace(
                'name="ours"', 'name="django"'
            ) == str(form["django"])


def test_another_template_is_still_used():
    """A subclass with templates of its own renders them (the shortcut is only for Django's)."""
    templates = {
        "template_name": "django/forms/widgets/radio.html",
        "option_template_name": "django/forms/widgets/radio_option.html",
    }
    ours = type("Ours", (Select,), templates)(choices=[("a", "A & a"), ("b", "B")])
    django = type("Django", (forms.Select,), templates)(choices=[("a", "A & a"), ("b", "B")])
    assert ours.render("x", "a") == django.render("x", "a")
    assert "<label>" in ours.render("x", "a")


@pytest.mark.django_db
@pytest.mark.parametrize("empty_label", ["All people", None])
def test_model_choices_as_django_reads_them(django_assert_num_queries, empty_label):
    """avk.forms.ModelChoiceField offers the same choices as Django's, in one plain query."""
    from django.contrib.auth import get_user_model

    from avk.forms import ModelChoiceField

    users = get_user_model()
    for name in ["b<&>", "a", 'c"']:
        users.objects.create(username=name)
    queryset = users.objects.order_by("username")
    ours = ModelChoiceField(queryset, empty_label=empty_label, required=False, widget=Select)
    django = forms.ModelChoiceField(queryset, empty_label=empty_label, required=False)
    with django_assert_num_queries(1):
        choices = [(str(value), label) for value, label in ours.choices]
    assert choices == [(str(value), label) for value, label in django.choices]
    assert len(choices) == 3 + (empty_label is not None)
    picked = str(users.objects.get(username="a").pk)
    assert ours.widget.render("u", picked, {"id": "id_u"}) == forms.Select(
        choices=django.choices
    ).render("u", picked, {"id": "id_u"})
    assert ours.clean(picked) == django.clean(picked)


TEXT_VALUES = [None, "", "Kans & co <b>", 'aanhalings"tekens"', 0, 12, Decimal("1234.50"), 1.5,
               mark_safe("<em>veilig</em>"), gettext_lazy("Partner"), datetime.date(2024, 3, 1),
               True, False]  # fmt: skip


@pytest.mark.parametrize("language", ["nl", "en"])
def test_text_input_as_django_renders_it(language):
    """avk.forms.TextInput writes what Django's TextInput writes with input.html/attrs.html."""
    from avk.forms import TextInput

    with translation.override(language):
        for widget_attrs in [None, {"class": "textinput form-control"}, {"maxlength": 300}]:
            ours, django = TextInput(attrs=widget_attrs), forms.TextInput(attrs=widget_attrs)
            _assert_rendered_alike(ours, django, TEXT_VALUES, ["note", 'a"<b>&'])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_date_input_writes_what_it_wrote_through_the_template(language):
    """The date field's input and hint: the same as through Django's input template (which a
    widget with another template name than text.html still renders)."""
    from avk.forms import DateInput

    class Templated(DateInput):
        template_name = "django/forms/widgets/input.html"  # what text.html includes

    with translation.override(language):
        for value in [None, "", datetime.date(2024, 3, 1), "31-02-2024", "<x>"]:
            for attrs in ATTRS:
                ours = DateInput().render("booked_on", value, attrs)
                assert ours == Templated().render("booked_on", value, attrs)
                assert 'class="form-text"' in ours
