"""The admin for budgets: scoped to the programmes a person administers; a concept's title,
period and explanation change through the services, an adopted budget is read-only here too
(its lines are edited on the budget's page; a change after adoption is an amendment)."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from avk import policy
from avk.admin import ProgrammeScopedAdmin
from avk.formats import money

from . import services
from .models import Budget, MemberContribution, Realisation


@admin.register(Budget)
class BudgetAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "programme", "valid_from", "valid_until", "revision", "status"]
    list_filter = ["programme", "status"]
    fields = ["programme", *Budget.EDITABLE_FIELDS]
    readonly_fields = ["status", "revision", "adopted_by", "adopted_on", "closed_on", "lines"]
    change_action = "budget.create"

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return [*Budget.EDITABLE_FIELDS, *self.readonly_fields]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return policy.allowed(request.user, "budget.change", obj)

    def has_delete_permission(self, request, obj=None):
        return False  # the history stays; a concept is changed, an adopted budget amended

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in Budget.EDITABLE_FIELDS}
        if change:
            updated = services.budget_update(
                budget_id=obj.pk, version=obj.version, by=request.user, **fields
            )
            obj.version = updated.version
        else:
            created = services.budget_create(
                programme=form.cleaned_data["programme"], by=request.user, **fields
            )
            obj.pk = created.pk

    @admin.display(description=_("lines"))
    def lines(self, obj):
        """The lines, read-only: they are edited on the budget's page."""
        return format_html_join(
            mark_safe("<br>"),
            "{}: {} ({})",
            (
                (line.get_side_display(), line.description, money(line.amount))
                for line in obj.lines.all()
            ),
        )


class ReadOnlyAdmin(ProgrammeScopedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MemberContribution)
class MemberContributionAdmin(ReadOnlyAdmin):
    list_display = ["partner", "programme", "year", "invoiced_amount", "paid_amount", "paid_on"]
    list_filter = ["programme", "year"]
    search_fields = ["partner__name"]


@admin.register(Realisation)
class RealisationAdmin(ReadOnlyAdmin):
    list_display = ["booked_on", "line", "amount", "source", "account", "programme"]
    list_filter = ["programme", "source"]
