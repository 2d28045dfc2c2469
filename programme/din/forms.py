"""Forms of the DIN pages. The templates own the <form> tags (htmx), so helpers have
form_tag = False."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Fieldset, Layout, Row
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from avk.access import Role
from avk.concurrency import VersionedFormMixin
from programme.core.models import RoleAssignment

from .models import (
    CapitalForm,
    Contribution,
    Effort,
    EffortStatus,
    Indicator,
    Measurement,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)

User = get_user_model()


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", **kwargs)


MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d", "%m-%Y"]


class HelperMixin:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


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


class EffortForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    """An effort with its goals (by contribution), partners (by role) and forms of capital."""

    partners_lead = forms.ModelMultipleChoiceField(
        label=_("Lead partners (trekker)"), queryset=None, required=False
    )
    partners_participant = forms.ModelMultipleChoiceField(
        label=_("Participating partners"), queryset=None, required=False
    )
    capitals = forms.MultipleChoiceField(
        label=_("Forms of capital it builds"),
        choices=CapitalForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Effort
        fields = Effort.EDITABLE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "progress_note": forms.Textarea(attrs={"rows": 2}),
            "other_parties": forms.Textarea(attrs={"rows": 2}),
            "start_month": MonthInput(),
            "end_month": MonthInput(),
        }

    def __init__(self, *args, programme, goal=None, **kwargs):
        super().__init__(*args, **kwargs)
        from partners.models import DelegationMember
        from partners.selectors import partners_in_programme

        if not self.instance.pk:
            self.fields["version"].required = False
        goals = OperationalGoal.objects.filter(programme=programme).order_by(
            "strategic_goal__line__order", "strategic_goal__order", "order"
        )
        partners = partners_in_programme(programme=programme)
        self.goal_fields = []
        contributions = [("", _("does not serve it"))] + list(Contribution.choices)
        for goal in goals:
            name = f"goal_{goal.pk}"
            self.fields[name] = forms.ChoiceField(
                label=goal.title, choices=contributions, required=False
            )
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
            self.goal_fields.append((name, goal))
        for name in ("partners_lead", "partners_participant"):
            self.fields[name].queryset = partners
            self.fields[name].widget.attrs["size"] = 6
            self.fields[name].help_text = _("Hold Ctrl (or Cmd) to choose more than one.")
        for name in ("start_month", "end_month"):
            self.fields[name].input_formats = MONTH_FORMATS
            self.fields[name].help_text = _("Month, e.g. 2023-08.")
        self.fields["lead_member"].queryset = DelegationMember.objects.filter(
            programme=programme
        ).select_related("partner")
        team_ids = (
            RoleAssignment.objects.current()
            .filter(programme=programme, role=Role.PROGRAMME_TEAM)
            .values("user_id")
        )
        self.fields["lead_user"].queryset = User.objects.filter(pk__in=team_ids)
        if self.instance.pk:
            for link in self.instance.goal_links.all():
                self.initial.setdefault(f"goal_{link.goal_id}", link.contribution)
            roles = {"trekker": [], "deelnemer": []}
            for link in self.instance.partner_links.all():
                roles[link.role].append(link.partner_id)
            self.initial.setdefault("partners_lead", roles["trekker"])
            self.initial.setdefault("partners_participant", roles["deelnemer"])
            self.initial.setdefault("capitals", [c.form for c in self.instance.capitals.all()])
        elif goal is not None:
            self.initial.setdefault(f"goal_{goal.pk}", Contribution.MEDIUM)
        self._helper()
        self.helper.layout = Layout(
            "title",
            "description",
            Row(
                Column("status", css_class="col-sm-6 col-lg-3"),
                Column("progress", css_class="col-sm-6 col-lg-3"),
                Column("start_month", css_class="col-sm-6 col-lg-3"),
                Column("end_month", css_class="col-sm-6 col-lg-3"),
            ),
            "progress_note",
            Fieldset(
                _("Operational goals it serves, and how much it contributes"),
                Div(*[name for name, _goal in self.goal_fields], css_class="din-goal-grid"),
            ),
            Row(
                Column("lead_member", css_class="col-md-6"),
                Column("lead_user", css_class="col-md-6"),
            ),
            Row(
                Column("partners_lead", css_class="col-md-6"),
                Column("partners_participant", css_class="col-md-6"),
            ),
            "other_parties",
            Row(
                Column("capitals", css_class="col-md-4"),
                Column("structural", css_class="col-md-2"),
                Column("municipality", css_class="col-md-3"),
                Column("place", css_class="col-md-3"),
            ),
            "version",
        )

    def clean(self):
        cleaned = super().clean()
        lead = set(cleaned.get("partners_lead") or [])
        both = lead & set(cleaned.get("partners_participant") or [])
        if both:
            self.add_error(
                "partners_participant",
                _("A partner is either lead or participant: %(names)s.")
                % {"names": ", ".join(str(p) for p in both)},
            )
        if cleaned.get("lead_member") and cleaned.get("lead_user"):
            self.add_error(
                "lead_user",
                _("Choose one lead: a delegation member or a programme team member."),
            )
        return cleaned

    def service_kwargs(self) -> dict:
        """The cleaned data as keyword arguments of effort_create / effort_update."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        goals = []
        for name, goal in self.goal_fields:
            contribution = data.pop(name)
            if contribution:
                goals.append((goal, contribution))
        partners = [(p, "trekker") for p in data.pop("partners_lead")] + [
            (p, "deelnemer") for p in data.pop("partners_participant")
        ]
        return {**data, "goals": goals, "partners": partners, "capitals": data.pop("capitals")}


class IndicatorForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = Indicator.EDITABLE_FIELDS

    def __init__(self, *args, programme, goal=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["version"].required = False
        people = RoleAssignment.objects.current().filter(programme=programme).values("user_id")
        self.fields["owner"].queryset = User.objects.filter(pk__in=people).order_by(
            "first_name", "last_name"
        )
        self._helper()


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
    line = forms.ModelChoiceField(
        label=_("Programme line"), queryset=None, required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + list(EffortStatus.choices), required=False
    )
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=None, required=False, empty_label=_("All")
    )
    capital = forms.ChoiceField(
        label=_("Form of capital"),
        choices=[("", _("All"))] + list(CapitalForm.choices),
        required=False,
    )
    working_group = forms.ModelChoiceField(
        label=_("Working group"), queryset=None, required=False, empty_label=_("All")
    )
    place = forms.CharField(label=_("Place or municipality"), required=False, max_length=100)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        from partners.selectors import partners_in_programme

        self.fields["line"].queryset = ProgrammeLine.objects.filter(programme=programme)
        self.fields["partner"].queryset = partners_in_programme(programme=programme)
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(programme=programme)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-select-sm form-control-sm"


class WorkingGroupForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = [f for f in WorkingGroup.EDITABLE_FIELDS if f != "order"]  # order: the admin
        widgets = {"theme": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["version"].required = False
        self.fields["efforts"].queryset = Effort.objects.filter(programme=programme).order_by(
            "title"
        )
        self.fields["efforts"].widget.attrs["size"] = 8
        self._helper()


class WorkingGroupMemberForm(HelperMixin, forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None, required=False)
    person = forms.ModelChoiceField(label=_("Person (delegation)"), queryset=None, required=False)
    user = forms.ModelChoiceField(label=_("Person (portal user)"), queryset=None, required=False)
    is_lead = forms.BooleanField(label=_("Kartrekker"), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        from partners.models import DelegationMember
        from partners.selectors import partners_in_programme

        self.fields["partner"].queryset = partners_in_programme(programme=programme)
        self.fields["person"].queryset = DelegationMember.objects.filter(
            programme=programme
        ).select_related("partner")
        people = RoleAssignment.objects.current().filter(programme=programme).values("user_id")
        self.fields["user"].queryset = User.objects.filter(pk__in=people)
        self._helper()

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("partner") or cleaned.get("person") or cleaned.get("user")):
            raise forms.ValidationError(_("Choose a partner, a delegation member or a person."))
        return cleaned


class MeasurementForm(HelperMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = Measurement.EDITABLE_FIELDS
        widgets = {
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "narrative": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class MeasurementReturnForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    remark = forms.CharField(
        label=_("Why does it go back?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class DinImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx) in the export's layout"))
