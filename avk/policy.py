"""The one access gate: "may this person do this, to this object, now?"

Each area of the portal keeps its whole policy in its own `permissions.py` and registers it here
in its AppConfig.ready() under a namespace:

    from avk import policy
    policy.register("partners", permissions.allowed, messages=permissions.MESSAGES)

An action is named `"<namespace>.<verb>"` ("partners.change_commitment", "governance.vote").
Everything asks the same question through this module:

- services that act for a person call `require(user, action, obj)` first, so pages, the admin,
  imports and commands cannot differ;
- views call services (or `require` for pages that only read) and let `Refused` through: it is a
  `PermissionDenied`, which Django answers with the 403 page, showing the refusal's Dutch message;
- templates ask `{% may "partners.change" partner as can_change %}`, menus and home panels ask
  `allowed(...)`, so nobody is shown a link that ends in "Geen toegang".

A rule answers for the object's state too (a decided proposal cannot be edited by anyone), so the
answer is the same wherever it is asked. An unknown action is a programming error and raises.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.translation import gettext_lazy as _

#: What a refusal says when the policy has no message of its own for the action.
DEFAULT_MESSAGE = _(
    "You may not do this here. Your roles hold per programme: ask the programme "
    "team of this programme if you think you should be able to."
)


class Refused(PermissionDenied):
    """The person may not do this. A PermissionDenied: views answer it with 403 and its message."""

    def __init__(self, message=None, *, action: str = ""):
        self.message = message or DEFAULT_MESSAGE
        self.action = action
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


@dataclass
class _Policy:
    decide: Callable  # decide(user, verb, obj) -> bool
    messages: Mapping[str, object] = field(default_factory=dict)
    refusal: Callable | None = None  # refusal(user, verb, obj) -> message or None


_policies: dict[str, _Policy] = {}


def register(
    namespace: str,
    decide: Callable,
    *,
    messages: Mapping | None = None,
    refusal: Callable | None = None,
) -> None:
    """Register an area's policy: `decide(user, verb, obj) -> bool` answers for `namespace.verb`.

    `messages` maps a verb to the Dutch (lazily translated) text a refusal shows; `refusal(user,
    verb, obj)`, when given, may name what in the object's state stands in the way (None: the
    verb's message)."""
    _policies[namespace] = _Policy(decide, dict(messages or {}), refusal)


def _split(action: str) -> tuple[_Policy, str]:
    namespace, _dot, verb = action.partition(".")
    if not verb or namespace not in _policies:
        raise ImproperlyConfigured(f"No policy registered for action {action!r}")
    return _policies[namespace], verb


def allowed(user, action: str, obj) -> bool:
    """May `user` do `action` ("namespace.verb") to `obj` now? Never raises for a refusal."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    policy, verb = _split(action)
    return bool(policy.decide(user, verb, obj))


def require(user, action: str, obj, *, message=None) -> None:
    """Raise `Refused` (403 with a Dutch message) unless `user` may do `action` to `obj` now."""
    if allowed(user, action, obj):
        return
    policy, verb = _split(action)
    if message is None and policy.refusal is not None:
        message = policy.refusal(user, verb, obj)
    raise Refused(message or policy.messages.get(verb), action=action)


def namespaces() -> list[str]:
    """The registered namespaces (the architecture test checks every area registered one)."""
    return sorted(_policies)
