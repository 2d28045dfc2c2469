"""Forms of the DIN's tree (lines, strategic and operational goals), removing a goal, the
overview's filter and the import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from avk.forms import ModelChoiceField, Select

from ..models import (
    CapitalForm,
    EffortStatus,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)
from ._common import HelperMixin


class LineForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeLine
        fields = ProgrammeLine.EDITABLE_FIELDS
        widgets = {
            "challenge": forms.Textarea(attrs={"rows": 3}),
            "approach": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["version"].required = False
        self._helper()


class StrategicGoalForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = StrategicGoal
        fields = StrategicGoal.EDITABLE_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["version"].required = False
        self._helper()


class OperationalGoalForm(StrategicGoalForm):
    class Meta(StrategicGoalForm.Meta):
        model = OperationalGoal
        fields = OperationalGoal.EDITABLE_FIELDS


class GoalDeleteForm(forms.Form):
    efforts = forms.ChoiceField(
        label=_("What happens to the efforts and indicators of this goal?"),
        choices=[
            ("move", _("Move them to another operational goal")),
            ("unlink", _("Unlink the efforts (they stay, serving no goal here)")),
        ],
        widget=forms.RadioSelect,
    )
    move_to = forms.ModelChoiceField(
        label=_("Move to"), queryset=OperationalGoal.objects.none(), required=False
    )

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["move_to"].queryset = (
            OperationalGoal.objects.filter(programme_id=goal.programme_id)
            .exclude(pk=goal.pk)
            .order_by("strategic_goal__line__order", "strategic_goal__order", "order")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("efforts") == "move" and not cleaned.get("move_to"):
            self.add_error("move_to", _("Choose the goal the efforts move to."))
        return cleaned


class DinFilterForm(forms.Form):
    line = ModelChoiceField(
        label_field="name",
        label=_("Programme line"),
        queryset=None,
        required=False,
        empty_label=_("All"),
        widget=Select,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All"))] + list(EffortStatus.choices),
        required=False,
        widget=Select,
    )
    partner = ModelChoiceField(
        label_field="name",
        label=_("Partner"),
        queryset=None,
        required=False,
        empty_label=_("All"),
        widget=Select,
    )
    capital = forms.ChoiceField(
        label=_("Form of capital"),
        choices=[("", _("All"))] + list(CapitalForm.choices),
        required=False,
        widget=Select,
    )
    working_group = ModelChoiceField(
        label_field="name",
        label=_("Working group"),
        queryset=None,
        required=False,
        empty_label=_("All"),
        widget=Select,
    )
    place = forms.CharField(label=_("Place or municipality"), required=False, max_length=100)

    def __init__(self, *args, programme, lines=None, **kwargs):
        """`lines`: every line of the programme in order, when the page has read them (the
        overview's outline): the same choices without a query."""
        super().__init__(*args, **kwargs)
        from partners.selectors import partners_in_programme

        self.fields["line"].queryset = ProgrammeLine.objects.filter(programme=programme)
        if lines is not None:
            field = self.fields["line"]
            field.choices = [("", field.empty_label)] + [(line.pk, line.name) for line in lines]
        self.fields["partner"].queryset = partners_in_programme(programme=programme)
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(programme=programme)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-select-sm form-control-sm"


class DinImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx) in the export's layout"))
