"""Efforts (inspanningen): what serves the operational goals, with their goal, partner and
capital links."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme

from .tree import OperationalGoal


class EffortStatus(models.TextChoices):
    IDEA = "idee", _("idea")
    PLANNED = "gepland", _("planned")
    RUNNING = "lopend", _("running")
    DONE = "afgerond", _("completed")
    STOPPED = "gestopt", _("stopped")


class CapitalForm(models.TextChoices):
    ECONOMIC = "economisch", _("economic capital")
    SOCIAL = "sociaal", _("social capital")
    CULTURAL = "cultureel", _("cultural capital")
    PEDAGOGICAL = "pedagogisch", _("pedagogical capital")
    MENTAL = "mentaal", _("mental capital")


class Contribution(models.TextChoices):
    LOW = "laag", _("low")
    MEDIUM = "middel", _("medium")
    HIGH = "hoog", _("high")


#: How much each contribution weighs when an operational goal rolls up its efforts' progress.
CONTRIBUTION_WEIGHT = {Contribution.LOW: 1, Contribution.MEDIUM: 2, Contribution.HIGH: 3}


class PartnerRole(models.TextChoices):
    LEAD = "trekker", _("lead partner (trekker)")
    PARTICIPANT = "deelnemer", _("participant")


class Effort(VersionedModel):
    """An effort (inspanning): a project or activity that serves operational goals."""

    #: What people edit (pages, admin, services, import), in the form's order. The goal,
    #: partner and capital links are set through the services' own arguments.
    EDITABLE_FIELDS = (
        "title",
        "description",
        "status",
        "progress",
        "progress_note",
        "start_month",
        "end_month",
        "lead_member",
        "lead_user",
        "other_parties",
        "structural",
        "municipality",
        "place",
    )

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="efforts", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(
        OperationalGoal,
        through="EffortGoal",
        related_name="efforts",
        verbose_name=_("operational goals"),
    )
    lead_member = models.ForeignKey(
        "partners.DelegationMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_efforts",
        verbose_name=_("lead (from a partner's delegation)"),
    )
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_efforts",
        verbose_name=_("lead (programme team member)"),
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        through="EffortPartner",
        related_name="efforts",
        verbose_name=_("involved partners"),
    )
    other_parties = models.TextField(
        _("other involved parties"),
        blank=True,
        help_text=_(
            "Parties that are not partners, e.g. churches, residents, experts by experience."
        ),
    )
    start_month = models.DateField(_("start month"), null=True, blank=True)
    end_month = models.DateField(_("end month"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EffortStatus.choices, default=EffortStatus.IDEA
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    progress_note = models.TextField(_("progress note"), blank=True)
    structural = models.BooleanField(
        _("structural"), default=False, help_text=_("Runs for the whole programme.")
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    place = models.CharField(
        _("neighbourhood, village or district"),
        max_length=150,
        blank=True,
        help_text=_("For a local experiment: the wijk, dorp or buurt."),
    )
    history = history_records()

    class Meta:
        ordering = ["programme", "start_month", "title"]
        verbose_name = _("effort")
        verbose_name_plural = _("efforts")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_month__isnull=True)
                | Q(end_month__isnull=True)
                | Q(end_month__gte=models.F("start_month")),
                name="effort_period_order",
                violation_error_message=_("The end month cannot lie before the start month."),
            ),
            models.CheckConstraint(
                condition=Q(lead_member__isnull=True) | Q(lead_user__isnull=True),
                name="effort_one_lead",
                violation_error_message=_(
                    "An effort has one lead: a delegation member or a "
                    "programme team member, not both."
                ),
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="effort_progress_max_100"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:effort-detail", args=[self.pk])

    @property
    def lead(self):
        return self.lead_member or self.lead_user

    @property
    def is_local_experiment(self) -> bool:
        return bool(self.place)


class EffortGoal(models.Model):
    """An effort serves an operational goal with a contribution weight."""

    effort = models.ForeignKey(Effort, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(
        OperationalGoal,
        on_delete=models.CASCADE,
        related_name="effort_links",
        verbose_name=_("operational goal"),
    )
    contribution = models.CharField(
        _("contribution"),
        max_length=10,
        choices=Contribution.choices,
        default=Contribution.MEDIUM,
    )

    class Meta:
        verbose_name = _("goal served")
        verbose_name_plural = _("goals served")
        constraints = [models.UniqueConstraint(fields=["effort", "goal"], name="effortgoal_once")]

    def __str__(self):
        return f"{self.effort} -> {self.goal}"

    def clean(self):
        if self.effort_id and self.goal_id and self.effort.programme_id != self.goal.programme_id:
            raise ValidationError(
                {"goal": _("An effort can only serve goals of its own programme.")}
            )


class EffortPartner(models.Model):
    """A partner takes part in an effort (the Network), as trekker or deelnemer."""

    effort = models.ForeignKey(Effort, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="effort_links",
        verbose_name=_("partner"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=PartnerRole.choices, default=PartnerRole.PARTICIPANT
    )

    class Meta:
        verbose_name = _("involved partner")
        verbose_name_plural = _("involved partners")
        constraints = [
            models.UniqueConstraint(fields=["effort", "partner"], name="effortpartner_once")
        ]

    def __str__(self):
        return f"{self.partner} ({self.get_role_display()})"


class EffortCapital(models.Model):
    """A form of capital an effort builds (economisch, sociaal, ...)."""

    effort = models.ForeignKey(Effort, on_delete=models.CASCADE, related_name="capitals")
    form = models.CharField(_("form of capital"), max_length=15, choices=CapitalForm.choices)

    class Meta:
        verbose_name = _("form of capital")
        verbose_name_plural = _("forms of capital")
        constraints = [
            models.UniqueConstraint(fields=["effort", "form"], name="effortcapital_once")
        ]

    def __str__(self):
        return self.get_form_display()
