import datetime
import re

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat as str_format
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from avk import mail
from avk.html import esc


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


#: Month names and abbreviations people type in a date ("19 juni 2023", "19 jun 2023", "19 June").
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "januari january jan",
            "februari february feb",
            "maart march mrt mar mrt",
            "april apr",
            "mei may",
            "juni june jun",
            "juli july jul",
            "augustus august aug",
            "september sept sep",
            "oktober october okt oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}
_WRITTEN_DATE = re.compile(r"^(\d{1,2})\s*([a-z]+)\.?\s*(\d{2,4})$")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


def normalise_date(value):
    """A date as typed, made readable for the date formats (avk/formats/): spaces trimmed and
    a month name turned into its number ("19 juni 2023" -> "19-6-2023"). Anything else is
    left as it is, for the field to accept or to refuse with its message."""
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    match = _WRITTEN_DATE.match(text.lower())
    if match and match.group(2) in _MONTHS:
        day, name, year = match.groups()
        return f"{day}-{_MONTHS[name]}-{year}"
    return text


def parse_date(value) -> datetime.date | None:
    """A date typed in a search or filter field (outside a form): what DateInput accepts
    (19-06-2023, 19 juni 2023, 2023-06-19 ...), in the reader's formats; None if it is none."""
    field = forms.DateField(required=False)
    try:
        return field.clean(normalise_date(value))
    except ValidationError:
        return None


_PLAIN_CONTEXT = Context()  # as a form renderer's template sees its values (autoescape, l10n)


def _shown(value, *, stringformat: bool = False) -> str:
    """`{{ value }}` (or `{{ value|stringformat:'s' }}`) as Django's widget templates render it.
    A plain string (as stringformat makes most values) is escaped at once (avk.html.esc);
    anything else (safe strings, lazy translations, numbers shown localised, dates) goes the
    engine's way."""
    if stringformat and type(value) is not str:
        value = (
            mark_safe(str_format(value, "s"))
            if isinstance(value, SafeData)
            else (str_format(value, "s"))
        )
    if type(value) is str:
        return esc(value)
    return render_value_in_context(value, _PLAIN_CONTEXT)


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html."""
    if not attrs:
        return ""
    return "".join(
        f" {_shown(name)}"
        if value is True
        else f' {_shown(name)}="{_shown(value, stringformat=True)}"'
        for name, value in attrs.items()
        if value is not False
    )


class TextInput(forms.TextInput):
    """Django's TextInput, writing the markup of its input.html and attrs.html without
    rendering them: a form's text fields spent more time in those two templates than in
    anything else of the field (issue 15). Named TextInput as Django's is: crispy forms gives
    a field the CSS class of its widget's class name ("textinput")."""

    def render(self, name, value, attrs=None, renderer=None):
        if self.template_name != forms.TextInput.template_name:
            return super().render(name, value, attrs, renderer)
        widget = self.get_context(name, value, attrs)["widget"]
        shown = widget["value"]
        shown = "" if shown is None else f' value="{_shown(shown, stringformat=True)}"'
        return mark_safe(  # noqa: S308 - every value is escaped by _shown
            f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"'
            f"{shown}{_attrs(widget['attrs'])}>"
        )


class _HintedInput(TextInput):
    """A text input followed by a short hint on how to write it, which the input names in its
    aria-describedby (next to the field's own help text, if any)."""

    hint = ""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        hint_id = f"{attrs.get('id') or 'id_' + name}_hint"
        described = attrs.get("aria-describedby")
        attrs["aria-describedby"] = f"{hint_id} {described}" if described else hint_id
        html = super().render(name, value, attrs, renderer)
        return format_html('{}<div class="form-text" id="{}">{}</div>', html, hint_id, self.hint)

    def value_from_datadict(self, data, files, name):
        return normalise_date(super().value_from_datadict(data, files, name))


class Select(forms.Select):
    """Django's Select, writing the same markup as its select.html and select_option.html
    without rendering two templates per option: a filter with some 500 partners to choose from
    spent most of its page's time there (issue 15). Named Select as Django's is: crispy forms
    gives a field the CSS class of its widget's class name ("select")."""

    def render(self, name, value, attrs=None, renderer=None):
        if (self.template_name, self.option_template_name) != (
            forms.Select.template_name,
            forms.Select.option_template_name,
        ):
            return super().render(name, value, attrs, renderer)
        widget = self.get_context(name, value, attrs)["widget"]
        out = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{_shown(group_name)}">')
            out.extend(
                f'\n  <option value="{_shown(option["value"], stringformat=True)}"'
                f"{_attrs(option['attrs'])}>{_shown(option['label'])}</option>\n"
                for option in group_choices
            )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")  # the renderer strips the template's output
        return mark_safe("".join(out))  # noqa: S308 - every value is escaped by _shown


