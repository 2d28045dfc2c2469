"""Proposed decisions, their outcomes and the votes of a written round."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.history import history_records

from .bodies import Body
from .meetings import Meeting
from .proposals import Proposal


class DecisionKind(models.TextChoices):
    TAKE_NOTE = "kennisnemen", _("take note of")
    AGREE = "instemmen", _("agree to")


class Outcome(models.TextChoices):
    ADOPTED = "aangenomen", _("adopted")
    ADOPTED_AMENDED = "aangenomen_met_wijziging", _("adopted with amendment")
    REJECTED = "verworpen", _("rejected")
    DEFERRED = "aangehouden", _("deferred")
    NOTED = "kennisgenomen", _("noted")


#: Outcomes that close a decision for good. `aangehouden` (deferred) is not final: the decision
#: is carried to a later meeting or round.
FINAL_OUTCOMES = (Outcome.ADOPTED, Outcome.ADOPTED_AMENDED, Outcome.REJECTED, Outcome.NOTED)
#: Outcomes that give the decision a number (the decision list).
NUMBERED_OUTCOMES = (Outcome.ADOPTED, Outcome.ADOPTED_AMENDED)
#: Outcomes that adopt the decision's subject (a budget, a phase plan), if it has one.
ADOPTING_OUTCOMES = NUMBERED_OUTCOMES
#: The one table of the outcomes a decision of each kind can have (a meeting, a written round,
#: a correction: every path goes through services.decisions.decision_record, which checks it).
ALLOWED_OUTCOMES = {
    DecisionKind.TAKE_NOTE: (Outcome.NOTED, Outcome.DEFERRED),
    DecisionKind.AGREE: (
        Outcome.ADOPTED,
        Outcome.ADOPTED_AMENDED,
        Outcome.REJECTED,
        Outcome.DEFERRED,
    ),
}
#: A correction (a new decision replacing a taken one) is adopted or rejected.
CORRECTION_OUTCOMES = (Outcome.ADOPTED, Outcome.REJECTED)


class DecidedVia(models.TextChoices):
    MEETING = "vergadering", _("meeting")
    WRITTEN_ROUND = "schriftelijke_ronde", _("written round")


class ProposedDecision(models.Model):
    """One numbered proposed decision of a proposal ("Het dagelijks bestuur wordt gevraagd in te
    stemmen met ..."), and once decided its outcome.

    `position` is its number in the proposal (1..n). Decided: `outcome`, `amended_text` (for
    aangenomen_met_wijziging; `final_text` gives what was decided), `votes_for/against/abstain`,
    `decided_on`, `decided_via` + `decided_in` (the meeting, for a meeting). Adopted decisions get
    a stable `number` (e.g. DB-2023-004), unique within its body's series (`numbered_body`),
    from services under a lock. A correction is a new
    decision with `corrects` pointing to the earlier one (the earlier shows `corrected_by`).
    `subject` (generic, optional) links what the decision adopts, e.g. a budget or phase plan:
    an object of a model registered in `avk.adoption`, adopted by the decide step.
    """

    proposal = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("proposal")
    )
    position = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.AGREE
    )
    text = models.TextField(_("text"))
    outcome = models.CharField(
        _("outcome"), max_length=30, choices=Outcome.choices, blank=True, default=""
    )
    amended_text = models.TextField(_("amended text"), blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_via = models.CharField(
        _("decided in"), max_length=30, choices=DecidedVia.choices, blank=True, default=""
    )
    decided_in = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    number = models.CharField(
        _("decision number"), max_length=40, null=True, blank=True, editable=False
    )
    numbered_body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="The body whose series the number belongs to (unique per body).",
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
        verbose_name=_("corrects"),
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    history = history_records()

    class Meta:
        ordering = ["proposal", "position"]
        verbose_name = _("proposed decision")
        verbose_name_plural = _("proposed decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "position"], name="governance_decision_position_unique"
            ),
            models.UniqueConstraint(
                fields=["numbered_body", "number"],
                name="governance_decision_number_unique_per_body",
                violation_error_message=_("This decision number has been given already."),
            ),
            models.CheckConstraint(
                condition=~Q(outcome="aangenomen_met_wijziging") | ~Q(amended_text=""),
                name="governance_decision_amended_has_text",
                violation_error_message=_("An amended decision needs its amended text."),
            ),
        ]

    def __str__(self):
        return self.number or f"{self.proposal_id}.{self.position}"

    def get_absolute_url(self):
        return self.url_in(reverse("governance:proposal-detail", args=[self.proposal_id]))

    def url_in(self, proposal_url: str) -> str:
        """The decision's place on its proposal's page, whose URL is `proposal_url` (a list of
        many decisions asks each proposal's URL once)."""
        return f"{proposal_url}#d{self.pk}"

    @property
    def programme(self):
        return self.proposal.programme

    @property
    def is_final(self) -> bool:
        return self.outcome in FINAL_OUTCOMES

    @property
    def is_pending(self) -> bool:
        return not self.is_final

    @property
    def final_text(self) -> str:
        return self.amended_text if self.outcome == Outcome.ADOPTED_AMENDED else self.text


class VoteChoice(models.TextChoices):
    FOR = "voor", _("for")
    AGAINST = "tegen", _("against")
    ABSTAIN = "onthouding", _("abstain")


class Vote(models.Model):
    """A member's vote on one decision in a written round; one per member per decision, may be
    changed until the deadline (services.vote_cast)."""

    decision = models.ForeignKey(
        ProposedDecision, on_delete=models.PROTECT, related_name="votes", verbose_name=_("decision")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="governance_votes",
        verbose_name=_("member"),
    )
    choice = models.CharField(_("vote"), max_length=20, choices=VoteChoice.choices)
    comment = models.TextField(_("comment"), blank=True)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    history = history_records()

    class Meta:
        ordering = ["decision", "cast_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "user"],
                name="governance_vote_one_per_member",
                violation_error_message=_("This member has already voted on this decision."),
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.get_choice_display()}"
