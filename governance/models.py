"""Bodies, meetings, proposals and the decisions taken on them.

The data here only describes; every change goes through `governance.services` (one function per
verb), which checks the workflow, keeps a `Transition` per step and the simple-history record,
assigns decision numbers under a lock, and sends the e-mails. Recorded decisions are final: the
services refuse to change them and the admin offers no change or delete.

Roadmap: `ProposedDecision.subject` (a generic link) lets a decision later adopt a budget or a
phase plan; `ProposedDecision.number` (e.g. DB-2023-004) is the stable identifier of an adopted
decision and `ProposedDecision.get_absolute_url()` its stable page.
"""

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
from avk.models import DatedPeriod, DatedQuerySet, VersionedModel


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
    history = history_records()

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
    history = history_records()

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


class ProposalStatus(models.TextChoices):
    CONCEPT = "concept", _("draft")
    SUBMITTED = "ingediend", _("submitted")
    SCHEDULED = "geagendeerd", _("on the agenda")
    WRITTEN_ROUND = "schriftelijke_ronde", _("in written round")
    DECIDED = "besloten", _("decided")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class Proposal(VersionedModel):
    """A proposal (voorstel) to a body, laid out like the memo in seed 001: to (`body`), drafter
    (`drafter` + `drafter_function`, e.g. "projectleider"), `date`, `introduction` and `content`
    (Markdown, rendered through governance.markdown.render), attachments, and numbered
    `decisions` (ProposedDecision, position 1..n).

    Status: concept -> ingediend -> geagendeerd | schriftelijke_ronde -> besloten, or
    ingetrokken before it is decided. Each step leaves a `Transition`.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("programme"),
    )
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("to (body)")
    )
    title = models.CharField(_("title"), max_length=300)
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="drafted_proposals",
        verbose_name=_("drafter"),
    )
    drafter_function = models.CharField(
        _("drafter's function"), max_length=100, blank=True, help_text=_("E.g. project leader.")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    content = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ProposalStatus.choices,
        default=ProposalStatus.CONCEPT,
    )
    round_deadline = models.DateTimeField(_("written round deadline"), null=True, blank=True)
    round_opened_at = models.DateTimeField(_("written round opened"), null=True, blank=True)
    round_reminder_sent_at = models.DateTimeField(
        _("reminder sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = history_records()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:proposal-detail", args=[self.pk])

    @property
    def is_concept(self) -> bool:
        return self.status == ProposalStatus.CONCEPT

    @property
    def round_open(self) -> bool:
        return self.status == ProposalStatus.WRITTEN_ROUND

    @property
    def deadline_passed(self) -> bool:
        return self.round_deadline is not None and timezone.now() >= self.round_deadline


def attachment_path(instance, filename):
    return f"governance/proposals/{instance.proposal_id}/{filename}"


class Attachment(models.Model):
    """A file with a proposal: PDF or Office only, size-limited and checked by its content
    (services.attachment_add). Stored under MEDIA_ROOT, never served directly: the download
    view asks the policy (may the person see the proposal?)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("proposal")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    title = models.CharField(_("title"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=120, editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    history = history_records()

    class Meta:
        ordering = ["proposal", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:attachment-download", args=[self.pk])

    @property
    def programme(self):
        return self.proposal.programme


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
    `subject` (generic, optional) links what the decision adopts, e.g. a budget or phase plan.
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
        return reverse("governance:proposal-detail", args=[self.proposal_id]) + f"#d{self.pk}"

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


class Transition(models.Model):
    """One workflow step of a proposal: who moved it from which status to which, and when."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("proposal")
    )
    from_status = models.CharField(
        _("from"), max_length=30, choices=ProposalStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=30, choices=ProposalStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["proposal", "at", "pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"
