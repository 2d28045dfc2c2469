"""Who is in the alliance, how committed each partner is, and who speaks for it."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import DatedPeriod, DatedQuerySet, VersionedModel
from programme.core.models import Programme


class PartnerKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("municipality")
    KNOWLEDGE = "kennisinstelling", _("knowledge institution")
    EDUCATION = "onderwijs", _("education")
    HOUSING = "wonen", _("housing")
    WELFARE = "welzijn", _("welfare")
    CARE = "zorg", _("care")
    MENTAL_HEALTH = "ggz", _("mental health care / addiction care")
    FUND = "fonds", _("fund")
    OTHER = "overig", _("other")


class Partner(VersionedModel):
    """An organisation. It can take part in several programmes (see `Participation`)."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("general e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    programmes = models.ManyToManyField(
        Programme,
        through="Participation",
        related_name="partners",
        verbose_name=_("programmes"),
    )
    history = history_records()

    #: What people edit (form, admin, import and `partner_update` accept these, no others).
    EDITABLE_FIELDS = (
        "name",
        "short_name",
        "kind",
        "municipality",
        "website",
        "phone",
        "email",
        "notes",
    )
    #: The public details a partner contact keeps up to date for its own organisation.
    CONTACT_EDITABLE_FIELDS = ("name", "short_name", "municipality", "website", "phone", "email")

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="partner_name_unique_ci",
                violation_error_message=_("A partner with this name already exists."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.pk])


class Participation(models.Model):
    """A partner takes part in a programme (member of its alliance) from a date."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("programme"),
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="participations", verbose_name=_("partner")
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    history = history_records()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "partner"], name="participation_once_per_programme"
            )
        ]

    def __str__(self):
        return f"{self.partner} - {self.programme}"


class CommitmentPackage(models.Model):
    """A covenant package (A, B, C) as a programme defines it."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="packages", verbose_name=_("programme")
    )
    code = models.CharField(_("code"), max_length=5)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("what the package entails"), blank=True)
    yearly_contribution = models.DecimalField(
        _("yearly member contribution"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    steering_group_seat = models.BooleanField(_("seat in the steering group"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = (
        "code",
        "name",
        "description",
        "yearly_contribution",
        "steering_group_seat",
        "order",
    )

    class Meta:
        ordering = ["programme", "order", "code"]
        verbose_name = _("commitment package")
        verbose_name_plural = _("commitment packages")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"],
                name="package_code_unique_per_programme",
                violation_error_message=_("This programme already has a package with this code."),
            )
        ]

    def __str__(self):
        return f"{self.code}: {self.name}"


class PackageItem(models.Model):
    """What a package asks and gives, one item at a time. `check` names a rule the portal can
    evaluate for a partner today (see partners.selectors); items without one are shown as text."""

    class Rule(models.TextChoices):
        NONE = "", _("(not checked automatically)")
        DELEGATION_COMPLETE = "delegation_complete", _("complete delegation")
        POINT_OF_CONTACT = "point_of_contact", _("point of contact named")
        WORKING_GROUP = "working_group", _("seat in a working group")
        LOCAL_EXPERIMENT = "local_experiment", _("hosts a local experiment")
        CONTRIBUTION_PAID = "contribution_paid", _("yearly contribution paid")

    package = models.ForeignKey(
        CommitmentPackage,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("package"),
    )
    text = models.CharField(_("item"), max_length=300)
    gives = models.BooleanField(
        _("gives (instead of asks)"),
        default=False,
        help_text=_("Ticked: something the partner receives; otherwise something it commits to."),
    )
    rule = models.CharField(
        _("automatic check"), max_length=30, choices=Rule.choices, blank=True, default=""
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("text", "gives", "rule", "order")

    class Meta:
        ordering = ["package", "order", "pk"]
        verbose_name = _("package item")
        verbose_name_plural = _("package items")

    def __str__(self):
        return self.text


class Commitment(VersionedModel, DatedPeriod):
    """A partner's covenant membership in a programme: a package from a date.

    A change of package is a new commitment from a date (the previous one ends the day before),
    so the whole history stays. At most one is in force per partner and programme on any day.
    """

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("programme"),
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("partner")
    )
    package = models.ForeignKey(
        CommitmentPackage,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("package"),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    yearly_contribution = models.DecimalField(
        _("yearly contribution"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    valid_from = models.DateField(_("in force from"))
    valid_until = models.DateField(_("in force until"), null=True, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    history = history_records()

    objects = DatedQuerySet.as_manager()

    #: What a correction may change (never the package or the period).
    CORRECTABLE_FIELDS = ("yearly_contribution", "signed_on", "motivation")

    class Meta(DatedPeriod.Meta):
        ordering = ["partner", "-valid_from"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [models.Index(fields=["programme", "partner", "valid_from"])]
        constraints = [
            *DatedPeriod.Meta.constraints,
            models.UniqueConstraint(
                fields=["programme", "partner", "valid_from"],
                name="commitment_one_start_per_day",
                violation_error_message=_(
                    "A commitment of this partner already starts on this date."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.partner} - {self.package.code} ({self.programme})"


class DelegationLevel(models.TextChoices):
    EXECUTIVE = "bestuurder", _("executive")
    MANAGER = "manager", _("manager")
    FRONT_LINE = "uitvoering", _("front line")


#: Seats per level in a delegation (the "AVK team"): 1 executive, 2 managers, 2 front line.
DELEGATION_SEATS = {
    DelegationLevel.EXECUTIVE: 1,
    DelegationLevel.MANAGER: 2,
    DelegationLevel.FRONT_LINE: 2,
}


class DelegationMember(VersionedModel):
    """A person in a partner's delegation for one programme."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="delegation_members",
        verbose_name=_("programme"),
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="delegation", verbose_name=_("partner")
    )
    level = models.CharField(_("level"), max_length=20, choices=DelegationLevel.choices)
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_contact = models.BooleanField(_("point of contact"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegation_seats",
        verbose_name=_("login"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    history = history_records()

    #: What people edit (form, admin, import and the delegation services accept these).
    EDITABLE_FIELDS = ("level", "name", "function", "email", "phone", "is_contact", "user")

    class Meta:
        ordering = ["partner", "level", "name"]
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "partner"],
                condition=Q(is_contact=True),
                name="delegation_one_point_of_contact",
                violation_error_message=_("This partner already has a point of contact."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.partner})"
