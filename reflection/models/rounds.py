"""A yearly reflection round of a programme ("Eilanden van reflectie 2025") and its sessions,
one per level (programme team, managers, steering group, ...), each with the framework it used."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme

from .frameworks import Framework


class Round(VersionedModel):
    """A reflection round: its sessions, and what comes out feeds the next phase plan."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="reflection_rounds",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    feeds = models.CharField(
        _("feeds into"), max_length=200, blank=True, help_text=_("E.g. phase plan 3.")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    history = history_records()

    EDITABLE_FIELDS = ("title", "year", "feeds", "introduction", "summary")

    class Meta:
        ordering = ["programme", "-year", "-pk"]
        verbose_name = _("reflection round")
        verbose_name_plural = _("reflection rounds")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "title"],
                name="reflection_round_title_unique",
                violation_error_message=_("This programme already has a round with this title."),
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1900) & models.Q(year__lte=2200),
                name="reflection_round_year_range",
                violation_error_message=_("Give the year in four digits, e.g. 2025."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reflection:round-detail", args=[self.pk])


class Theme(models.Model):
    """A theme of a round that attention points of several sessions share ("Monitoring,
    effectiviteit en ervaringen"): where the levels overlap."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="themes", verbose_name=_("round")
    )
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("name", "order")

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "name"],
                name="reflection_theme_name_unique",
                violation_error_message=_("This round already has a theme with this name."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def programme(self):
        return self.round.programme


class Level(models.TextChoices):
    PROGRAMME_TEAM = "programmateam", _("programme team")
    MANAGERS = "managers", _("managers")
    STEERING_GROUP = "stuurgroep", _("steering group")
    MEMBERS_COUNCIL = "ledenraad", _("members' council")
    WORKING_GROUP = "werkgroep", _("working group")
    OTHER = "overig", _("other")


class Session(VersionedModel):
    """One island of reflection: a level of the programme reflects on a date, with a
    facilitator, participants and a framework."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("round")
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="reflection_sessions",
        verbose_name=_("programme"),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    level_name = models.CharField(
        _("name of the level"),
        max_length=150,
        blank=True,
        help_text=_("Shown instead of the level, e.g. Managers/leidinggevenden."),
    )
    working_group = models.ForeignKey(
        "programme.WorkingGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reflection_sessions",
        verbose_name=_("working group"),
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    facilitator = models.CharField(
        _("facilitator"), max_length=200, blank=True, help_text=_("E.g. an external consultant.")
    )
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("framework"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="reflection_sessions",
        verbose_name=_("participants (people)"),
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="reflection_sessions",
        verbose_name=_("participating partners"),
    )
    participants_note = models.TextField(_("other participants"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("What the session shared, e.g. a shared sense of urgency."),
    )
    history = history_records(m2m_fields=[participants, partners])

    #: What the session form, the admin and `session_update` take (the participants and
    #: partners are set through the services' own arguments).
    EDITABLE_FIELDS = (
        "level",
        "level_name",
        "working_group",
        "date",
        "place",
        "facilitator",
        "framework",
        "participants_note",
        "introduction",
        "summary",
    )

    class Meta:
        ordering = ["round", "date", "pk"]
        verbose_name = _("reflection session")
        verbose_name_plural = _("reflection sessions")

    def __str__(self):
        return f"{self.level_label} ({self.date:%d-%m-%Y})" if self.date else self.level_label

    def get_absolute_url(self):
        return reverse("reflection:session-detail", args=[self.pk])

    @property
    def level_label(self) -> str:
        if self.level_name:
            return self.level_name
        if self.level == Level.WORKING_GROUP and self.working_group_id:
            return str(self.working_group)
        return capfirst(str(self.get_level_display()))

    def clean(self):
        super().clean()
        errors = {}
        if self.round_id and self.programme_id and self.round.programme_id != self.programme_id:
            errors["round"] = _("The round belongs to another programme.")
        if (
            self.framework_id
            and self.programme_id
            and self.framework.programme_id not in (None, self.programme_id)
        ):
            errors["framework"] = _("This framework belongs to another programme.")
        if (
            self.working_group_id
            and self.programme_id
            and self.working_group.programme_id != self.programme_id
        ):
            errors["working_group"] = _("The working group belongs to another programme.")
        if self.level == Level.OTHER and not self.level_name:
            errors["level_name"] = _("Name the level of this session.")
        if errors:
            raise ValidationError(errors)
