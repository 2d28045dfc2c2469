"""What a session brings forth, per side or category of its framework: observations (what was
said) and other points raised, attention points (numbered, for the next phase plan) worked out
into ingredients (concrete actions), and for a framework that ranks them, statements with a
priority. Attention points and ingredients carry a follow-up status and links to what took
them up (`FollowUpLink`)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme

from .frameworks import Category
from .rounds import Session, Theme


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("open")
    TAKEN_UP = "opgepakt", _("taken up in phase plan")
    DONE = "afgerond", _("completed")
    NOT_ADOPTED = "niet_overgenomen", _("not adopted")


def _check_category(session, category, errors: dict) -> None:
    if (
        category is not None
        and session is not None
        and category.framework_id != (session.framework_id)
    ):
        errors["category"] = _("This category is not part of the session's framework.")


class ObservationKind(models.TextChoices):
    OBSERVATION = "waarneming", _("observation")
    OTHER_POINT = "overig", _("other point raised")


class Observation(VersionedModel):
    """What was said in a session on a side/category (or on the session as a whole), under an
    optional topic heading; or another point raised (overig genoemde punten)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="observations", verbose_name=_("session")
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("side or category"),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ObservationKind.choices,
        default=ObservationKind.OBSERVATION,
    )
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("category", "kind", "topic", "text")

    class Meta:
        ordering = ["session", "order", "pk"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self):
        return self.text[:80]

    @property
    def programme(self):
        return self.session.programme

    def clean(self):
        errors = {}
        _check_category(self.session if self.session_id else None, self.category, errors)
        if errors:
            raise ValidationError(errors)


class AttentionPoint(VersionedModel):
    """An attention point (aandachtspunt) for the next phase plan, numbered 1..n within its
    session and side/category."""

    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="attention_points",
        verbose_name=_("session"),
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="attention_points",
        verbose_name=_("programme"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attention_points",
        verbose_name=_("side or category"),
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attention_points",
        verbose_name=_("theme"),
        help_text=_("Attention points of several sessions with the same theme overlap."),
    )
    status = models.CharField(
        _("follow-up"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    status_note = models.TextField(_("note on the follow-up"), blank=True)
    history = history_records()

    EDITABLE_FIELDS = ("category", "title", "description", "theme")

    class Meta:
        ordering = ["session", "category__order", "number", "pk"]
        verbose_name = _("attention point")
        verbose_name_plural = _("attention points")
        indexes = [
            models.Index(fields=["session", "category", "number"]),
            models.Index(fields=["programme", "status"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reflection:point-detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """ "HET-1", or "1" for a point on the session as a whole."""
        if self.category_id:
            return f"{self.category.reference}-{self.number}"
        return str(self.number)

    def clean(self):
        errors = {}
        session = self.session if self.session_id else None
        _check_category(session, self.category, errors)
        if session is not None and self.programme_id and session.programme_id != self.programme_id:
            errors["session"] = _("The session belongs to another programme.")
        if self.theme_id and session is not None and self.theme.round_id != session.round_id:
            errors["theme"] = _("The theme belongs to another round.")
        if errors:
            raise ValidationError(errors)


class Ingredient(VersionedModel):
    """A concrete action (ingrediënt) that works an attention point out, with its owner."""

    attention_point = models.ForeignKey(
        AttentionPoint,
        on_delete=models.CASCADE,
        related_name="ingredients",
        verbose_name=_("attention point"),
    )
    text = models.TextField(_("action"))
    owner = models.CharField(_("owner"), max_length=150, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    status = models.CharField(
        _("follow-up"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    status_note = models.TextField(_("note on the follow-up"), blank=True)
    history = history_records()

    EDITABLE_FIELDS = ("text", "owner")

    class Meta:
        ordering = ["attention_point", "order", "pk"]
        verbose_name = _("ingredient")
        verbose_name_plural = _("ingredients")

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def get_absolute_url(self):
        return self.attention_point.get_absolute_url() + f"#ingredient-{self.pk}"

    @property
    def programme(self):
        return self.attention_point.programme


class Statement(VersionedModel):
    """A statement in a category with its priority rank (1 first), as the Kijkglas model's
    prioritised statements in seed 004."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="statements", verbose_name=_("session")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="statements", verbose_name=_("category")
    )
    text = models.TextField(_("statement"))
    priority = models.PositiveSmallIntegerField(_("priority"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("category", "text", "priority")

    class Meta:
        ordering = ["session", "category__order", "order", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.text[:80]

    @property
    def programme(self):
        return self.session.programme

    def clean(self):
        errors = {}
        _check_category(self.session if self.session_id else None, self.category, errors)
        if errors:
            raise ValidationError(errors)


class FollowUpLink(models.Model):
    """What took up an attention point or an ingredient: an item of the same programme of a
    kind registered in `reflection.targets` (an effort, an operational goal, a working group, a
    proposal or decision of the board; a phase plan registers itself later)."""

    attention_point = models.ForeignKey(
        AttentionPoint,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="links",
        verbose_name=_("attention point"),
    )
    ingredient = models.ForeignKey(
        Ingredient,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="links",
        verbose_name=_("ingredient"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("linked on"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("linked by"),
    )
    history = history_records()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("follow-up link")
        verbose_name_plural = _("follow-up links")
        indexes = [models.Index(fields=["target_type", "target_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(attention_point__isnull=False, ingredient__isnull=True)
                | Q(attention_point__isnull=True, ingredient__isnull=False),
                name="reflection_link_one_source",
                violation_error_message=_("A link belongs to an attention point or an ingredient."),
            ),
            models.UniqueConstraint(
                fields=["attention_point", "target_type", "target_id"],
                name="reflection_link_point_once",
                violation_error_message=_("This item is linked already."),
            ),
            models.UniqueConstraint(
                fields=["ingredient", "target_type", "target_id"],
                name="reflection_link_ingredient_once",
                violation_error_message=_("This item is linked already."),
            ),
        ]

    def __str__(self):
        return str(self.target) if self.target is not None else f"#{self.target_id}"

    @property
    def source(self):
        return self.attention_point if self.attention_point_id else self.ingredient

    @property
    def point(self) -> AttentionPoint:
        """The attention point, also of a link on one of its ingredients."""
        return self.attention_point if self.attention_point_id else self.ingredient.attention_point
