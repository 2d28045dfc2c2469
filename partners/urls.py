from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("<int:pk>/", views.partner_redirect, name="detail"),
    path("<slug:slug>/", views.partner_list, name="list"),
    path("<slug:slug>/export.xlsx", views.partner_export, {"fmt": "xlsx"}, name="export-xlsx"),
    path("<slug:slug>/export.csv", views.partner_export, {"fmt": "csv"}, name="export-csv"),
    path("<slug:slug>/new/", views.partner_create, name="partner-create"),
    path("<slug:slug>/steering-group/", views.steering_group, name="steering-group"),
    path("<slug:slug>/mine/", views.my_organisation, name="mine"),
    path("<slug:slug>/import/", views.import_upload, name="import"),
    path("<slug:slug>/import/confirm/", views.import_confirm, name="import-confirm"),
    path("<slug:slug>/<int:pk>/", views.partner_detail, name="partner-detail"),
    path("<slug:slug>/<int:pk>/edit/", views.partner_edit, name="partner-edit"),
    path("<slug:slug>/<int:pk>/deactivate/", views.partner_deactivate, name="partner-deactivate"),
    path("<slug:slug>/<int:pk>/reactivate/", views.partner_reactivate, name="partner-reactivate"),
    path("<slug:slug>/<int:pk>/package/", views.commitment_change, name="commitment-change"),
    path("<slug:slug>/commitment/<int:pk>/edit/", views.commitment_correct, name="commitment-edit"),
    path("<slug:slug>/<int:pk>/delegation/add/", views.delegation_add, name="delegation-add"),
    path("<slug:slug>/delegation/<int:pk>/edit/", views.delegation_edit, name="delegation-edit"),
    path(
        "<slug:slug>/delegation/<int:pk>/remove/", views.delegation_remove, name="delegation-remove"
    ),
]
