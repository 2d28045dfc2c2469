"""What can take up an attention point or an ingredient: the kinds of items a follow-up link
may point to, registered by the app that owns them.

Reflection registers the DIN's efforts, operational goals and working groups, and the board's
proposals and decisions (it sits above those apps). An app above reflection (the phase plans)
registers its own model from its AppConfig.ready(), and gets the same links and the section on
its page, without a change here:

    from reflection import targets
    targets.register(
        "phaseplan", PhasePlan, label=_("phase plan"),
        choices=lambda programme: PhasePlan.objects.filter(programme=programme),
        view_action="phaseplans.view",
    )

Every kind also becomes a section kind (`avk.sections`): a page that calls
`sections.sections_for("<code>", request, obj, programme)` shows the attention points and
ingredients that led to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class TargetKind:
    code: str
    model: type[models.Model]
    label: object  # lazily translated, singular ("effort")
    #: choices(programme) -> the queryset of items of the programme that can be linked
    choices: Callable
    #: the policy action ("namespace.verb") asked of an item before it is shown
    view_action: str
    #: programme_id_of(obj) -> the id of the programme the item belongs to
    programme_id_of: Callable
    #: describe(obj) -> how the item reads in a list of choices and links
    describe: Callable = str
    #: traced_with(obj) -> {model: [ids]}: items whose links also show on `obj`'s page (the
    #: decisions of a proposal)
    traced_with: Callable | None = None
    #: what to select with an item when links are shown (its programme, for the policy)
    related: tuple[str, ...] = ("programme",)
    order: int = 100


_kinds: dict[str, TargetKind] = {}


def register(
    code: str,
    model: type[models.Model],
    *,
    label,
    choices: Callable,
    view_action: str,
    programme_id_of: Callable = lambda obj: obj.programme_id,
    describe: Callable = str,
    traced_with: Callable | None = None,
    related: tuple[str, ...] = ("programme",),
    order: int = 100,
) -> TargetKind:
    kind = TargetKind(
        code,
        model,
        label,
        choices,
        view_action,
        programme_id_of,
        describe,
        traced_with,
        related,
        order,
    )
    _kinds[code] = kind
    from avk import sections

    from .sections import traced_section

    sections.register(code, traced_section, order=50)
    return kind


def kinds() -> list[TargetKind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.code))


def kind_for_model(model) -> TargetKind | None:
    for kind in _kinds.values():
        if kind.model is model or issubclass(model, kind.model):
            return kind
    return None


def by_code(code: str) -> TargetKind | None:
    return _kinds.get(code)


def resolve(value: str, programme) -> models.Model:
    """The item a posted "<kind>:<id>" names, if it is of a registered kind and belongs to
    `programme`; a Dutch ValidationError otherwise."""
    code, _sep, raw = (value or "").partition(":")
    kind = _kinds.get(code)
    if kind is None or not raw.isdigit():
        raise ValidationError(
            {
                "target": ValidationError(
                    _("Choose what took this up from the list."), "unknown_target"
                )
            }
        )
    obj = kind.model._default_manager.filter(pk=int(raw)).first()
    if obj is None:
        raise ValidationError(
            {"target": ValidationError(_("The chosen item no longer exists."), "target_gone")}
        )
    check_programme(obj, programme)
    return obj


def check_programme(obj, programme) -> TargetKind:
    """The kind of `obj`; refuses an item of another programme (or of no registered kind)."""
    kind = kind_for_model(type(obj))
    if kind is None:
        raise ValidationError(
            {
                "target": ValidationError(
                    _("This kind of item cannot take up an attention point."), "unknown_target"
                )
            }
        )
    if kind.programme_id_of(obj) != programme.pk:
        raise ValidationError(
            {
                "target": ValidationError(
                    _("%(item)s belongs to another programme.") % {"item": obj}, "other_programme"
                )
            }
        )
    return kind


def prefetch(lookup: str = "target"):
    """Prefetch the targets of follow-up links, each kind in one query with what showing it
    needs (`GenericPrefetch`)."""
    from django.contrib.contenttypes.prefetch import GenericPrefetch

    return GenericPrefetch(
        lookup,
        [kind.model._default_manager.select_related(*kind.related) for kind in kinds()],
    )


def value_of(obj) -> str:
    kind = kind_for_model(type(obj))
    return f"{kind.code}:{obj.pk}"
