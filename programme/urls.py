from django.urls import path

from .core import views as core
from .din.views import efforts, indicators, items, overview, transfer, visuals, working_groups
from .phases.urls import urlpatterns as phase_plan_urls

app_name = "programme"

urlpatterns = [
    path("efforts/<int:pk>/", efforts.effort_detail, name="effort-detail"),
    path("efforts/<int:pk>/progress/", efforts.effort_progress, name="effort-progress"),
    path("workinggroups/<int:pk>/", working_groups.workinggroup_detail, name="workinggroup-detail"),
    path(
        "workinggroups/<int:pk>/edit/",
        working_groups.workinggroup_edit,
        name="workinggroup-edit",
    ),
    path(
        "workinggroups/<int:pk>/members/add/",
        working_groups.workinggroup_member_add,
        name="workinggroup-member-add",
    ),
    path(
        "workinggroup-members/<int:pk>/remove/",
        working_groups.workinggroup_member_remove,
        name="workinggroup-member-remove",
    ),
    path("indicators/<int:pk>/", indicators.indicator_detail, name="indicator-detail"),
    path(
        "indicators/<int:pk>/measurements/add/",
        indicators.measurement_add,
        name="measurement-add",
    ),
    path(
        "indicators/<int:pk>/measurements/approve/",
        indicators.measurements_approve,
        name="measurements-approve",
    ),
    path(
        "measurements/<int:pk>/review/",
        indicators.measurement_review,
        name="measurement-review",
    ),
    path(
        "measurements/<int:pk>/resubmit/",
        indicators.measurement_resubmit,
        name="measurement-resubmit",
    ),
    path("<slug:slug>/", core.programme_detail, name="detail"),
    path("<slug:slug>/edit/", core.programme_edit, name="edit"),
    path("<slug:slug>/history/", core.programme_history, name="history"),
    path("<slug:slug>/phase/", core.programme_phase, name="phase"),
    path("<slug:slug>/steering-form/", core.programme_steering_form, name="steering-form"),
    path("<slug:slug>/people/", core.people, name="people"),
    path("<slug:slug>/people/add/", core.people_add, name="people-add"),
    path("<slug:slug>/people/history/", core.people_history, name="people-history"),
    path("<slug:slug>/people/<int:pk>/end/", core.people_end, name="people-end"),
    path("<slug:slug>/people/<int:pk>/invite/", core.people_invite, name="people-invite"),
    path("<slug:slug>/din/", overview.din_overview, name="din"),
    path("<slug:slug>/din/health/", overview.din_health, name="din-health"),
    path(
        "<slug:slug>/din/goals/<int:pk>/efforts/",
        overview.din_goal_efforts,
        name="din-goal-efforts",
    ),
    path(
        "<slug:slug>/din/unlinked-efforts/",
        overview.din_unlinked_efforts,
        name="din-unlinked-efforts",
    ),
    path("<slug:slug>/din/export/", transfer.din_export, name="din-export"),
    path("<slug:slug>/din/import/", transfer.din_import, name="din-import"),
    path("<slug:slug>/din/<str:kind>/add/", items.din_add, name="din-add"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/edit/", items.din_edit, name="din-edit"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/move/", items.din_move, name="din-move"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/delete/", items.din_delete, name="din-delete"),
    path("<slug:slug>/din/<str:kind>/<int:pk>/history/", items.din_history, name="din-history"),
    path("<slug:slug>/workinggroups/", working_groups.workinggroups, name="workinggroups"),
    path(
        "<slug:slug>/workinggroups/add/",
        working_groups.workinggroup_add,
        name="workinggroup-add",
    ),
    path("<slug:slug>/din/diagram/", visuals.din_diagram, name="din-diagram"),
    path("<slug:slug>/planning/", visuals.planning, name="planning"),
    *phase_plan_urls,
]
