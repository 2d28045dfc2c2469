"""The effort form: the effort with its goals (by contribution), partners (by role) and forms
of capital; and the short progress report of an effort's lead partner.

The form works without JavaScript: the goals are one contribution select per goal, grouped by
programme line, and the partners plain multi-selects. `programme/effort_form.js` enhances them
(a searchable goal picker that shows only the chosen goals, Tom Select for the partners); the
field names stay the same either way."""

from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from avk.access import Role
from avk.concurrency import VersionedFormMixin
from programme.core.models import RoleAssignment

from ..models import CapitalForm, Contribution, Effort, OperationalGoal
from ._common import MONTH_FORMATS, HelperMixin, MonthInput, User

#: The contributions offered per goal, strongest first; empty: the effort does not serve it.
CONTRIBUTIONS = [
    ("", _("does not serve it")),
    (Contribution.HIGH.value, Contribution.HIGH.label),
    (Contribution.MEDIUM.value, Contribution.MEDIUM.label),
    (Contribution.LOW.value, Contribution.LOW.label),
]


class GoalPicker:
    """A crispy layout object: the form's goal fields as one fieldset, grouped by programme
    line (programme/_effort_goal_picker.html), with the enhancing script."""

    template = "programme/_effort_goal_picker.html"

    def __init__(self, legend):
        self.legend = legend

    def render(self, form, context, template_pack=None, **kwargs):
        return render_to_string(
            self.template,
            {
                "legend": self.legend,
                "groups": form.goal_groups(),
                "picker_id": form.auto_id % "goals" if form.auto_id else "goals",
            },
        )


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
        goals = (
            OperationalGoal.objects.filter(programme=programme)
            .select_related("strategic_goal__line")
            .order_by("strategic_goal__line__order", "strategic_goal__order", "order")
        )
        partners = partners_in_programme(programme=programme)
        self.goal_fields = []
        for goal in goals:
            name = f"goal_{goal.pk}"
            self.fields[name] = forms.ChoiceField(
                label=goal.title, choices=CONTRIBUTIONS, required=False
            )
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
            self.goal_fields.append((name, goal))
        for name in ("partners_lead", "partners_participant"):
            self.fields[name].queryset = partners
            self.fields[name].help_text = _("Hold Ctrl (or Cmd) to choose more than one.")
            self.fields[name].widget.attrs.update(
                {
                    "size": 6,
                    "data-tom-select": "multi",
                    "data-placeholder": _("Type to search a partner"),
                    "data-help-js": _("Type a few letters to search; choose as many as apply."),
                    "data-remove-label": _("Remove"),
                }
            )
        for name in ("start_month", "end_month"):
            self.fields[name].input_formats = MONTH_FORMATS
            self.fields[name].help_text = _("Month, e.g. 2023-08.")
        self.fields["lead_member"].queryset = DelegationMember.objects.filter(
            programme=programme
        ).select_related("partner")
        self.fields["lead_member"].widget.attrs.update(
            {"data-tom-select": "single", "data-placeholder": _("Type to search a person")}
        )
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
            GoalPicker(_("Operational goals it serves, and how much it contributes")),
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

    def goal_groups(self) -> list[tuple]:
        """[(programme line, [(bound field, goal)])], in the DIN's order."""
        groups = []
        for name, goal in self.goal_fields:
            line = goal.strategic_goal.line
            if not groups or groups[-1][0] != line:
                groups.append((line, []))
            groups[-1][1].append((self[name], goal))
        return groups

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


class EffortProgressForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    """The lead partner's short report: status, progress and a few words on how it goes."""

    class Meta:
        model = Effort
        fields = ("status", "progress", "progress_note")
        widgets = {"progress_note": forms.Textarea(attrs={"rows": 4})}
        labels = {"progress_note": _("Short update")}
        help_texts = {
            "progress": _("How far along is the effort, from 0 to 100."),
            "progress_note": _("What happened since the last update, and what comes next."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["progress"].widget.attrs.update({"min": 0, "max": 100})
        self._helper()
        self.helper.layout = Layout(
            Row(
                Column("status", css_class="col-sm-6"),
                Column("progress", css_class="col-sm-6"),
            ),
            "progress_note",
            "version",
        )
