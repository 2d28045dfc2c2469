"""What the partners resources share: the programme, the acting user, the lookups by name."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import resources

from ..models import CommitmentPackage, Partner


class ProgrammeResource(resources.ModelResource):
    """What the three resources share: the programme, the acting user, the history entry."""

    def __init__(self, programme=None, by=None, **kwargs):
        super().__init__(**kwargs)
        self.programme = programme
        self.by = by
        self._partners = None
        self._packages = None

    def partners_by_name(self) -> dict[str, Partner]:
        if self._partners is None:
            self._partners = {
                p.name.lower(): p
                for p in Partner.objects.filter(participations__programme=self.programme)
            }
        return self._partners

    def packages_by_code(self) -> dict[str, CommitmentPackage]:
        if self._packages is None:
            self._packages = {
                p.code.upper(): p
                for p in CommitmentPackage.objects.filter(programme=self.programme)
            }
        return self._packages

    def get_instance(self, instance_loader, row):
        """A bad value in a key column is a row error naming the column, like any other."""
        errors = {}
        for name in self._meta.import_id_fields:
            field = self.fields[name]
            try:
                field.clean(row)
            except ValueError as error:
                errors[field.column_name] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)
        return super().get_instance(instance_loader, row)

    def acting_user(self, kwargs):
        return self.by or kwargs.get("user")

    def before_save_instance(self, instance, row, **kwargs):
        # Every row is saved through a service (see do_instance_save), which asks the policy,
        # checks and counts the version and records the "imported" event with this person.
        instance._imported_by = self.acting_user(kwargs)


def other_programme_message(name: str) -> str:
    return _(
        "'%(name)s' already exists in another programme; ask an administrator to add the "
        "organisation to this programme."
    ) % {"name": name}
