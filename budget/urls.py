from django.urls import path

from .views import budgets, contributions, imports, lines, realisation

app_name = "budget"

urlpatterns = [
    path("<slug:slug>/", budgets.budget_list, name="list"),
    path("<slug:slug>/new/", budgets.budget_create, name="create"),
    path("<slug:slug>/contributions/", contributions.contributions, name="contributions"),
    path(
        "<slug:slug>/contributions/invoice/",
        contributions.contributions_invoice,
        name="contributions-invoice",
    ),
    path("<slug:slug>/contributions/<int:pk>/payment/", contributions.payment, name="payment"),
    path("<slug:slug>/contributions/mine/", contributions.mine, name="mine"),
    path("<slug:slug>/<int:pk>/", budgets.budget_detail, name="detail"),
    path("<slug:slug>/<int:pk>/edit/", budgets.budget_edit, name="edit"),
    path("<slug:slug>/<int:pk>/history/", budgets.budget_history, name="history"),
    path("<slug:slug>/<int:pk>/export.xlsx", budgets.budget_export, name="export"),
    path("<slug:slug>/<int:pk>/submit/", budgets.budget_submit, name="submit"),
    path("<slug:slug>/<int:pk>/amend/", budgets.budget_amend, name="amend"),
    path("<slug:slug>/<int:pk>/close/", budgets.budget_close, name="close"),
    path("<slug:slug>/<int:pk>/tables/", lines.tables, name="tables"),
    path("<slug:slug>/<int:pk>/lines/<str:side>/add/", lines.line_add, name="line-add"),
    path("<slug:slug>/line/<int:pk>/edit/", lines.line_edit, name="line-edit"),
    path("<slug:slug>/line/<int:pk>/remove/", lines.line_remove, name="line-remove"),
    path("<slug:slug>/<int:pk>/realisation/", realisation.realisation_add, name="realisation-add"),
    path(
        "<slug:slug>/realisation/<int:pk>/remove/",
        realisation.realisation_remove,
        name="realisation-remove",
    ),
    path("<slug:slug>/<int:pk>/import/", imports.lines_upload, name="lines-import"),
    path("<slug:slug>/<int:pk>/import/confirm/", imports.lines_confirm, name="lines-confirm"),
    path(
        "<slug:slug>/<int:pk>/import/template.xlsx", imports.lines_template, name="lines-template"
    ),
    path("<slug:slug>/<int:pk>/ledger/", imports.ledger_upload, name="ledger-import"),
    path("<slug:slug>/<int:pk>/ledger/map/", imports.ledger_map, name="ledger-map"),
    path("<slug:slug>/<int:pk>/ledger/confirm/", imports.ledger_confirm, name="ledger-confirm"),
]
