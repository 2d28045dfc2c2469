"""The pages measured, each with its floor (bench/floors.py) and the Django admin page of the
same objects: shared by bench/pages.py, bench/load.py and the query-count tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    page: str  # the product's page
    floor: str  # the bare view of the same rows
    admin: str  # the admin changelist (or change page) of the same objects


def targets(programme, budget) -> list[Target]:
    from django.urls import reverse

    slug = programme.slug

    def floor(page):
        return f"/bench-floor/{slug}/{page}/"

    def changelist(model, *, every_row=False):
        """The admin's list of the programme's objects (the team sees only its own programmes
        there); `every_row` where the page shows all its rows: the admin's "show all"
        (`?all=`), not its first page of 100."""
        return reverse(f"admin:{model}_changelist") + ("?all=" if every_row else "")

    return [
        Target(
            "DIN overview",
            reverse("programme:din", args=[slug]),
            floor("din"),
            changelist("programme_operationalgoal", every_row=True),
        ),
        Target(
            "DIN diagram",
            reverse("programme:din-diagram", args=[slug]),
            floor("diagram"),
            changelist("programme_effort", every_row=True),
        ),
        Target(
            "planning",
            reverse("programme:planning", args=[slug]),
            floor("planning"),
            changelist("programme_effort", every_row=True),
        ),
        Target(
            "partner list",
            reverse("partners:list", args=[slug]),
            floor("partners"),
            changelist("partners_partner"),
        ),
        Target(
            "decision list",
            reverse("governance:decision-list", args=[slug]),
            floor("decisions"),
            changelist("governance_proposeddecision"),
        ),
        Target(
            "budget page",
            reverse("budget:detail", args=[slug, budget.pk]),
            floor("budget"),
            reverse("admin:budget_budget_change", args=[budget.pk]),
        ),
    ]
