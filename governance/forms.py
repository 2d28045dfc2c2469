"""Forms for governance pages (crispy FormHelper). Validation of the workflow itself lives in the
services; these only parse input."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput, DateTimeInput

from .models import (
    ALLOWED_OUTCOMES,
    ActionItem,
    Body,
    DecisionKind,
    Meeting,
    MeetingStatus,
    Outcome,
    Proposal,
    VoteChoice,
)

User = get_user_model()


def _helper(submit_label=None, *, form_tag=True):
    helper = FormHelper()
    helper.form_tag = form_tag
    if submit_label:
        helper.add_input(Submit("save", submit_label))
    return helper


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = list(Proposal.EDITABLE_FIELDS)
        widgets = {
            "date": DateInput(),
            "introduction": forms.Textarea(attrs={"rows": 6}),
            "content": forms.Textarea(attrs={"rows": 14}),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        from programme.core.models import RoleAssignment

        self.fields["body"].queryset = Body.objects.filter(programme=programme)
        people = RoleAssignment.objects.current().filter(programme=programme).values("user_id")
        queryset = User.objects.filter(pk__in=people).order_by("last_name", "first_name")
        if self.instance.pk:
            queryset = queryset | User.objects.filter(pk=self.instance.drafter_id)
        self.fields["drafter"].queryset = queryset.distinct()
        self.helper = _helper(form_tag=False)


class ProposalEditForm(VersionedFormMixin, ProposalForm):
    pass


class DecisionForm(forms.Form):
    #: The proposed decision this row edits (empty for a new one): what it adopts (a budget, a
    #: phase plan, set where that was put before the board) stays with it.
    decision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=DecisionKind.choices, initial=DecisionKind.AGREE
    )
    text = forms.CharField(
        label=_("Proposed decision"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )


DecisionFormSet = forms.formset_factory(
    DecisionForm, extra=3, can_order=True, can_delete=True, max_num=30
)


def decisions_from(formset, subjects: dict | None = None) -> list[dict]:
    """The ordered list [{kind, text, subject}] from a valid formset (ORDER, then form order).
    `subjects` ({decision pk: what it adopts}, the proposal's own decisions): a row that edits
    one of them keeps its subject; an unknown pk in the posted row is ignored."""
    subjects = subjects or {}
    rows = []
    for index, form in enumerate(formset.forms):
        data = form.cleaned_data
        if not data or data.get("DELETE") or not (data.get("text") or "").strip():
            continue
        order = data.get("ORDER")
        rows.append(((order if order is not None else 10_000 + index), index, data))
    rows.sort(key=lambda row: (row[0], row[1]))
    return [
        {"kind": d["kind"], "text": d["text"], "subject": subjects.get(d.get("decision"))}
        for _o, _i, d in rows
    ]


class ScheduleForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            body=proposal.body, status=MeetingStatus.PLANNED
        ).order_by("starts_at")
        self.helper = _helper(form_tag=False)


class RoundForm(forms.Form):
    round_deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=DateTimeInput(),  # 19-06-2023 14:00 (the formats in avk/formats/) or ISO
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(form_tag=False)


class WithdrawForm(forms.Form):
    note = forms.CharField(label=_("Reason"), max_length=300, required=False)


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, Excel or PowerPoint; at most 10 MB.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(form_tag=False)


class VoteForm(forms.Form):
    """Per agree-decision: for/against/abstain and a comment; filled with earlier votes."""

    def __init__(self, *args, decisions, votes, **kwargs):
        super().__init__(*args, **kwargs)
        self.decisions = [d for d in decisions if d.kind == DecisionKind.AGREE and d.is_pending]
        for decision in self.decisions:
            earlier = votes.get(decision.pk)
            self.fields[f"choice_{decision.pk}"] = forms.ChoiceField(
                label=_("Your vote on decision %(n)s") % {"n": decision.position},
                choices=VoteChoice.choices,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                initial=earlier.choice if earlier else None,
            )
            self.fields[f"comment_{decision.pk}"] = forms.CharField(
                label=_("Comment on decision %(n)s (optional)") % {"n": decision.position},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                initial=earlier.comment if earlier else "",
            )

    def rows(self):
        for decision in self.decisions:
            yield decision, self[f"choice_{decision.pk}"], self[f"comment_{decision.pk}"]

    def votes(self) -> dict[int, tuple[str, str]]:
        return {
            d.pk: (self.cleaned_data[f"choice_{d.pk}"], self.cleaned_data[f"comment_{d.pk}"])
            for d in self.decisions
        }


class RecordForm(forms.Form):
    """Per undecided decision: the meeting's outcome, amended text and the votes."""

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.decisions = [d for d in decisions if d.is_pending]
        for d in self.decisions:
            choices = [(c, Outcome(c).label) for c in ALLOWED_OUTCOMES[d.kind]]
            n = {"n": d.position}
            self.fields[f"outcome_{d.pk}"] = forms.ChoiceField(
                label=_("Outcome of decision %(n)s") % n, choices=choices
            )
            self.fields[f"amended_{d.pk}"] = forms.CharField(
                label=_("Amended text of decision %(n)s") % n,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            for name, label in (
                ("for", _("For")),
                ("against", _("Against")),
                ("abstain", _("Abstaining")),
            ):
                self.fields[f"{name}_{d.pk}"] = forms.IntegerField(
                    label=label, min_value=0, max_value=999, required=False
                )

    def clean(self):
        cleaned = super().clean()
        for d in self.decisions:
            if (
                cleaned.get(f"outcome_{d.pk}") == Outcome.ADOPTED_AMENDED
                and not (cleaned.get(f"amended_{d.pk}") or "").strip()
            ):
                self.add_error(f"amended_{d.pk}", _("Give the amended text."))
        return cleaned

    def rows(self):
        for d in self.decisions:
            yield (
                d,
                self[f"outcome_{d.pk}"],
                self[f"amended_{d.pk}"],
                [self[f"for_{d.pk}"], self[f"against_{d.pk}"], self[f"abstain_{d.pk}"]],
            )

    def outcomes(self) -> dict[int, dict]:
        c = self.cleaned_data
        return {
            d.pk: {
                "outcome": c[f"outcome_{d.pk}"],
                "amended_text": c[f"amended_{d.pk}"],
                "votes_for": c[f"for_{d.pk}"],
                "votes_against": c[f"against_{d.pk}"],
                "votes_abstain": c[f"abstain_{d.pk}"],
            }
            for d in self.decisions
        }


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "starts_at", "place"]
        widgets = {"starts_at": DateTimeInput()}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(programme=programme)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.helper = _helper(_("Plan meeting"))


class MinutesForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = list(Meeting.EDITABLE_FIELDS)
        widgets = {"starts_at": DateTimeInput(), "minutes": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.helper = _helper(_("Save"))


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["description", "owner", "owner_text", "due_date"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "due_date": DateInput()}

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        members = body.memberships.current().values("user_id")
        self.fields["owner"].queryset = User.objects.filter(pk__in=members).order_by("last_name")
        self.helper = _helper(_("Add action item"), form_tag=False)  # the page holds the form


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Add to the agenda"))


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the correcting decision"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Record correction"))


def default_deadline():
    return (timezone.localtime() + timezone.timedelta(days=7)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
