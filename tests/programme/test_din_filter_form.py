"""The DIN overview's filter reads its lines, partners and working groups as (pk, name) rows
(avk.forms.ModelChoiceField with a label_field, issue 15): its selects are what they were with
Django's ModelChoiceField, built from model instances, and a chosen one still cleans to its
instance."""

import pytest
from django import forms
from django.utils import translation

from avk.forms import ModelChoiceField
from programme.din.forms import DinFilterForm
from tests.factories import (
    ParticipationFactory,
    PartnerFactory,
    ProgrammeLineFactory,
    WorkingGroupFactory,
)

NASTY = 'Tom & <b>"Jerry"</b>'


class _Instances(DinFilterForm):
    """The filter as it was: Django's ModelChoiceField, an instance per option."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("line", "partner", "working_group"):
            named = self.fields[name]
            assert isinstance(named, ModelChoiceField) and named.label_field == "name"
            field = forms.ModelChoiceField(
                queryset=named.queryset,
                label=named.label,
                required=False,
                empty_label=named.empty_label,
                widget=type(named.widget),
            )
            field.widget.attrs = dict(named.widget.attrs)
            self.fields[name] = field


@pytest.fixture
def choices(programme, other_programme):
    lines = [ProgrammeLineFactory(programme=programme, name=n) for n in (NASTY, "Lijn 2")]
    partners = [PartnerFactory(name=n) for n in ("Zeta", NASTY, "Alfa")]
    for partner in partners:
        ParticipationFactory(partner=partner, programme=programme)
    ParticipationFactory(partner=PartnerFactory(name="Elders"), programme=other_programme)
    groups = [WorkingGroupFactory(programme=programme, name=n) for n in ("Werkgroep", NASTY)]
    return {"line": lines, "partner": partners, "working_group": groups}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_selects_are_as_with_instances(language, programme, choices):
    data = [
        None,
        {},
        {"line": str(choices["line"][0].pk), "partner": str(choices["partner"][1].pk)},
        {"working_group": str(choices["working_group"][1].pk), "status": "lopend"},
        {"line": "999999", "partner": "x"},  # not a choice: nothing selected
    ]
    with translation.override(language):
        for values in data:
            named = DinFilterForm(values, programme=programme, auto_id="filter_%s")
            plain = _Instances(values, programme=programme, auto_id="filter_%s")
            for name in named.fields:
                assert str(named[name]) == str(plain[name]), (name, values)
    assert "Elders" not in str(DinFilterForm(None, programme=programme)["partner"])


def test_a_choice_cleans_to_its_instance(programme, choices):
    partner, line = choices["partner"][1], choices["line"][0]
    form = DinFilterForm({"partner": str(partner.pk), "line": str(line.pk)}, programme=programme)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["partner"] == partner
    assert form.cleaned_data["line"] == line
    assert not DinFilterForm({"partner": "999999"}, programme=programme).is_valid()


def test_one_query_per_select(programme, choices, django_assert_num_queries):
    form = DinFilterForm(None, programme=programme)
    with django_assert_num_queries(3):
        for name in form.fields:
            str(form[name])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_lines_the_overview_read_are_the_same_choices(
    language, programme, choices, django_assert_num_queries
):
    """The overview passes the lines its outline read (no line chosen): the same select as
    from the form's own query, and a chosen line still cleans to its instance."""
    from programme.din.selectors import DinFilters
    from programme.din.selectors.outline import din_outline

    first = choices["line"][0]
    type(first).objects.filter(pk=first.pk).update(order=99)  # the order, not the creation
    every_line = din_outline(programme, DinFilters()).every_line
    assert [line.name for line in every_line] == ["Lijn 2", NASTY]
    assert din_outline(programme, DinFilters(line=choices["line"][0].pk)).every_line is None
    line = str(choices["line"][1].pk)
    with translation.override(language):
        with django_assert_num_queries(0):  # unbound: no query for the choices
            shown = str(DinFilterForm(None, programme=programme, lines=every_line)["line"])
        assert shown == str(DinFilterForm(None, programme=programme)["line"])
        for values in [{"line": line}, {"line": "999999"}]:  # bound: cleaned (one query)
            given = DinFilterForm(values, programme=programme, lines=every_line)
            assert str(given["line"]) == str(DinFilterForm(values, programme=programme)["line"])
    form = DinFilterForm({"line": line}, programme=programme, lines=every_line)
    assert form.is_valid() and form.cleaned_data["line"] == choices["line"][1]
