"""Template helpers shared by every app: money, numbers, and asking an app's access policy."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

from avk import policy

register = template.Library()


@register.filter
def money(value, decimals=2):
    """EUR 249.750,00 in Dutch, EUR 249,750.00 in English; empty for no value."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    formatted = number_format(amount, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)
    return f"EUR\u00a0{formatted}"


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
