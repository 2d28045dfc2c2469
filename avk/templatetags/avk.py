"""Template helpers shared by every app: money, months, numbers, and asking an app's access
policy. Dates: `{{ day|date }}` ("19 juni 2023") and in tables `{{ day|date:"SHORT_DATE_FORMAT" }}`
("19-06-2023"), from the formats in avk/formats/."""

from decimal import Decimal, InvalidOperation

from crispy_forms.utils import render_crispy_form
from django import template
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from avk import formats, policy
from avk.form_fields import fields_html

register = template.Library()


@register.filter
def money(value, decimals=None):
    """€ 84.000 in Dutch (€84,000 in English), cents only when there are cents (€ 1.234,50);
    `|money:2` always shows cents. Empty for no value."""
    return formats.money(value, None if decimals in (None, "") else int(decimals))


@register.filter
def month(value):
    """A month, short: "aug. 2023"."""
    return formats.month(value)


@register.filter
def months(start, end):
    """A period of months: `{{ effort.start_month|months:effort.end_month }}` is
    "aug. 2023 – dec. 2023"; an open side stays open ("aug. 2023 –")."""
    return formats.months(start, end)


@register.filter
def number(value, decimals=0):
    """A number with Dutch grouping and decimal comma (1.234,5)."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    return number_format(amount, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)


@register.filter(needs_autoescape=True)
def nl(value, autoescape=True):
    """Text people wrote in Dutch (a title, a description, minutes), marked `lang="nl"` when
    the interface is in another language, so that a screen reader pronounces it in Dutch:
    `{{ effort.title|nl }}`, `{{ effort.description|linebreaksbr|nl }}`."""
    if value in (None, ""):
        return value
    text = conditional_escape(value) if autoescape else value
    if formats.is_content_language():
        return mark_safe(text)  # noqa: S308 (escaped above)
    return format_html('<span lang="{}">{}</span>', formats.CONTENT_LANGUAGE, text)


@register.simple_tag
def content_lang():
    """` lang="nl"` for an element that holds Dutch content, when the interface is in another
    language: `<h1{% content_lang %}>{{ programme.name }}</h1>`."""
    if formats.is_content_language():
        return ""
    return format_html(' lang="{}"', formats.CONTENT_LANGUAGE)


@register.simple_tag(takes_context=True)
def may(context, action, obj):
    """{% may "partners.change" partner as can_change %}: asks the one access gate
    (avk.policy). An action without a namespace is asked of the object's own app."""
    user = context.get("user") or getattr(context.get("request"), "user", None)
    if user is None or obj is None:
        return False
    if "." not in action:
        action = f"{obj._meta.app_label}.{action}"
    return policy.allowed(user, action, obj)


@register.filter
def minutes(delta) -> int:
    """A timedelta in whole minutes (rounded up), for messages such as the lock-out page."""
    seconds = int(delta.total_seconds())
    return -(-seconds // 60)


@register.simple_tag
def form_fields(form):
    """{% form_fields form %}: the form's fields as `{% crispy form %}` draws them, without
    crispy's templates for a plain form (avk/form_fields.py), by crispy otherwise."""
    html = fields_html(form)
    return html if html is not None else render_crispy_form(form)
