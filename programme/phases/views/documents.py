"""A phase plan as a PDF and as a Word file, and the comparison of two plans of a programme."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from avk.exports import docx_response
from avk.policy import allowed
from avk.shortcuts import DamagedPost, object_for

from .. import selectors, services
from .plans import plan_for


def _other(request, slug, plan, name: str):
    """The plan a query parameter names (another plan of the same programme), or None."""
    raw = (request.GET.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) == plan.pk:
        raise DamagedPost
    return object_for(request, selectors.plan_for_page(slug), "phaseplans.compare", pk=int(raw))


def plan_pdf(request, slug, pk):
    """The plan's PDF; `?compare=<id>` adds an annex comparing it with that plan."""
    plan = plan_for(request, slug, pk, "phaseplans.download")
    other = _other(request, slug, plan, "compare")
    content = services.plan_pdf(plan, by=request.user, other=other)
    name = slugify(f"{plan.programme.short_name} {plan.title}") or "faseplan"
    if other is not None:
        name += "-" + slugify(f"vergelijking {other.title}")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


def plan_docx(request, slug, pk):
    """The plan as an editable Word file, for everyone who may download its PDF."""
    plan = plan_for(request, slug, pk, "phaseplans.download")
    content = services.plan_docx(plan, by=request.user)
    name = slugify(f"{plan.programme.short_name} {plan.title}") or "faseplan"
    return docx_response(content, filename=f"{name}.docx")


def plan_compare(request, slug, pk):
    """What changed between this plan and another (`?with=<id>`, by default the previous)."""
    plan = plan_for(request, slug, pk, "phaseplans.compare")
    other = _other(request, slug, plan, "with")
    choices = [
        p for p in selectors.neighbours(plan) if allowed(request.user, "phaseplans.compare", p)
    ]
    if other is None and choices:
        other = object_for(
            request, selectors.plan_for_page(slug), "phaseplans.compare", pk=choices[0].pk
        )
    comparison = None
    if other is not None:
        mine, theirs = selectors.contents(plan), selectors.contents(other)
        older, newer = (theirs, mine) if other.number < plan.number else (mine, theirs)
        comparison = selectors.compare(older, newer)
    return render(
        request,
        "programme/phases/plan_compare.html",
        {
            "programme": plan.programme,
            "plan": plan,
            "other": other,
            "choices": choices,
            "comparison": comparison,
        },
    )
