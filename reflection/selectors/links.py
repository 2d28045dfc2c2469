"""Follow-up links as a page shows them, and the items that may take up an attention point."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from avk import policy

from .. import targets
from ..models import FollowUpLink


@dataclass
class ShownLink:
    link: FollowUpLink
    kind_label: str
    label: str
    url: str
    visible: bool
    gone: bool


def shown(links, user) -> list[ShownLink]:
    """The links (their targets prefetched) as the person may see them: an item they may not
    read is named only by its kind, one that was removed is marked so."""
    found = []
    for link in links:
        target = link.target
        if target is None:
            found.append(ShownLink(link, "", "", "", False, True))
            continue
        kind = targets.kind_for_model(type(target))
        visible = policy.allowed(user, kind.view_action, target)
        url = getattr(target, "get_absolute_url", lambda: "")() if visible else ""
        found.append(
            ShownLink(
                link,
                str(kind.label),
                kind.describe(target) if visible else "",
                url,
                visible,
                False,
            )
        )
    return found


def link_choices(programme) -> list[tuple[str, list[tuple[str, str]]]]:
    """The items of the programme that can take up an attention point, grouped by kind, as
    (value "<kind>:<id>", text): one query per kind."""
    groups = []
    for kind in targets.kinds():
        options = [(f"{kind.code}:{obj.pk}", kind.describe(obj)) for obj in kind.choices(programme)]
        if options:
            groups.append((str(kind.label).capitalize(), options))
    return groups


def traced_to(obj) -> list[FollowUpLink]:
    """The links to `obj` (and to the items it carries, a proposal's decisions), with the
    attention point or ingredient, its session and round: one query."""
    kind = targets.kind_for_model(type(obj))
    wanted = {type(obj): [obj.pk]}
    if kind is not None and kind.traced_with is not None:
        for model, ids in kind.traced_with(obj).items():
            wanted.setdefault(model, []).extend(ids)
    condition = Q(pk__in=[])
    for model, ids in wanted.items():
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(target_type=content_type, target_id__in=ids)
    return list(
        FollowUpLink.objects.filter(condition)
        .select_related(
            "attention_point__session__round",
            "attention_point__category",
            "ingredient__attention_point__session__round",
            "ingredient__attention_point__category",
        )
        .order_by("-created_at", "-pk")
    )
