"""Meetings of a body: the agenda, minutes and action items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel

from .bodies import Body


class MeetingStatus(models.TextChoices):
    PLANNED = "gepland", _("planned")
    HELD = "gehouden", _("held")


class Meeting(VersionedModel):
    """A meeting of a body: when, where, its ordered agenda (`AgendaItem`), minutes (Markdown)
    and action items. Proposals on its agenda are decided in it (see services.meeting_record)."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("body")
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chair of the meeting"),
    )
    minute_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minute taker"),
    )
    history = history_records()

    #: What people edit on a meeting: the form, the admin and `meeting_update` take these.
    EDITABLE_FIELDS = ("starts_at", "place", "minutes")
    #: Who chaired and who took the minutes: set with the attendance (`meeting_attendance_set`).
    ATTENDANCE_FIELDS = ("chair", "minute_taker")

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        local = timezone.localtime(self.starts_at) if self.starts_at else None
        return f"{self.body} {local:%d-%m-%Y}" if local else str(self.body)

    def get_absolute_url(self):
        return reverse("governance:meeting-detail", args=[self.pk])

    @property
    def programme(self):
        return self.body.programme

    @property
    def date(self):
        return timezone.localtime(self.starts_at).date()


class Presence(models.TextChoices):
    PRESENT = "aanwezig", _("present")
    EXCUSED = "afgemeld", _("absent with notice")
    ABSENT = "afwezig", _("absent without notice")


class Attendance(models.Model):
    """Whether a person was at a meeting: present, absent with notice (afgemeld) or absent.
    One row per person per meeting; recorded by `services.meeting_attendance_set`."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="governance_attendance",
        verbose_name=_("person"),
    )
    presence = models.CharField(_("attendance"), max_length=20, choices=Presence.choices)
    history = history_records()

    class Meta:
        ordering = ["meeting", "user__last_name", "user__first_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                name="governance_attendance_one_per_person",
                violation_error_message=_("This person's attendance has been recorded already."),
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.get_presence_display()}"


class AgendaItem(models.Model):
    """One item on a meeting's agenda, in `position` order: a proposal, or a free item."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    proposal = models.ForeignKey(
        "Proposal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("proposal"),
    )
    title = models.CharField(
        _("title"), max_length=300, blank=True, help_text=_("For a free item.")
    )
    notes = models.TextField(_("notes"), blank=True)
    history = history_records()

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="governance_agendaitem_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(proposal__isnull=False) | ~Q(title=""),
                name="governance_agendaitem_proposal_or_title",
                violation_error_message=_("An agenda item is a proposal or has a title."),
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.label}"

    @property
    def label(self) -> str:
        return self.title or (self.proposal.title if self.proposal_id else "")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "afgerond", _("done")


class ActionItem(models.Model):
    """An action item (actiepunt) of a body, usually agreed in one of its meetings: what, who
    (a user or a free-text name), by when, open or done. With the decisions it forms the body's
    action and decision list."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="action_items", verbose_name=_("body")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("meeting"),
    )
    description = models.TextField(_("what"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="governance_action_items",
        verbose_name=_("who (person)"),
    )
    owner_text = models.CharField(
        _("who (name)"), max_length=200, blank=True, help_text=_("When not a portal user.")
    )
    due_date = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = history_records()

    class Meta:
        ordering = ["status", "due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.description[:80]

    @property
    def programme(self):
        return self.body.programme

    @property
    def who(self) -> str:
        if self.owner_id:
            return self.owner.get_full_name() or self.owner.username
        return self.owner_text
