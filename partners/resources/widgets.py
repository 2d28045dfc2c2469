"""Cell readers of the partners import: choices by code or label, strict dates, Dutch amounts,
yes/no, and a partner or package of the importing programme by its name or code."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from import_export import widgets


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
