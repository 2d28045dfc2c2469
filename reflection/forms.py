"""Forms of reflection; field lists shared with the admin come from the models'
EDITABLE_FIELDS."""

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput
from partners.models import Partner
from programme.din.models import WorkingGroup

from .models import (
    Answer,
    AttentionPoint,
    Category,
    FollowUpStatus,
    Framework,
    Ingredient,
    Observation,
    Round,
    Session,
    Statement,
    Theme,
)


class _Helped:
    """Crispy layout without its own <form> tag (the templates hold the form and buttons)."""

    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class RoundForm(_Helped, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Round
        fields = Round.EDITABLE_FIELDS
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self._helper()


class SessionForm(_Helped, VersionedFormMixin, forms.ModelForm):
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants (people)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Participating partners"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Session
        fields = Session.EDITABLE_FIELDS
        widgets = {
            "date": DateInput(),
            "participants_note": forms.Textarea(attrs={"rows": 2}),
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        frameworks = Framework.objects.available_to(programme)
        if self.instance.pk:
            frameworks = frameworks.filter(Q(active=True) | Q(pk=self.instance.framework_id))
        else:
            frameworks = frameworks.filter(active=True)
        self.fields["framework"].queryset = frameworks
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(programme=programme)
        self.fields["participants"].queryset = (
            get_user_model()
            .objects.filter(programme_roles__programme=programme)
            .distinct()
            .order_by("last_name", "first_name", "username")
        )
        self.fields["partners"].queryset = Partner.objects.filter(
            participations__programme=programme
        ).order_by("name")
        if self.instance.pk:
            self.initial.setdefault("participants", list(self.instance.participants.all()))
            self.initial.setdefault("partners", list(self.instance.partners.all()))
        self._helper()


class _InSession:
    """A form on a session's page: its category is one of the session framework's."""

    def _categories(self, session, *, required=False):
        field = self.fields["category"]
        field.queryset = Category.objects.filter(framework_id=session.framework_id)
        field.required = required
        field.empty_label = _("(the session as a whole)") if not required else None


class ObservationForm(_Helped, VersionedFormMixin, _InSession, forms.ModelForm):
    class Meta:
        model = Observation
        fields = Observation.EDITABLE_FIELDS
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self._categories(session)
        self._helper()


class AttentionPointForm(_Helped, VersionedFormMixin, _InSession, forms.ModelForm):
    class Meta:
        model = AttentionPoint
        fields = AttentionPoint.EDITABLE_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self._categories(session)
        self.fields["theme"].queryset = Theme.objects.filter(round_id=session.round_id)
        self._helper()


class IngredientForm(_Helped, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Ingredient
        fields = Ingredient.EDITABLE_FIELDS
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self._helper()


class StatementForm(_Helped, VersionedFormMixin, _InSession, forms.ModelForm):
    class Meta:
        model = Statement
        fields = Statement.EDITABLE_FIELDS
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self._categories(session, required=True)
        self.fields["priority"].min_value = 1
        self._helper()


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("New theme"), max_length=200)


class StatusForm(VersionedFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Follow-up"), choices=FollowUpStatus.choices)
    note = forms.CharField(
        label=_("Note on the follow-up"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LinkForm(forms.Form):
    """What took it up: one list of the programme's items, grouped by kind ("effort:12")."""

    target = forms.ChoiceField(label=_("Taken up by"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("Choose an item")), *choices]


class ScanFillForm(forms.Form):
    """Per question of the quick scan: yes, partly or no, and an optional explanation."""

    remark = forms.CharField(
        label=_("Remark"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, items, response=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        existing = {a.item_id: a for a in response.answers.all()} if response else {}
        for item in self.items:
            answer = existing.get(item.pk)
            self.fields[f"answer_{item.pk}"] = forms.ChoiceField(
                label=item.text,
                help_text=item.help_text,
                choices=Answer.choices,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                required=False,
                initial=answer.answer if answer else None,
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Explanation"),
                required=False,
                max_length=500,
                initial=answer.note if answer else "",
            )
        if response is not None:
            self.fields["remark"].initial = response.remark

    def rows(self):
        """(question, answer field, explanation field) per question, for the template."""
        return [(item, self[f"answer_{item.pk}"], self[f"note_{item.pk}"]) for item in self.items]

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            item.pk: (data.get(f"answer_{item.pk}") or "", data.get(f"note_{item.pk}") or "")
            for item in self.items
        }
