"""Delegation members by import: a member by partner and name, through the services."""

from __future__ import annotations

from django.utils.translation import gettext as _
from import_export import fields

from .. import services
from ..models import DelegationLevel, DelegationMember
from .base import ProgrammeResource
from .widgets import ChoiceWidget, PartnerWidget, YesNoWidget

#: What a delegation file sets of a member: what people edit, less the login (admin only).
DELEGATION_COLUMNS = tuple(name for name in DelegationMember.EDITABLE_FIELDS if name != "user")


class DelegationMemberResource(ProgrammeResource):
    partner = fields.Field(attribute="partner", column_name="partner")
    level = fields.Field(
        attribute="level",
        column_name="level",
        widget=ChoiceWidget(DelegationLevel, _("level")),
    )
    is_contact = fields.Field(
        attribute="is_contact", column_name="is_contact", widget=YesNoWidget()
    )

    class Meta:
        model = DelegationMember
        fields = ("partner", "level", "name", "function", "email", "phone", "is_contact")
        import_id_fields = ("partner", "name")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].widget = PartnerWidget(self)

    def get_queryset(self):
        return DelegationMember.objects.filter(programme=self.programme).select_related("partner")

    def import_instance(self, instance, row, **kwargs):
        instance.programme = self.programme
        super().import_instance(instance, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # One point of contact is kept by the service (a new one replaces the old one).
        super().validate_instance(instance, import_validation_errors, validate_unique=False)

    def do_instance_save(self, instance, is_create):
        values = {name: getattr(instance, name) for name in DELEGATION_COLUMNS}
        by = instance._imported_by
        if is_create:
            created = services.delegation_member_add(
                programme=self.programme,
                partner=instance.partner,
                by=by,
                event="imported",
                **values,
            )
            instance.pk = created.pk
        else:
            current = DelegationMember.objects.get(pk=instance.pk)
            updated = services.delegation_member_update(
                member_id=instance.pk,
                version=current.version,
                by=by,
                event="imported",
                **values,
            )
            instance.version = updated.version
