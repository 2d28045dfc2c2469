"""The DIN: Doelen (goals) - Inspanningen (efforts) - Netwerk (the partners involved).

The tree is programme line -> strategic goal -> operational goal; efforts serve one or more
operational goals of their own programme, each link with a contribution weight; partners take
part in efforts as trekker or deelnemer; working groups carry efforts; indicators measure
operational goals. Every level carries its `programme` so access checks and filters need no
joins; services keep it equal to the parent's (checked in clean()).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .core import Programme


class OrderedInProgramme(models.Model):
    """Common to the tree's levels: a title, a dense `order` among siblings, a version."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="%(class)ss",  # programmelines, strategicgoals, operationalgoals
        verbose_name=_("programme"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class ProgrammeLine(OrderedInProgramme):
    """A programme line (programmalijn), e.g. "De Doelgroep"."""

    name = models.CharField(_("name"), max_length=200)
    challenge = models.TextField(_("challenge (uitdaging)"), blank=True)
    approach = models.TextField(_("approach (aanpak)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("programme line")
        verbose_name_plural = _("programme lines")
        indexes = [models.Index(fields=["programme", "order"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:din", args=[self.programme.slug]) + f"#line-{self.pk}"


class StrategicGoal(OrderedInProgramme):
    line = models.ForeignKey(
        ProgrammeLine,
        on_delete=models.PROTECT,
        related_name="strategic_goals",
        verbose_name=_("programme line"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["line", "order", "pk"]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")
        indexes = [models.Index(fields=["line", "order"])]

    def __str__(self):
        return self.title

    def clean(self):
        if self.line_id and self.programme_id and self.line.programme_id != self.programme_id:
            raise ValidationError({"line": _("The line belongs to another programme.")})


class OperationalGoal(OrderedInProgramme):
    strategic_goal = models.ForeignKey(
        StrategicGoal,
        on_delete=models.PROTECT,
        related_name="operational_goals",
        verbose_name=_("strategic goal"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategic_goal", "order", "pk"]
        verbose_name = _("operational goal")
        verbose_name_plural = _("operational goals")
        indexes = [models.Index(fields=["strategic_goal", "order"])]

    def __str__(self):
        return self.title

    def clean(self):
        if (
            self.strategic_goal_id
            and self.programme_id
            and self.strategic_goal.programme_id != self.programme_id
        ):
            raise ValidationError(
                {"strategic_goal": _("The strategic goal belongs to another programme.")}
            )


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


class Effort(models.Model):
    """An effort (inspanning): a project or activity that serves operational goals."""

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
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

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


class WorkingGroup(models.Model):
    """A working group (werkgroep) that does the work (verrichten), led by kartrekker(s)."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("programme"),
    )
    name = models.CharField(_("name"), max_length=200)
    theme = models.TextField(_("theme"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    efforts = models.ManyToManyField(
        Effort, related_name="working_groups", blank=True, verbose_name=_("efforts carried")
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[efforts])

    class Meta:
        ordering = ["programme", "order", "name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "name"],
                name="workinggroup_name_unique",
                violation_error_message=_(
                    "This programme already has a working group with this name."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:workinggroup-detail", args=[self.pk])


class WorkingGroupMember(models.Model):
    """A member of a working group: a partner organisation, a delegation member or a user;
    `is_lead` marks the kartrekker(s)."""

    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("working group"),
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_group_seats",
        verbose_name=_("partner"),
    )
    person = models.ForeignKey(
        "partners.DelegationMember",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="working_group_seats",
        verbose_name=_("person (delegation)"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="working_group_seats",
        verbose_name=_("person (programme team)"),
    )
    is_lead = models.BooleanField(_("kartrekker"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.CheckConstraint(
                condition=Q(partner__isnull=False)
                | Q(person__isnull=False)
                | Q(user__isnull=False),
                name="workinggroupmember_someone",
                violation_error_message=_("Choose a partner, a delegation member or a person."),
            )
        ]

    def __str__(self):
        return str(self.person or self.user or self.partner)


class Direction(models.TextChoices):
    HIGHER = "hoger", _("higher is better")
    LOWER = "lager", _("lower is better")


class Frequency(models.TextChoices):
    YEARLY = "jaarlijks", _("yearly")
    HALF_YEARLY = "halfjaarlijks", _("every half year")
    QUARTERLY = "kwartaal", _("every quarter")
    MONTHLY = "maandelijks", _("monthly")


class Indicator(models.Model):
    """What shows whether an operational goal is reached, with baseline and target."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("programme")
    )
    goal = models.ForeignKey(
        OperationalGoal,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("operational goal"),
    )
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    cumulative = models.BooleanField(_("cumulative"), default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_indicators",
        verbose_name=_("owner"),
    )
    frequency = models.CharField(
        _("measured"), max_length=15, choices=Frequency.choices, default=Frequency.YEARLY
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "goal", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:indicator-detail", args=[self.pk])

    def clean(self):
        if self.goal_id and self.programme_id and self.goal.programme_id != self.programme_id:
            raise ValidationError({"goal": _("The goal belongs to another programme.")})
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            raise ValidationError(
                {"target_year": _("The target year cannot lie before the baseline year.")}
            )


class MeasurementStatus(models.TextChoices):
    DRAFT = "concept", _("draft")
    APPROVED = "goedgekeurd", _("approved")
    RETURNED = "teruggestuurd", _("sent back")


class Measurement(models.Model):
    """A value of an indicator over a period. Drafts by kartrekkers or partner contacts count
    only once the programme team approves them."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    period_label = models.CharField(
        _("period"), max_length=40, help_text=_("E.g. 2024 or 2024-Q2.")
    )
    period_end = models.DateField(_("end of the period"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    narrative = models.TextField(_("explanation"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=MeasurementStatus.choices,
        default=MeasurementStatus.DRAFT,
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entered_measurements",
        verbose_name=_("entered by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_measurements",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_remark = models.TextField(_("remark on review"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_end"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_end"],
                condition=~Q(status="teruggestuurd"),
                name="measurement_one_per_period",
                violation_error_message=_(
                    "This indicator already has a measurement for this period."
                ),
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period_label}"

    @property
    def programme(self):
        """A measurement belongs to its indicator's programme (for `allowed(user, action,
        obj)`)."""
        return self.indicator.programme


class MeasurementReminder(models.Model):
    """A reminder e-mail sent to an indicator's owner for one period; keeps the reminder
    command idempotent (one e-mail per indicator and period)."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("indicator"),
    )
    period_end = models.DateField(_("end of the period"))
    sent_to = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("measurement reminder")
        verbose_name_plural = _("measurement reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_end"], name="measurementreminder_once"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period_end}"
