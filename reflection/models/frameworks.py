"""Frameworks of reflection as data: a framework (the Lemniscaat model, the Kijkglas model, a
free one) with its sides or categories and the guiding topics of each. An administrator adds
another in the admin; no code knows any framework by name."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme


class FrameworkQuerySet(models.QuerySet):
    def available_to(self, programme):
        """The frameworks a session of `programme` may use: the shared ones and its own."""
        return self.filter(Q(programme__isnull=True) | Q(programme=programme))


class Framework(VersionedModel):
    """A way to structure a reflection session: its categories (Lemniscaat: HET-, WIJ-, IK- and
    ZIJ-kant) each with guiding topics. `ranks_statements`: the categories hold statements with
    a priority rank (as the Kijkglas model in seed 004 does)."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reflection_frameworks",
        verbose_name=_("programme"),
        help_text=_("Empty: available in every programme."),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    ranks_statements = models.BooleanField(
        _("statements with a priority"),
        default=False,
        help_text=_("Ticked: each category holds statements ranked by priority."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Can be chosen for new sessions.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    objects = FrameworkQuerySet.as_manager()

    EDITABLE_FIELDS = ("name", "description", "ranks_statements", "active", "order")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("framework of reflection")
        verbose_name_plural = _("frameworks of reflection")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=Q(programme__isnull=True),
                name="reflection_framework_shared_name_unique",
                violation_error_message=_("A shared framework with this name already exists."),
            ),
            models.UniqueConstraint(
                "programme",
                Lower("name"),
                name="reflection_framework_name_unique_per_programme",
                violation_error_message=_("This programme already has a framework with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class Category(models.Model):
    """A side or category of a framework ("HET-kant", "Ambitie"), in the framework's order."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="categories",
        verbose_name=_("framework"),
    )
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(
        _("short name"), max_length=20, blank=True, help_text=_("E.g. HET; used in references.")
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("name", "short_name", "description", "order")

    class Meta:
        ordering = ["framework", "order", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "name"],
                name="reflection_category_name_unique",
                violation_error_message=_("This framework already has a category with this name."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def reference(self) -> str:
        return self.short_name or self.name


class GuidingTopic(models.Model):
    """A topic that guides the conversation on a category ("Monitoren en sturen")."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="topics", verbose_name=_("category")
    )
    text = models.CharField(_("topic"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("text", "order")

    class Meta:
        ordering = ["category", "order", "pk"]
        verbose_name = _("guiding topic")
        verbose_name_plural = _("guiding topics")

    def __str__(self):
        return self.text
