"""Forms of indicators and their measurements."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput
from programme.core.models import RoleAssignment

from ..models import Indicator, Measurement
from ._common import HelperMixin, User


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


class MeasurementForm(HelperMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = Measurement.EDITABLE_FIELDS
        widgets = {
            "period_end": DateInput(),  # dd-mm-jjjj (avk.forms)
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
