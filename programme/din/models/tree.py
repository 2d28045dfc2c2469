"""The DIN: Doelen (goals) - Inspanningen (efforts) - Netwerk (the partners involved).

The tree is programme line -> strategic goal -> operational goal; efforts serve one or more
operational goals of their own programme, each link with a contribution weight; partners take
part in efforts as trekker or deelnemer; working groups carry efforts; indicators measure
operational goals. Every level carries its `programme` so access checks and filters need no
joins; services keep it equal to the parent's (checked in clean()).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme


class OrderedInProgramme(VersionedModel):
    """Common to the tree's levels: a title, a dense `order` among siblings, a version."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="%(class)ss",  # programmelines, strategicgoals, operationalgoals
        verbose_name=_("programme"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True


class ProgrammeLine(OrderedInProgramme):
    """A programme line (programmalijn), e.g. "De Doelgroep"."""

    #: What people edit (pages, admin, services, import); the order is kept by moving.
    EDITABLE_FIELDS = ("name", "challenge", "approach")

    name = models.CharField(_("name"), max_length=200)
    challenge = models.TextField(_("challenge (uitdaging)"), blank=True)
    approach = models.TextField(_("approach (aanpak)"), blank=True)
    history = history_records()

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
    #: What people edit (pages, admin, services, import); the line is chosen on creation.
    EDITABLE_FIELDS = ("title", "description")

    line = models.ForeignKey(
        ProgrammeLine,
        on_delete=models.PROTECT,
        related_name="strategic_goals",
        verbose_name=_("programme line"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    history = history_records()

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
    #: What people edit (pages, admin, services, import); the strategic goal is chosen on
    #: creation.
    EDITABLE_FIELDS = ("title", "description")

    strategic_goal = models.ForeignKey(
        StrategicGoal,
        on_delete=models.PROTECT,
        related_name="operational_goals",
        verbose_name=_("strategic goal"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    history = history_records()

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
