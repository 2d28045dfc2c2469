from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    """The programme budget: yearly cost and coverage lines that balance, member contributions
    from the commitments, realisation, and the contributions received."""

    name = "budget"
    verbose_name = _("Budget")

    def ready(self):
        from avk import adoption, demo, home, navigation, policy, sections
        from partners.models import PackageItem
        from partners.selectors import register_rule_check

        from . import (
            events,  # noqa: F401 - registers the history events
            permissions,
        )
        from . import home as budget_home
        from . import navigation as budget_navigation
        from .models import Budget
        from .sections import partner_contribution_section
        from .selectors.contributions import contribution_paid_check
        from .services.adoption import budget_adopt, budget_check

        policy.register(
            "budget",
            permissions.allowed,
            messages=permissions.MESSAGES,
            refusal=permissions.refusal,
        )
        navigation.register(budget_navigation.items, order=40)
        home.register(budget_home.panels, order=40)
        sections.register("partner", partner_contribution_section, order=40)
        adoption.register(Budget, adopt=budget_adopt, check=budget_check)
        register_rule_check(PackageItem.Rule.CONTRIBUTION_PAID, contribution_paid_check)
        demo.register("budget.demo", order=50)
