from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.access import Role
from avk.history import history_records
from avk.models import DatedPeriod, DatedQuerySet, VersionedModel


class Phase(models.TextChoices):
    INITIATION = "initiatie", _("initiation")
    DEFINITION = "definitie", _("definition")
    EXECUTION = "uitvoering", _("execution")
    WIND_DOWN = "afbouw", _("wind-down")


class SteeringForm(models.TextChoices):
    DIRECTION = "regie", _("direction (regie)")
    BUDGET = "budget", _("budget")
    AUTHORITY = "bevoegdheden", _("powers (bevoegdheden)")
    INDEPENDENT = "zelfstandig", _("independent (zelfstandig)")


class Programme(VersionedModel):
    """A long programme that an alliance of partners runs together (the AVK, Landerd, ...)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    ambition = models.TextField(_("ambition"), blank=True)
    start_date = models.DateField(_("start date"))
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon (years)"), help_text=_("How many years the programme is meant to run.")
    )
    history = history_records()

    #: What people edit (the admin; the programme page all but the slug, the page's address),
    #: and what programme.core.services.programme_update accepts.
    EDITABLE_FIELDS = ("name", "short_name", "slug", "ambition", "start_date", "horizon_years")

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(horizon_years__gte=1) & Q(horizon_years__lte=100),
                name="programme_horizon_range",
                violation_error_message=_("The horizon must lie between 1 and 100 years."),
            )
        ]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("programme:detail", args=[self.slug])

    @property
    def end_year(self) -> int:
        return self.start_date.year + self.horizon_years

    # `current_phase` and `current_steering_form` are annotated by
    # programme.core.selectors.with_current_state(); these turn the codes into labels.
    @property
    def current_phase_label(self) -> str:
        code = getattr(self, "current_phase", None)
        return Phase(code).label if code else ""

    @property
    def current_steering_form_label(self) -> str:
        code = getattr(self, "current_steering_form", None)
        return SteeringForm(code).label if code else ""


class DatedStateQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """Rows that have started on the given day (today by default), newest first."""
        return self.filter(valid_from__lte=on or timezone.localdate()).order_by("-valid_from")


class ProgrammePhase(models.Model):
    """From `valid_from` on, the programme is in `phase`. Earlier rows are its history."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="phases", verbose_name=_("programme")
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    valid_from = models.DateField(_("from"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = history_records()

    objects = DatedStateQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("programme phase")
        verbose_name_plural = _("programme phases")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "valid_from"],
                name="programmephase_one_per_day",
                violation_error_message=_("A phase already starts on this date."),
            )
        ]

    def __str__(self):
        return f"{self.get_phase_display()} ({self.valid_from:%Y-%m-%d})"


class ProgrammeSteeringForm(models.Model):
    """From `valid_from` on, the programme is steered in this form (sturingsvorm)."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="steering_forms",
        verbose_name=_("programme"),
    )
    steering_form = models.CharField(
        _("steering form"), max_length=20, choices=SteeringForm.choices
    )
    valid_from = models.DateField(_("from"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = history_records()

    objects = DatedStateQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("steering form")
        verbose_name_plural = _("steering forms")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "valid_from"],
                name="programmesteeringform_one_per_day",
                violation_error_message=_("A steering form already starts on this date."),
            )
        ]

    def __str__(self):
        return f"{self.get_steering_form_display()} ({self.valid_from:%Y-%m-%d})"


class RoleAssignmentQuerySet(DatedQuerySet):
    def awaiting_acceptance(self):
        """Current roles of people who were invited and have not set a password yet."""
        return self.current().filter(user__last_login__isnull=True, user__password__startswith="!")


class RoleAssignment(DatedPeriod):
    """A person holds a role in one programme, from a date and possibly until a date."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="roles", verbose_name=_("programme")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_roles",
        verbose_name=_("partner"),
        help_text=_("For a partner contact: the organisation this person speaks for."),
    )
    valid_from = models.DateField(_("from"), default=timezone.localdate)
    history = history_records()

    objects = RoleAssignmentQuerySet.as_manager()

    #: What is chosen when a role is given, besides the programme and the person: the form on
    #: "Mensen en rollen", the admin's add form and programme.core.services.role_grant. A role
    #: is never rewritten afterwards; only its end is set (role_end).
    EDITABLE_FIELDS = ("role", "partner", "valid_from", "valid_until")

    class Meta(DatedPeriod.Meta):
        ordering = ["programme", "user__last_name", "user__first_name", "role"]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        indexes = [models.Index(fields=["user", "programme"])]
        constraints = [
            *DatedPeriod.Meta.constraints,
            models.CheckConstraint(
                condition=Q(role="partnercontact", partner__isnull=False)
                | (~Q(role="partnercontact") & Q(partner__isnull=True)),
                name="roleassignment_partner_only_for_contacts",
                violation_error_message=_(
                    "A partner contact speaks for one partner; other roles have none."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.user} - {self.get_role_display()} ({self.programme})"


class HomeDismissal(models.Model):
    """What a person has put away on their home page: the entries of a feed (such as the
    partners' recent changes) up to a moment, either all of them (`key` empty) or those of one
    subject (`key`, such as a partner's id). Newer entries show again. A personal preference,
    kept without history."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="home_dismissals",
        verbose_name=_("person"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    feed = models.CharField(_("feed"), max_length=40)
    key = models.CharField(_("subject"), max_length=40, blank=True)
    until = models.DateTimeField(_("put away up to"))

    class Meta:
        verbose_name = _("dismissal on the home page")
        verbose_name_plural = _("dismissals on the home page")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "feed", "key"], name="home_dismissal_once"
            )
        ]

    def __str__(self):
        return f"{self.user} - {self.feed} {self.key}".strip()
