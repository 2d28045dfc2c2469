from django.urls import path

from .views import commitments, delegation, detail, directory, imports, lists, mine, organisation

app_name = "partners"

urlpatterns = [
    path("<int:pk>/", detail.partner_redirect, name="detail"),
    path("<slug:slug>/", lists.partner_list, name="list"),
    path("<slug:slug>/export.xlsx", lists.partner_export, {"fmt": "xlsx"}, name="export-xlsx"),
    path("<slug:slug>/export.csv", lists.partner_export, {"fmt": "csv"}, name="export-csv"),
    path("<slug:slug>/new/", organisation.partner_create, name="partner-create"),
    path("<slug:slug>/steering-group/", lists.steering_group, name="steering-group"),
    path("<slug:slug>/directory/", directory.partner_directory, name="directory"),
    path("<slug:slug>/mine/", mine.my_organisation, name="mine"),
    path("<slug:slug>/import/", imports.import_upload, name="import"),
    path("<slug:slug>/import/confirm/", imports.import_confirm, name="import-confirm"),
    path("<slug:slug>/import/template.xlsx", imports.import_template, name="import-template"),
    path("<slug:slug>/<int:pk>/", detail.partner_detail, name="partner-detail"),
    path("<slug:slug>/<int:pk>/history/", detail.partner_history, name="partner-history"),
    path("<slug:slug>/<int:pk>/edit/", organisation.partner_edit, name="partner-edit"),
    path(
        "<slug:slug>/<int:pk>/deactivate/",
        organisation.partner_deactivate,
        name="partner-deactivate",
    ),
    path(
        "<slug:slug>/<int:pk>/reactivate/",
        organisation.partner_reactivate,
        name="partner-reactivate",
    ),
    path("<slug:slug>/<int:pk>/package/", commitments.commitment_change, name="commitment-change"),
    path(
        "<slug:slug>/commitment/<int:pk>/edit/",
        commitments.commitment_correct,
        name="commitment-edit",
    ),
    path("<slug:slug>/<int:pk>/delegation/add/", delegation.delegation_add, name="delegation-add"),
    path(
        "<slug:slug>/delegation/<int:pk>/edit/", delegation.delegation_edit, name="delegation-edit"
    ),
    path(
        "<slug:slug>/delegation/<int:pk>/remove/",
        delegation.delegation_remove,
        name="delegation-remove",
    ),
]
