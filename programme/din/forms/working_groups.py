"""Forms of working groups and their members."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from programme.core.models import RoleAssignment

from ..models import Effort, WorkingGroup
from ._common import HelperMixin, User


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
    is_lead = forms.BooleanField(label=_("Working group lead"), required=False)

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
