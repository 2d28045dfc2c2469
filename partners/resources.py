"""django-import-export resources for partners, commitments and delegation members.

Each resource works inside one programme (passed as `programme=`) and for one acting user
(`by=`, or the `user` the admin passes to import_data). Natural keys: a partner by its name, a
commitment by partner and start date, a delegation member by partner and name. Rows are
validated with the model's full_clean (clean_model_instances); new commitments and delegation
members go through the services, so the rules (one commitment in force, five seats, one point
of contact) hold for imports too, and every row leaves a history entry with the user.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from . import services
from .models import (
    Commitment,
    CommitmentPackage,
    DelegationLevel,
    DelegationMember,
    Partner,
    PartnerKind,
)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class ChoiceWidget(widgets.Widget):
    """Accepts a choice's code or its label (Dutch or English), in any capitalisation."""

    def __init__(self, choices_class, what: str, **kwargs):
        self.choices_class = choices_class
        self.what = what
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = _text(value).lower()
        if not text:
            return ""
        for code, label in self.choices_class.choices:
            if text in {code.lower(), str(label).lower()}:
                return code
        codes = ", ".join(self.choices_class.values)
        raise ValueError(
            _("'%(value)s' is not a known %(what)s; use one of: %(codes)s.")
            % {"value": _text(value), "what": self.what, "codes": codes}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class StrictDateWidget(widgets.Widget):
    """A date: a spreadsheet date cell, or text as 2024-01-31 or 31-01-2024."""

    FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = _text(value)
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(
            _("'%(value)s' is not a date; write it as 2024-01-31 or 31-01-2024.") % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class MoneyWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        text = _text(value).replace("EUR", "").replace("€", "").strip()
        if "," in text:  # Dutch: 1.234,50
            text = text.replace(".", "").replace(",", ".")
        try:
            return Decimal(text).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise ValueError(_("'%(value)s' is not an amount.") % {"value": _text(value)}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class YesNoWidget(widgets.Widget):
    TRUE = {"1", "true", "ja", "j", "yes", "y", "x", "waar"}
    FALSE = {"", "0", "false", "nee", "n", "no", "onwaar"}

    def clean(self, value, row=None, **kwargs):
        if value is True or value is False:
            return value
        text = _text(value).lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("'%(value)s' is not yes or no.") % {"value": _text(value)})

    def render(self, value, obj=None, **kwargs):
        return _("yes") if value else _("no")


class PartnerWidget(widgets.Widget):
    """A partner of the programme, by name (any capitalisation)."""

    def __init__(self, resource, **kwargs):
        self.resource = resource
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        name = _text(value)
        if not name:
            raise ValueError(_("The partner is missing."))
        partner = self.resource.partners_by_name().get(name.lower())
        if partner is None:
            raise ValueError(_("'%(name)s' is not a partner in this programme.") % {"name": name})
        return partner

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class PackageWidget(widgets.Widget):
    def __init__(self, resource, **kwargs):
        self.resource = resource
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        code = _text(value)
        package = self.resource.packages_by_code().get(code.upper())
        if package is None:
            known = ", ".join(sorted(self.resource.packages_by_code())) or "-"
            raise ValueError(
                _("Unknown package code '%(code)s'; this programme has: %(known)s.")
                % {"code": code, "known": known}
            )
        return package

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


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
        # Every row is saved through a service (see do_instance_save), which checks and counts
        # the version and writes the history entry with this user.
        instance._history_user = self.acting_user(kwargs)
        instance._change_reason = "imported"


class PartnerResource(ProgrammeResource):
    name = fields.Field(attribute="name", column_name="name")
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=ChoiceWidget(PartnerKind, _("kind"))
    )

    class Meta:
        model = Partner
        fields = ("name", "short_name", "kind", "municipality", "website", "phone", "email")
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
        values = {name: getattr(instance, name) for name in self.PARTNER_COLUMNS}
        by = instance._history_user
        if is_create:
            created = services.partner_create(
                programme=self.programme, by=by, reason="imported", **values
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
                reason="imported",
                **changed,
            )
            instance.version = updated.version

    PARTNER_COLUMNS = ("name", "short_name", "kind", "municipality", "website", "phone", "email")

    def after_save_instance(self, instance, row, **kwargs):
        self._partners = None


def other_programme_message(name: str) -> str:
    return _(
        "'%(name)s' already exists in another programme; ask an administrator to add the "
        "organisation to this programme."
    ) % {"name": name}


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
                by=instance._history_user,
                yearly_contribution=instance.yearly_contribution,
                signed_on=instance.signed_on,
                motivation=instance.motivation,
                allow_backdating=True,
                notify=False,
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
                    by=instance._history_user,
                    reason="imported",
                    **values,
                )
                instance.version = updated.version


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
        values = {
            "level": instance.level,
            "name": instance.name,
            "function": instance.function,
            "email": instance.email,
            "phone": instance.phone,
            "is_contact": instance.is_contact,
        }
        by = instance._history_user
        if is_create:
            created = services.delegation_member_add(
                programme=self.programme, partner=instance.partner, by=by, **values
            )
            instance.pk = created.pk
        else:
            current = DelegationMember.objects.get(pk=instance.pk)
            updated = services.delegation_member_update(
                member_id=instance.pk, version=current.version, by=by, **values
            )
            instance.version = updated.version


RESOURCES = {
    "partners": PartnerResource,
    "commitments": CommitmentResource,
    "delegation": DelegationMemberResource,
}
