import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.access import Role
from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput

from .models import Phase, Programme, RoleAssignment, SteeringForm


class ProgrammeForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        # The slug is the programme's address: it is changed in the admin only.
        fields = [name for name in Programme.EDITABLE_FIELDS if name != "slug"]
        widgets = {"start_date": DateInput(), "ambition": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("New phase"), choices=Phase.choices)
    valid_from = forms.DateField(label=_("From"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        # Its own ids: the programme page holds this form and the steering-form form, whose
        # fields have the same names (each label must find its own field).
        kwargs.setdefault("auto_id", "id_phase_%s")
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class SteeringFormForm(forms.Form):
    steering_form = forms.ChoiceField(label=_("New steering form"), choices=SteeringForm.choices)
    valid_from = forms.DateField(label=_("From"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_steering_%s")  # see PhaseForm
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class RoleAssignmentForm(forms.Form):
    """A person (by e-mail address, who may not have an account yet) and the role they get: the
    role's fields are `RoleAssignment.EDITABLE_FIELDS`, with labels for this page."""

    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=[("", "---------"), *Role.choices])
    partner = forms.ModelChoiceField(
        label=_("Partner organisation"),
        queryset=None,
        required=False,
        help_text=_("Only for a partner contact: the organisation this person speaks for."),
    )
    valid_from = forms.DateField(label=_("From"), widget=DateInput(), initial=timezone.localdate)
    valid_until = forms.DateField(label=_("Until"), widget=DateInput(), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        # The partners taking part in the programme (active ones), by name: the rows of
        # partners.selectors.partners_in_programme, asked through the role's own foreign key so
        # that programme.core does not import the partners app (partners builds on core).
        partner_model = RoleAssignment._meta.get_field("partner").related_model
        self.fields["partner"].queryset = partner_model.objects.filter(
            participations__programme=programme,
            participations__left_on__isnull=True,
            active=True,
        ).order_by("name")
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Assign role")))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end date cannot lie before the start date."))
        role, partner = cleaned.get("role"), cleaned.get("partner")
        if role == Role.PARTNER_CONTACT and partner is None:
            self.add_error("partner", _("Choose the organisation this partner contact speaks for."))
        elif role and role != Role.PARTNER_CONTACT and partner is not None:
            self.add_error("partner", _("Only a partner contact is linked to an organisation."))
        return cleaned


class RoleEndForm(forms.Form):
    valid_until = forms.DateField(
        label=_("Last day in this role"), widget=DateInput(), initial=timezone.localdate
    )


class HomeDismissForm(forms.Form):
    """Put away entries of a feed on one's home page, up to the moment the page showed: all of
    them, or those of the subjects named (one `key` field per subject)."""

    programme = forms.SlugField()
    feed = forms.SlugField(max_length=40)
    until = forms.DateTimeField(required=False)

    MAX_KEYS = 100

    def clean(self):
        data = super().clean()
        keys = self.data.getlist("key") if hasattr(self.data, "getlist") else []
        keys = [key for key in keys if key]
        if len(keys) > self.MAX_KEYS or any(not re.fullmatch(r"[-\w]{1,40}", k) for k in keys):
            raise forms.ValidationError("key", code="invalid")
        data["keys"] = keys
        return data
