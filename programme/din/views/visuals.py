"""The DIN's visual pages: the diagram (goals - efforts - partners) and the planning."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.contrib import messages
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avk import formats
from avk.forms import ModelChoiceField, Select
from avk.shortcuts import programme_for

from .. import diagram as layout
from .. import selectors
from ..models import Contribution, EffortStatus, PartnerRole

__all__ = ["din_diagram", "planning"]

MAX_MONTHS = 120
MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


class _FilterForm(forms.Form):
    """A GET filter form: every field optional; invalid fields are reported and ignored."""

    def mark_errors(self):
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            attrs = field.widget.attrs
            attrs["class"] = css + (" is-invalid" if name in self.errors else "")
            described = [f"id_{name}_help"] if field.help_text else []
            if name in self.errors:
                attrs["aria-invalid"] = "true"
                described.append(f"id_{name}_error")
            if described:
                attrs["aria-describedby"] = " ".join(described)

    def valid_data(self) -> dict:
        """The fields that are valid (Django leaves the invalid ones out)."""
        self.is_valid()
        self.mark_errors()
        return self.cleaned_data


def _line_field(programme):
    return ModelChoiceField(
        queryset=selectors.visual_filter_lines(programme=programme),
        label_field="name",
        required=False,
        label=gettext_lazy("Programme line"),
        empty_label=gettext_lazy("All lines"),
        widget=Select,
    )


def _partner_field(programme):
    return ModelChoiceField(
        queryset=selectors.visual_filter_partners(programme=programme),
        label_field="name",
        required=False,
        label=gettext_lazy("Partner"),
        empty_label=gettext_lazy("All partners"),
        widget=Select,
    )


class DiagramFilterForm(_FilterForm):
    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"] = _line_field(programme)
        self.fields["partner"] = _partner_field(programme)


class MonthField(forms.CharField):
    """A month as YYYY-MM (what <input type="month"> sends), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2024-01"})
    default_error_messages = {"invalid": gettext_lazy("Enter a month as YYYY-MM, e.g. 2024-03.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = MONTH_RE.match(value.strip())
        if not match:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and 1900 <= year <= 2200):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return date(year, month, 1)

    def prepare_value(self, value):
        if isinstance(value, date):
            return f"{value:%Y-%m}"
        return value


class PlanningFilterForm(_FilterForm):
    start = MonthField(label=gettext_lazy("From month"), required=False)
    end = MonthField(label=gettext_lazy("Until month"), required=False)

    def __init__(self, *args, programme, phases, **kwargs):
        super().__init__(*args, **kwargs)
        self.phases = {str(p.pk): p for p in phases}
        self.fields["phase"] = forms.ChoiceField(
            label=_("Phase (sets the months)"),
            required=False,
            widget=Select,
            choices=[("", _("No phase"))]
            + [
                (
                    str(p.pk),
                    _("%(phase)s, %(start)s to %(end)s")
                    % {
                        "phase": capfirst(p.phase.get_phase_display()),
                        "start": formats.month(p.start),
                        "end": formats.month(p.end),
                    },
                )
                for p in phases
            ],
        )
        self.fields["line"] = _line_field(programme)
        self.fields["status"] = forms.ChoiceField(
            label=_("Status"),
            required=False,
            widget=Select,
            choices=[("", _("All statuses"))]
            + [(code, capfirst(label)) for code, label in EffortStatus.choices],
        )
        self.fields["partner"] = _partner_field(programme)
        self.order_fields(["phase", "start", "end", "line", "status", "partner"])

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if not data.get("phase") and start and end:
            if end < start:
                self.add_error("end", _("The until month cannot lie before the from month."))
            elif selectors.month_span(start, end) > MAX_MONTHS:
                self.add_error(
                    "end", _("Choose a range of at most %(years)s years.") % {"years": 10}
                )
        return data


def _report_errors(request, form) -> None:
    if form.errors:
        messages.error(
            request,
            _("Part of the filter was not understood and is not applied; see the form."),
        )


def _legend() -> dict:
    return {
        "legend_statuses": [
            {
                "code": code,
                "label": label,
                "colour": layout.STATUS_COLOURS[code][0],
                "tint": layout.STATUS_COLOURS[code][1],
            }
            for code, label in EffortStatus.choices
        ],
        "legend_contributions": [
            {"label": label, "width": layout.CONTRIBUTION_STROKE[code]}
            for code, label in Contribution.choices
        ],
        "legend_roles": [
            {"label": label, "width": layout.ROLE_STROKE[code], "dash": layout.ROLE_DASH[code]}
            for code, label in PartnerRole.choices
        ],
    }


def din_diagram(request, slug):
    programme = programme_for(request, slug, "din.view_din")
    form = DiagramFilterForm(request.GET or None, programme=programme)
    data = form.valid_data() if form.is_bound else {}
    form.mark_errors()
    _report_errors(request, form)
    line, partner = data.get("line"), data.get("partner")
    din = selectors.din_diagram_data(programme=programme, line=line, partner=partner)
    return render(
        request,
        "programme/din_diagram.html",
        {
            "programme": programme,
            "form": form,
            "din": din,
            "diagram": din.diagram,
            "print_bands": layout.print_bands(din.diagram),
            "line": line,
            "partner": partner,
            "filtered": bool(line or partner),
            "highlight_partner": partner.pk if partner else None,
            **_legend(),
        },
    )


def _timeline(start: date, end: date, today: date) -> dict:
    """Month ticks and the position of today, as percentages of the timeline's width."""
    months = selectors.month_span(start, end)
    ticks = []
    for i in range(months):
        month = selectors.add_months(start, i)
        ticks.append(
            {
                "left": 100 * i / months,
                "label": date_format(month, "M"),
                # A year label needs some room before the right edge.
                "year": month.year
                if (i == 0 or month.month == 1) and (i == 0 or i / months < 0.95)
                else None,
                "month": month,
            }
        )
    today_left = None
    if start <= today < selectors.add_months(end, 1):
        days_in_month = (selectors.add_months(today, 1) - today.replace(day=1)).days
        offset = selectors.month_span(start, today) - 1 + (today.day - 1) / days_in_month
        today_left = 100 * offset / months
    return {"months": months, "ticks": ticks, "today_left": today_left, "show_months": months <= 36}


def _percent(value: float) -> str:
    """A position as `|floatformat:"-3u"` writes it ("12.500", "25"), computed once here
    rather than by the filter for each of hundreds of rows."""
    quantized = Decimal(repr(value)).quantize(Decimal("0.001"), ROUND_HALF_UP)
    if quantized == quantized.to_integral_value():
        return str(int(quantized))
    return f"{quantized:.3f}"


def _period(effort) -> str:
    """ "aug. 2023 to mrt. 2024", "from aug. 2023, no end" or "until mrt. 2024"."""
    start, end = formats.month(effort.start_month), formats.month(effort.end_month)
    if effort.start_month and effort.end_month:
        return _("%(start)s to %(end)s") % {"start": start, "end": end}
    if effort.start_month:
        return _("from %(start)s, no end") % {"start": start}
    return _("until %(end)s") % {"end": end}


def _bar(row: dict, start: date, end: date, months: int) -> dict:
    effort = row["effort"]
    first = effort.start_month.replace(day=1) if effort.start_month else None
    last = effort.end_month.replace(day=1) if effort.end_month else None
    shown_first = max(first, start) if first else start
    shown_last = min(last, end) if last else end
    left = selectors.month_span(start, shown_first) - 1
    width = selectors.month_span(shown_first, shown_last)
    return {
        "left": 100 * left / months,
        "width": 100 * width / months,
        "left_at": _percent(100 * left / months),
        "width_at": _percent(100 * width / months),
        "before": first is None or first < start,
        "after": last is None or last > end,
        "open_start": first is None,
        "open_end": last is None,
    }


def planning(request, slug):
    programme = programme_for(request, slug, "din.view_din")
    today = timezone.localdate()
    phases = selectors.phase_ranges(programme=programme)
    form = PlanningFilterForm(request.GET or None, programme=programme, phases=phases)
    data = form.valid_data() if form.is_bound else {}
    form.mark_errors()
    _report_errors(request, form)

    default_start, default_end = selectors.planning_default_range(programme=programme, today=today)
    phase = form.phases.get(data.get("phase") or "")
    if phase:
        start, end = phase.start, phase.end
    else:
        start = data.get("start") or default_start
        end = data.get("end") or default_end
        if end < start:  # only one of them given, or the error above
            end = min(selectors.add_months(start, 11), max(default_end, start))
        if selectors.month_span(start, end) > MAX_MONTHS:
            end = selectors.add_months(start, MAX_MONTHS - 1)
    result = selectors.planning_data(
        programme=programme,
        start=start,
        end=end,
        line=data.get("line"),
        status=data.get("status") or None,
        partner=data.get("partner"),
    )
    timeline = _timeline(start, end, today)
    statuses = {code: capfirst(label) for code, label in EffortStatus.choices}
    for row in result.rows:
        row["bar"] = _bar(row, start, end, timeline["months"])
        row["leads"] = [p["partner"].name for p in row["partners"] if p["lead"]]
        row["status_label"] = statuses.get(row["effort"].status, row["effort"].status)
        row["period"] = _period(row["effort"])
    if timeline["today_left"] is not None:
        timeline["today_at"] = _percent(timeline["today_left"])
    return render(
        request,
        "programme/planning.html",
        {
            "programme": programme,
            "form": form,
            "planning": result,
            "timeline": timeline,
            "start": start,
            "end": end,
            "phase": phase,
            "today": today,
            "filters": [
                f"{form.fields[name].label}: {label}"
                for name, label in (
                    ("line", data.get("line")),
                    ("status", EffortStatus(data["status"]).label if data.get("status") else None),
                    ("partner", data.get("partner")),
                )
                if label
            ],
        },
    )
