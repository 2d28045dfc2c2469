"""Partners by import: a partner by its name, only those of the importing programme."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields

from .. import services
from ..models import Partner, PartnerKind
from .base import ProgrammeResource, other_programme_message
from .widgets import ChoiceWidget, _text

#: The columns of a partners file: what people edit, less the internal notes.
PARTNER_COLUMNS = tuple(name for name in Partner.EDITABLE_FIELDS if name != "notes")


class PartnerResource(ProgrammeResource):
    name = fields.Field(attribute="name", column_name="name")
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=ChoiceWidget(PartnerKind, _("kind"))
    )

    class Meta:
        model = Partner
        fields = PARTNER_COLUMNS
        import_id_fields = ("name",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        """Only the partners that take part in the importing programme can be updated."""
        if self.programme is None:
            return Partner.objects.none()
        return Partner.objects.filter(participations__programme=self.programme)

    def get_instance(self, instance_loader, row):
        instance = super().get_instance(instance_loader, row)
        name = _text(row.get("name"))
        found = (
            Partner.objects.filter(name__iexact=name).first() if instance is None and name else None
        )
        if found is not None:
            if found.participations.filter(programme=self.programme).exists():
                message = _(
                    "'%(name)s' already exists as '%(existing)s'; use the same spelling."
                ) % {
                    "name": name,
                    "existing": found.name,
                }
            else:
                message = other_programme_message(name)
            raise ValidationError({"name": ValidationError(message)})
        return instance

    def do_instance_save(self, instance, is_create):
        values = {name: getattr(instance, name) for name in PARTNER_COLUMNS}
        by = instance._imported_by
        if is_create:
            created = services.partner_create(
                programme=self.programme, by=by, event="imported", **values
            )
            instance.pk, instance.version = created.pk, created.version
        else:
            current = Partner.objects.get(pk=instance.pk)
            changed = {
                name: value for name, value in values.items() if getattr(current, name) != value
            }
            updated = services.partner_update(
                partner_id=instance.pk,
                version=current.version,
                by=by,
                programme=self.programme,
                event="imported",
                **changed,
            )
            instance.version = updated.version

    def after_save_instance(self, instance, row, **kwargs):
        self._partners = None
