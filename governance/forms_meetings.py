"""Forms for a meeting's attendance and for bodies and their members (crispy). They only parse
input; the services check the rules (who sits on the body on the day, a meeting that has not
begun has nobody present)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from avk.concurrency import VersionedFormMixin
from avk.forms import DateInput

from .models import Body, MemberRole, Presence

User = get_user_model()

#: The choice that leaves a member's attendance unrecorded.
NOT_RECORDED = ""


class AttendanceForm(VersionedFormMixin, forms.Form):
    """Chair, minute taker and, per member of the body on the meeting's day, their attendance."""

    chair = forms.ModelChoiceField(
        label=_("Chair of the meeting"), queryset=User.objects.none(), required=False
    )
    minute_taker = forms.ModelChoiceField(
        label=_("Minute taker"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, meeting, members, note_takers, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("version", meeting.version)
        initial.setdefault("chair", meeting.chair_id)
        initial.setdefault("minute_taker", meeting.minute_taker_id)
        recorded = {a.user_id: a.presence for a in meeting.attendance.all()}
        for person in members:
            initial.setdefault(f"presence_{person.pk}", recorded.get(person.pk, NOT_RECORDED))
        super().__init__(*args, **kwargs)
        self.members = members
        self.fields["chair"].queryset = User.objects.filter(pk__in=[p.pk for p in members])
        self.fields["minute_taker"].queryset = User.objects.filter(
            pk__in=[p.pk for p in note_takers]
        ).order_by("last_name", "first_name")
        choices = [*Presence.choices, (NOT_RECORDED, _("not recorded"))]
        for person in members:
            self.fields[f"presence_{person.pk}"] = forms.ChoiceField(
                label=_("Attendance of %(person)s") % {"person": person},
                choices=choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )

    def rows(self):
        for person in self.members:
            yield person, self[f"presence_{person.pk}"]

    def attendance(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data.get(f"presence_{p.pk}") or "" for p in self.members}


class BodyForm(forms.ModelForm):
    """A body of the programme: the fields of `Body.EDITABLE_FIELDS`."""

    class Meta:
        model = Body
        fields = list(Body.EDITABLE_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "vote_visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocapitalize": "characters", "spellcheck": "false", "class": "w-auto"}
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save body")))


class MembershipForm(forms.Form):
    """Seat a person who has a role in the programme on the body."""

    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(
        label=_("Role in the body"), choices=MemberRole.choices, initial=MemberRole.MEMBER
    )
    valid_from = forms.DateField(label=_("From"), widget=DateInput(), required=False)
    expert_by_experience = forms.BooleanField(label=_("Expert by experience"), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.helper = FormHelper()
        self.helper.form_tag = False
