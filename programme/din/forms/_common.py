"""What the DIN's forms share: the month input and the crispy helper without a <form> tag."""

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model

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
