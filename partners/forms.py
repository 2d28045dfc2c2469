from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk import formats
from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput

from .models import Commitment, CommitmentPackage, DelegationMember, Partner, PartnerKind


def _helper(submit_label=None, form_tag=True) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = form_tag
    if submit_label:
        helper.add_input(Submit("save", submit_label))
    return helper


class PartnerForm(VersionedFormMixin, forms.ModelForm):
    """The back office edits every detail of an organisation."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = Partner.EDITABLE_FIELDS
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self.helper = _helper(_("Save"))


class PartnerContactForm(PartnerForm):
    """A partner contact edits the public details of their own organisation."""

    class Meta(PartnerForm.Meta):
        fields = Partner.CONTACT_EDITABLE_FIELDS


class DeactivateForm(VersionedFormMixin, forms.Form):
    on = forms.DateField(label=_("Last day"), widget=DateInput(), initial=timezone.localdate)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class CommitmentChangeForm(forms.Form):
    """A new package from a date. A partner contact cannot start it before today."""

    package = forms.ModelChoiceField(label=_("New package"), queryset=None, empty_label=None)
    valid_from = forms.DateField(label=_("In force from"), widget=DateInput())
    motivation = forms.CharField(
        label=_("Motivation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("In a few sentences: why this package?"),
    )
    # The partner's commitments as the form was opened (services.commitments_seen): a save
    # after someone else's change is refused with what changed (StaleEdit).
    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=50)

    def refuse_stale(self, error, *, seen: str) -> None:
        """Show the concurrent-edit message; the form now holds the current state, so saving
        again is a deliberate choice."""
        self.add_error(None, error)
        data = self.data.copy()
        data["seen"] = seen
        self.data = data

    def __init__(self, *args, programme, back_office: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.back_office = back_office
        self.fields["package"].queryset = CommitmentPackage.objects.filter(programme=programme)
        self.fields["package"].label_from_instance = _package_label
        if back_office:
            self.fields["yearly_contribution"] = forms.DecimalField(
                label=_("Yearly contribution (EUR)"),
                max_digits=12,
                decimal_places=2,
                min_value=0,
                required=False,
                help_text=_("Leave empty for the package's contribution."),
            )
            self.fields["signed_on"] = forms.DateField(
                label=_("Signed on"), widget=DateInput(), required=False
            )
            self.fields["motivation"].required = False
        else:
            self.fields["valid_from"].help_text = _("Today or later.")
            self.fields["valid_from"].widget.attrs["min"] = timezone.localdate().isoformat()
        self.helper = _helper(_("Change package"))

    def clean_valid_from(self):
        value = self.cleaned_data["valid_from"]
        if not self.back_office and value < timezone.localdate():
            raise forms.ValidationError(
                _("The new package cannot start before today; choose today or a later date.")
            )
        return value


def _package_label(package: CommitmentPackage) -> str:
    return f"{package.code}: {package.name} ({formats.money(package.yearly_contribution)})"


class CommitmentCorrectForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Commitment
        fields = Commitment.CORRECTABLE_FIELDS
        widgets = {"signed_on": DateInput(), "motivation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save"))


class DelegationMemberForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = DelegationMember
        # the login of a member is linked in the admin
        fields = [name for name in DelegationMember.EDITABLE_FIELDS if name != "user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["version"]
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = _helper(_("Save"))


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    package = forms.ChoiceField(label=_("Package"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    delegation = forms.ChoiceField(
        label=_("Delegation"),
        required=False,
        choices=[("", _("all")), ("complete", _("complete")), ("incomplete", _("incomplete"))],
    )
    inactive = forms.BooleanField(label=_("Also inactive partners"), required=False)

    def __init__(self, *args, packages, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("all")), *PartnerKind.choices]
        self.fields["package"].choices = [
            ("", _("all")),
            *[(p.code, f"{p.code}: {p.name}") for p in packages],
            ("none", _("no commitment")),
        ]
        self.fields["municipality"].choices = [("", _("all")), *[(m, m) for m in municipalities]]


class ImportForm(forms.Form):
    KINDS = [
        ("partners", _("Partners")),
        ("commitments", _("Commitments")),
        ("delegation", _("Delegation members")),
    ]
    kind = forms.ChoiceField(label=_("What the file holds"), choices=KINDS)
    file = forms.FileField(label=_("File (xlsx or csv)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "An Excel workbook (.xlsx) or a CSV file with a header row, at most %(size)s."
        ) % {"size": formats.file_size(settings.IMPORT_MAX_UPLOAD_SIZE)}
        self.fields["file"].widget.attrs["accept"] = ".xlsx,.csv"
        self.helper = _helper(_("Check the file"))
