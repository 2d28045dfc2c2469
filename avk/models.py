from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. What they may do is decided per programme by their roles.

    The profile page (avk.profile) keeps the e-mails they want (`wants_mail`) and their private
    calendar link, of which only a fingerprint is stored (`calendar_token_hash`)."""

    mail_put_before_me = models.BooleanField(
        _("proposals put before me: a meeting's agenda or a written round"), default=True
    )
    mail_reminders = models.BooleanField(
        _("reminders: a vote before its deadline, a measurement that is due"), default=True
    )
    mail_outcomes = models.BooleanField(
        _("outcomes: my proposal decided, my measurement sent back"), default=True
    )
    mail_partner_changes = models.BooleanField(
        _("changes a partner makes to its details (for the programme team)"), default=True
    )
    calendar_token_hash = models.CharField(
        _("calendar link fingerprint"), max_length=64, blank=True, default="", editable=False
    )
    calendar_token_created = models.DateTimeField(
        _("calendar link made"), null=True, blank=True, editable=False
    )

    #: The e-mail preferences a person sets on the profile page (`avk.profile.wants_mail`).
    MAIL_PREFERENCES = (
        "mail_put_before_me",
        "mail_reminders",
        "mail_outcomes",
        "mail_partner_changes",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="user_email_unique_ci",
                violation_error_message=_("A user with this e-mail address already exists."),
            ),
            models.UniqueConstraint(
                fields=["calendar_token_hash"],
                condition=~models.Q(calendar_token_hash=""),
                name="user_calendar_token_unique",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username


# --- shared bases for the apps' models ---------------------------------------------------------


class VersionedModel(models.Model):
    """A row people edit in forms: `version` goes up with every save through
    `avk.services.update_versioned`, so a save from a form opened on an older version is refused
    (`avk.concurrency.StaleEdit`) instead of silently overwriting someone else's change."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class DatedQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """The rows whose period holds `on` (today when not given); both ends inclusive."""
        day = on or timezone.localdate()
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )

    # Older name, kept because it reads well for roles and memberships ("current roles").
    current = in_force


class DatedPeriod(models.Model):
    """Something that holds from `valid_from` until `valid_until` (inclusive; open when empty):
    a role, a seat on a body, a commitment. Ended through `avk.services.end_period`."""

    valid_from = models.DateField(_("from"))
    valid_until = models.DateField(_("until"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_period_order",
                violation_error_message=_("The end date cannot lie before the start date."),
            )
        ]

    def in_force_on(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.valid_from <= day and (self.valid_until is None or self.valid_until >= day)

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("The end date cannot lie before the start date.")}
            )


class HistoryEvent(models.Model):
    """The base of every historical model (see `avk.history.history_records`): besides
    django-simple-history's who, when and `history_change_reason` (which holds the event code,
    such as "commitment.changed"), the structured details of the event, shown through the
    event's translated label."""

    history_details = models.JSONField(
        _("details"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )

    class Meta:
        abstract = True