class _Choices(ModelChoiceIterator):
    """Django's choices of a ModelChoiceField, read with one plain query: Django reads them
    through `iterator()`, on PostgreSQL a server-side cursor with a round trip per hundred rows
    and one to close it (issue 15). With the field's `label_field`, (pk, label) rows rather
    than a model instance per option."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.label_field is None:
            for obj in self.queryset.all():
                yield self.choice(obj)
            return
        key = self.field.to_field_name or "pk"
        for value, label in self.queryset.values_list(key, self.field.label_field):
            yield ModelChoiceIteratorValue(value, None), label


class ModelChoiceField(forms.ModelChoiceField):
    """Django's ModelChoiceField (same choices, same validation; what it cleans is a model
    instance), its choices read with one plain query (`_Choices`). `label_field` names the one
    field the model's `__str__` returns ("name"): the options are then read as (pk, label) rows,
    for a filter with some 500 partners to choose from, and their values carry no instance
    (`ModelChoiceIteratorValue.instance` is None)."""

    iterator = _Choices

    def __init__(self, *args, label_field: str | None = None, **kwargs):
        self.label_field = label_field
        super().__init__(*args, **kwargs)


class DateInput(_HintedInput):
    """A date as people in the Netherlands write it: a text field with the hint "dd-mm-jjjj".
    (A native date picker shows "mm/dd/yyyy" in a browser set to American English, whatever the
    page's language.) Accepts 19-06-2023, 19-6-23, 19/06/2023, 19.06.2023, 19 juni 2023 and
    2023-06-19; shows a value as 19-06-2023."""

    hint = gettext_lazy("dd-mm-yyyy")

    def __init__(self, attrs=None):
        attrs = {
            "class": "input-date",
            "autocomplete": "off",
            "spellcheck": "false",
            **(attrs or {}),
        }
        super().__init__(attrs)

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return value.strftime("%d-%m-%Y")
        return super().format_value(value)


class DateTimeInput(_HintedInput):
    """A moment as "19-06-2023 14:00", a text field with the hint "dd-mm-jjjj uu:mm" (the native
    picker has the same American order as the date picker). Accepts what DateInput accepts,
    with a time (14:00 or 14.00) after it, and ISO (2023-06-19T14:00)."""

    hint = gettext_lazy("dd-mm-yyyy hh:mm")

    def __init__(self, attrs=None):
        attrs = {
            "class": "input-datetime",
            "autocomplete": "off",
            "spellcheck": "false",
            **(attrs or {}),
        }
        super().__init__(attrs)

    def format_value(self, value):
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.strftime("%d-%m-%Y %H:%M")
        return super().format_value(value)

    def value_from_datadict(self, data, files, name):
        value = forms.TextInput.value_from_datadict(self, data, files, name)
        if not isinstance(value, str):
            return value
        text = " ".join(value.split())
        day, _sep, time = text.rpartition(" ")
        if day and _TIME.fullmatch(time):
            return f"{normalise_date(day)} {time}"
        return text


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to the field it names, else on top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class MailPreferencesForm(forms.Form):
    """The e-mails a person wants (the profile page); the labels are the user model's."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for name in user.MAIL_PREFERENCES:
            model_field = user._meta.get_field(name)
            self.fields[name] = forms.BooleanField(
                label=capfirst(model_field.verbose_name),
                required=False,
                initial=getattr(user, name),
            )


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with its e-mail sent like every other mail of the portal: as
    a background task of `avk.mail` (plain text). The reset link is a secret, so the task row
    keeps only the person's id: the worker makes the link when it sends the mail
    (`password_reset_mail`)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.utils import translation

        mail.send_composed(
            "avk.forms.password_reset_mail",
            user_id=context["user"].pk,
            to_email=to_email,
            from_email=from_email,
            domain=context["domain"],
            site_name=context["site_name"],
            protocol=context["protocol"],
            language=translation.get_language() or "",
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
        )


@mail.composer
def password_reset_mail(
    *,
    user_id,
    to_email,
    from_email,
    domain,
    site_name,
    protocol,
    language,
    subject_template_name,
    email_template_name,
):
    """The password reset mail, written when it is sent (the composer of
    QueuedPasswordResetForm); nothing when the person was removed or blocked meanwhile."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.template import loader
    from django.utils import translation
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return None
    context = {
        "email": to_email,
        "domain": domain,
        "site_name": site_name,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
    return mail.Mail(subject, body, [to_email], from_email)
