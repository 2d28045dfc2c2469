"""A person's calendar feed (iCalendar, RFC 5545): the meetings and deadlines that concern them.

avk knows no domain app: each app registers a provider in its AppConfig.ready():

    from avk.calendar_feed import register_calendar
    register_calendar(governance_calendar.events, order=10)

A provider gets the person and the `Window` of days the feed covers and returns `Event`s: only
those that concern the person (a meeting of a body they sit on, a written round they vote in, a
measurement they owe), asked of their own app's policy and selectors in a bounded number of
queries. The feed is read by calendar programs without a login, through a private link: a random
token per person of which the portal keeps only a fingerprint (`avk.profile`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from .registry import Registry

providers = Registry(__name__)

#: The feed holds events from this many days ago until this many days ahead.
DAYS_BACK = 180
DAYS_AHEAD = 400
#: How long a meeting is taken to last when nothing says otherwise.
MEETING_LENGTH = timedelta(hours=2)


def register_calendar(provider: Callable, *, order: int = 100) -> Callable:
    """Register `provider(user, window) -> [Event]` (in an app's AppConfig.ready())."""
    return providers.register(provider, order=order)


def unregister_calendar(provider: Callable) -> None:
    providers.unregister(provider)


@dataclass(frozen=True)
class Window:
    start: date
    end: date

    @classmethod
    def around(cls, today: date | None = None) -> Window:
        today = today or timezone.localdate()
        return cls(today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD))

    def holds(self, moment: date | datetime) -> bool:
        day = timezone.localtime(moment).date() if isinstance(moment, datetime) else moment
        return self.start <= day <= self.end

    def aware_bounds(self) -> tuple[datetime, datetime]:
        """The window as aware datetimes (for filtering DateTimeFields)."""
        zone = timezone.get_current_timezone()
        start = datetime.combine(self.start, datetime.min.time(), tzinfo=zone)
        end = datetime.combine(self.end + timedelta(days=1), datetime.min.time(), tzinfo=zone)
        return start, end


@dataclass(frozen=True)
class Event:
    #: Stable and unique within the portal ("meeting-12"): a calendar program updates the event
    #: it already has instead of adding it twice.
    uid: str
    title: str
    #: A date for a whole-day event (a deadline, a measurement due), an aware datetime otherwise.
    start: date | datetime
    end: date | datetime | None = None
    #: The portal page (a path; the feed makes it absolute with PORTAL_BASE_URL).
    url: str = ""
    description: str = ""
    location: str = ""


def events_for(user, window: Window | None = None) -> list[Event]:
    """Every provider's events for this person, by start."""
    window = window or Window.around()
    found: list[Event] = []
    for provider in providers:
        found.extend(provider(user, window))

    def key(event: Event):
        start = event.start
        if not isinstance(start, datetime):
            start = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
        return start, event.uid

    return sorted(found, key=key)


def _host(base: str) -> str:
    """The host name of the portal's address (without a port), for the events' UIDs."""
    return base.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0] or "localhost"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def ical(user, events: list[Event], *, base_url: str = "") -> bytes:
    """The events as an iCalendar file (times in UTC, whole days as dates), their links made
    absolute with `base_url` (the address the feed was read at; PORTAL_BASE_URL by default)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Alliantieportaal//Kalender//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Alliance portal: %(name)s") % {"name": user})
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = _utc(timezone.now()).replace(microsecond=0)
    base = (base_url or settings.PORTAL_BASE_URL).rstrip("/")
    host = _host(settings.PORTAL_BASE_URL)
    for event in events:
        entry = VEvent()
        entry.add("uid", f"{event.uid}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        if isinstance(event.start, datetime):
            entry.add("dtstart", _utc(event.start))
            entry.add("dtend", _utc(event.end or event.start + MEETING_LENGTH))
        else:
            entry.add("dtstart", event.start)
            entry.add("dtend", event.end or event.start + timedelta(days=1))
            entry.add("transp", "TRANSPARENT")
        description = event.description
        if event.url:
            entry.add("url", base + event.url)
            description = f"{description}\n\n{base}{event.url}".strip()
        if description:
            entry.add("description", description)
        if event.location:
            entry.add("location", event.location)
        calendar.add_component(entry)
    return calendar.to_ical()
