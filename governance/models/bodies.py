"""Bodies of a programme and who sits on them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import DatedPeriod, DatedQuerySet


class BodyKind(models.TextChoices):
    DAILY_BOARD = "dagelijks_bestuur", _("Daily board (Dagelijks Bestuur)")
    STEERING_GROUP = "stuurgroep", _("Steering group (Stuurgroep)")
    MEMBERS_COUNCIL = "ledenraad", _("Members' council (Ledenraad)")
    PROGRAMME_TEAM = "programmateam", _("Programme team (Programmateam)")
    LEADS_MEETING = "kartrekkersoverleg", _("Leads' meeting (Kartrekkersoverleg)")
    OTHER = "overig", _("Other")


class SteeringLevel(models.TextChoices):
    DIRECT = "richten", _("direct (richten)")
    ORGANISE = "inrichten", _("organise (inrichten)")
    DO = "verrichten", _("do (verrichten)")


class VoteVisibility(models.TextChoices):
    """When the voting members of a body see each other's votes in a written round."""

    ALWAYS = "altijd", _("always, also while the round is open")
    AFTER_OWN_VOTE = "na_eigen_stem", _("after casting one's own votes, or once the round closed")
    AFTER_CLOSE = "na_sluiting", _("only once the round closed")


class Body(models.Model):
    """A body of one programme that meets and decides (Dagelijks Bestuur, Stuurgroep, ...).

    `code` is the short code used in decision numbers ("DB" gives DB-2023-004); unique per
    programme. Who sits on it is in `Membership`.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="bodies",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(
        _("code"),
        max_length=10,
        help_text=_("Short code used in decision numbers, e.g. DB."),
    )
    steering_level = models.CharField(
        _("steering level"), max_length=20, choices=SteeringLevel.choices
    )
    description = models.TextField(_("description"), blank=True)
    vote_visibility = models.CharField(
        _("votes of others visible in a written round"),
        max_length=20,
        choices=VoteVisibility.choices,
        default=VoteVisibility.AFTER_OWN_VOTE,
        help_text=_(
            "When a voting member sees how the other members voted while a written round is "
            "open. Once the round has closed, the votes are part of the record."
        ),
    )
    history = history_records()

    #: What people edit on a body: the admin, the body form and `body_update` take these.
    EDITABLE_FIELDS = (
        "kind",
        "name",
        "code",
        "steering_level",
        "description",
        "vote_visibility",
    )

    class Meta:
        ordering = ["programme", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"],
                name="governance_body_code_unique",
                violation_error_message=_("This programme already has a body with this code."),
            ),
            models.UniqueConstraint(
                fields=["programme", "name"],
                name="governance_body_name_unique",
                violation_error_message=_("This programme already has a body with this name."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:body-detail", args=[self.pk])


class MemberRole(models.TextChoices):
    CHAIR = "voorzitter", _("chair")
    MEMBER = "lid", _("member")
    SECRETARY = "secretaris", _("secretary")
    ADVISER = "adviseur", _("adviser")


#: Roles in a body that carry a vote (in a meeting and in a written round). The secretary and
#: advisers take part but do not vote.
VOTING_ROLES = (MemberRole.CHAIR, MemberRole.MEMBER)


class MembershipQuerySet(DatedQuerySet):
    def voting(self):
        return self.filter(role__in=VOTING_ROLES)


class Membership(DatedPeriod):
    """A person sits on a body in a role from `valid_from`, possibly `valid_until` (inclusive).

    Who is on the body on the day counts: the voting members (chair and members) on the day a
    written round closes are the ones whose majority decides.
    """

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="body_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role in the body"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    expert_by_experience = models.BooleanField(
        _("expert by experience"),
        default=False,
        help_text=_("Sits on the body as an expert by experience (ervaringsdeskundige)."),
    )
    valid_from = models.DateField(_("from"), default=timezone.localdate)
    history = history_records()

    objects = MembershipQuerySet.as_manager()

    class Meta(DatedPeriod.Meta):
        ordering = ["body", "role", "user__last_name", "user__first_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.body})"

    @property
    def votes(self) -> bool:
        return self.role in VOTING_ROLES
