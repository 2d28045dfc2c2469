"""Working groups (werkgroepen) that carry efforts, and their members."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme

from .efforts import Effort


class WorkingGroup(VersionedModel):
    """A working group (werkgroep) that does the work (verrichten), led by kartrekker(s)."""

    #: What people edit (services, import); the pages leave out `order`, the admin leaves out
    #: `efforts` (a many-to-many the admin would save past the services).
    EDITABLE_FIELDS = ("name", "theme", "order", "efforts")

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
    history = history_records(m2m_fields=[efforts])

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
    history = history_records()

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
