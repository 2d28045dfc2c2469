"""The search box in the header: partners, goals, efforts, proposals and decisions of the
person's programmes, only what they may see.

avk knows no domain app: each app registers a provider in its AppConfig.ready():

    from avk.search import register_search
    register_search(partners_search.search, order=10)

A provider gets a `Query` (the text, the person, their programmes, how many hits per kind) and
returns `Group`s, one per kind it searches (`query.wants(kind)` says whether the page asks for
that kind). It asks its own app's policy or selectors which rows the person may see, and runs one
query per kind whatever the number of programmes, through `matching()`: PostgreSQL's full-text
search with the Dutch configuration (stemming, ranked), or every word `icontains` on SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import add, and_, or_

from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value

from .registry import Registry

providers = Registry(__name__)

#: The longest search text taken from the query string, and the most words used of it.
MAX_LENGTH = 200
MAX_WORDS = 10
#: Hits per kind on the results page, and when the person asks for one kind only.
PER_KIND = 10
ONE_KIND = 100
#: PostgreSQL's text-search configuration: Dutch stemming and stop words.
CONFIG = "dutch"


def register_search(provider: Callable, *, order: int = 100) -> Callable:
    """Register `provider(query) -> [Group]` (in an app's AppConfig.ready())."""
    return providers.register(provider, order=order)


def unregister_search(provider: Callable) -> None:
    providers.unregister(provider)


@dataclass(frozen=True)
class Query:
    text: str
    user: object
    programmes: tuple = ()
    limit: int = PER_KIND
    #: One kind only ("efforts"), or every kind when empty.
    kind: str = ""

    def wants(self, kind: str) -> bool:
        return not self.kind or self.kind == kind


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    #: A short line under the title: the kind of organisation, the status, the body.
    detail: str = ""
    programme: object = None


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    #: More hits exist than are shown (the page offers all hits of this kind).
    more: bool = False


def clean(text: str | None) -> str:
    """The search text as used: trimmed, at most MAX_LENGTH characters and MAX_WORDS words."""
    words = (text or "")[:MAX_LENGTH].split()
    return " ".join(words[:MAX_WORDS])


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def matching(
    queryset: QuerySet, text: str, fields: Mapping[str, str], *, order_by: tuple = ()
) -> QuerySet:
    """The rows of `queryset` that match `text` in `fields` ({field: weight "A".."D"}, the first
    is the row's title), best first, then in `order_by`.

    PostgreSQL: full-text search with the Dutch configuration ("gemeenten" finds "gemeente"),
    ranked by weight, plus rows whose title holds every word (so "Noorder" finds
    "Noorderpoort" while it is being typed). SQLite: every word in one of the fields, by title.
    """
    names = list(fields)
    words = text.split()
    in_title = reduce(and_, (Q(**{f"{names[0]}__icontains": word}) for word in words))
    if not uses_full_text():
        every_word = reduce(
            and_,
            (reduce(or_, (Q(**{f"{name}__icontains": word}) for name in names)) for word in words),
        )
        return (
            queryset.filter(every_word)
            .annotate(rank=Value(0.0, FloatField()))
            .order_by(*(order_by or (names[0],)))
        )
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = reduce(
        add, (SearchVector(name, weight=weight, config=CONFIG) for name, weight in fields.items())
    )
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    return (
        queryset.annotate(search_vector=vector, rank=SearchRank(vector, query))
        .filter(Q(search_vector=query) | in_title)
        .order_by(F("rank").desc(), *(order_by or (names[0],)))
    )


def first(queryset: QuerySet, limit: int) -> tuple[list, bool]:
    """At most `limit` rows, and whether there were more (one query)."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def search(user, text: str, *, programmes, kind: str = "") -> list[Group]:
    """Every provider's groups for this person, the empty ones left out."""
    text = clean(text)
    if not text or not programmes:
        return []
    query = Query(
        text=text,
        user=user,
        programmes=tuple(programmes),
        limit=ONE_KIND if kind else PER_KIND,
        kind=kind,
    )
    found: list[Group] = []
    for provider in providers:
        found.extend(group for group in provider(query) if group.hits and query.wants(group.kind))
    return found
