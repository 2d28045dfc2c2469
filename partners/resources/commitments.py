"""Commitments by import: a commitment by partner and start date, through the services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields

from .. import services
from ..models import Commitment
from .base import ProgrammeResource
from .widgets import MoneyWidget, PackageWidget, PartnerWidget, StrictDateWidget


class CommitmentResource(ProgrammeResource):
    partner = fields.Field(attribute="partner", column_name="partner")
    package = fields.Field(attribute="package", column_name="package")
    valid_from = fields.Field(
        attribute="valid_from", column_name="valid_from", widget=StrictDateWidget()
    )
    signed_on = fields.Field(
        attribute="signed_on", column_name="signed_on", widget=StrictDateWidget()
    )
    yearly_contribution = fields.Field(
        attribute="yearly_contribution", column_name="yearly_contribution", widget=MoneyWidget()
    )
    motivation = fields.Field(attribute="motivation", column_name="motivation")

    class Meta:
        model = Commitment
        fields = (
            "partner",
            "package",
            "valid_from",
            "signed_on",
            "yearly_contribution",
            "motivation",
        )
        import_id_fields = ("partner", "valid_from")
        clean_model_instances = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].widget = PartnerWidget(self)
        self.fields["package"].widget = PackageWidget(self)

    def get_queryset(self):
        return Commitment.objects.filter(programme=self.programme).select_related(
            "partner", "package"
        )

    def import_instance(self, instance, row, **kwargs):
        instance.programme = self.programme
        super().import_instance(instance, row, **kwargs)
        if instance.yearly_contribution is None and instance.package_id:
            instance.yearly_contribution = instance.package.yearly_contribution

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # A new commitment's period and the closing of the previous one are the service's
        # work; here only the row's own values are checked.
        super().validate_instance(instance, import_validation_errors, validate_unique=False)

    def do_instance_save(self, instance, is_create):
        if is_create:
            created = services.commitment_change(
                programme=self.programme,
                partner=instance.partner,
                package=instance.package,
                valid_from=instance.valid_from,
                by=instance._imported_by,
                yearly_contribution=instance.yearly_contribution,
                signed_on=instance.signed_on,
                motivation=instance.motivation,
                notify=False,
                event="imported",
            )
            instance.pk = created.pk
        else:
            current = Commitment.objects.get(pk=instance.pk)
            if instance.package_id != current.package_id:
                raise ValidationError(
                    {
                        "package": _(
                            "A commitment from this date exists with another package; record "
                            "a change of package with a new start date."
                        )
                    }
                )
            values = {
                "yearly_contribution": instance.yearly_contribution,
                "signed_on": instance.signed_on,
                "motivation": instance.motivation,
            }
            if any(getattr(current, name) != value for name, value in values.items()):
                updated = services.commitment_update(
                    commitment_id=instance.pk,
                    version=current.version,
                    by=instance._imported_by,
                    event="imported",
                    **values,
                )
                instance.version = updated.version
