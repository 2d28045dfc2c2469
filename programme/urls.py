from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("efforts/<int:pk>/", views.effort_detail, name="effort-detail"),
    path("workinggroups/<int:pk>/", views.workinggroup_detail, name="workinggroup-detail"),
    path("workinggroups/<int:pk>/edit/", views.workinggroup_edit, name="workinggroup-edit"),
    path(
        "workinggroups/<int:pk>/members/add/",
        views.workinggroup_member_add,
        name="workinggroup-member-add",
    ),
    path(
        "workinggroup-members/<int:pk>/remove/",
        views.workinggroup_member_remove,
        name="workinggroup-member-remove",
    ),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator-detail"),
    path("indicators/<int:pk>/measurements/add/", views.measurement_add, name="measurement-add"),
    path("measurements/<int:pk>/review/", views.measurement_review, name="measurement-review"),
    path(
        "measurements/<int:pk>/resubmit/",
        views.measurement_resubmit,
        name="measurement-resubmit",
    ),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/edit/", views.programme_edit, name="edit"),
    path("<slug:slug>/phase/", views.programme_phase, name="phase"),
    path("<slug:slug>/steering-form/", views.programme_steering_form, name="steering-form"),
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/people/add/", views.people_add, name="people-add"),
    path("<slug:slug>/people/<int:pk>/end/", views.people_end, name="people-end"),
    path("<slug:slug>/people/<int:pk>/invite/", views.people_invite, name="people-invite"),
    path("<slug:slug>/din/", views.din_overview, name="din"),
    path("<slug:slug>/din/health/", views.din_health, name="din-health"),
    path("<slug:slug>/din/export/", views.din_export, name="din-export"),
    path("<slug:slug>/din/import/", views.din_import, name="din-import"),
    path("<slug:slug>/din/<str:kind>/add/", views.din_add, name="din-add"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/edit/", views.din_edit, name="din-edit"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/move/", views.din_move, name="din-move"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/delete/", views.din_delete, name="din-delete"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/history/", views.din_history, name="din-history"),
    path("<slug:slug>/workinggroups/", views.workinggroups, name="workinggroups"),
    path("<slug:slug>/workinggroups/add/", views.workinggroup_add, name="workinggroup-add"),
    path("<slug:slug>/din/diagram/", views.din_diagram, name="din-diagram"),
    path("<slug:slug>/planning/", views.planning, name="planning"),
]
