"""The member contributions received: who owes what for a year, what was invoiced and paid, and
who is behind (back office and board); a partner contact sees its own organisation's."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.policy import allowed
from avk.shortcuts import object_for, programme_for
from partners.models import Partner
from partners.permissions import contact_partner_ids

from .. import selectors, services
from ..forms import InvoiceForm, PaymentForm
from ..models import MemberContribution


def _year(request) -> int:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    this_year = timezone.localdate().year
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= this_year + 5 else this_year


def contributions(request, slug):
    programme = programme_for(request, slug, "budget.view_contributions")
    year = _year(request)
    rows = selectors.contribution_rows(programme=programme, year=year)
    this_year = timezone.localdate().year
    return render(
        request,
        "budget/contributions.html",
        {
            "programme": programme,
            "year": year,
            "years": list(range(this_year + 1, this_year - 5, -1)),
            "rows": rows,
            "summary": selectors.summarise(rows),
            "may_manage": allowed(request.user, "budget.manage_contributions", programme),
            "invoice_form": InvoiceForm(),
        },
    )


@require_POST
def contributions_invoice(request, slug):
    programme = programme_for(request, slug, "budget.manage_contributions")
    year = _year(request)
    form = InvoiceForm(request.POST)
    if form.is_valid():
        new = services.contributions_invoice(
            programme=programme, year=year, by=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            ngettext(
                "%(count)s invoice for %(year)s recorded.",
                "%(count)s invoices for %(year)s recorded.",
                len(new),
            )
            % {"count": len(new), "year": year},
        )
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(f"{reverse('budget:contributions', args=[slug])}?year={year}")


def payment(request, slug, pk):
    queryset = MemberContribution.objects.filter(programme__slug=slug).select_related(
        "programme", "partner"
    )
    contribution = object_for(request, queryset, "budget.view_contribution", pk=pk)
    programme = programme_for(request, slug, "budget.manage_contributions")
    form = PaymentForm(request.POST or None, contribution=contribution)
    if request.method == "POST" and form.is_valid():
        try:
            services.payment_record(
                contribution_id=contribution.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                amount=form.cleaned_data["amount"],
                on=form.cleaned_data["paid_on"],
                note=form.cleaned_data["note"],
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Payment of %(partner)s recorded.") % {"partner": contribution.partner},
            )
            url = reverse("budget:contributions", args=[slug])
            return redirect(f"{url}?year={contribution.year}")
    return render(
        request,
        "budget/payment_form.html",
        {"programme": programme, "contribution": contribution, "form": form},
    )


def mine(request, slug):
    """'Our contribution': the organisations this partner contact speaks for, each with its
    contributions over the years (never another partner's)."""
    programme = programme_for(request, slug, "budget.view_mine")
    partners = Partner.objects.filter(pk__in=contact_partner_ids(request.user, programme))
    found = [
        (partner, selectors.partner_contributions(programme=programme, partner=partner))
        for partner in partners.order_by("name")
    ]
    return render(request, "budget/mine.html", {"programme": programme, "found": found})
