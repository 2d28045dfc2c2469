from django.urls import path

from . import views

app_name = "reflection"

urlpatterns = [
    # per programme
    path("<slug:slug>/", views.round_list, name="round-list"),
    path("<slug:slug>/rounds/new/", views.round_create, name="round-create"),
    path("<slug:slug>/quick-scans/", views.scan_list, name="scan-list"),
    # rounds
    path("rounds/<int:pk>/", views.round_detail, name="round-detail"),
    path("rounds/<int:pk>/edit/", views.round_edit, name="round-edit"),
    path("rounds/<int:pk>/pdf/", views.round_pdf, name="round-pdf"),
    path("rounds/<int:pk>/history/", views.round_history, name="round-history"),
    path("rounds/<int:pk>/follow-up/", views.round_follow_up, name="round-follow-up"),
    path("rounds/<int:pk>/themes/", views.theme_add, name="theme-add"),
    path("rounds/<int:pk>/sessions/new/", views.session_create, name="session-create"),
    path("themes/<int:pk>/remove/", views.theme_remove, name="theme-remove"),
    # sessions and what they bring forth
    path("sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
    path("sessions/<int:pk>/remove/", views.session_delete, name="session-delete"),
    path("sessions/<int:pk>/history/", views.session_history, name="session-history"),
    path("sessions/<int:pk>/observations/", views.observation_add, name="observation-add"),
    path("sessions/<int:pk>/points/", views.point_add, name="point-add"),
    path("sessions/<int:pk>/statements/", views.statement_add, name="statement-add"),
    path("sessions/<int:pk>/renumber/", views.points_renumber, name="points-renumber"),
    path("observations/<int:pk>/edit/", views.observation_edit, name="observation-edit"),
    path("observations/<int:pk>/remove/", views.observation_remove, name="observation-remove"),
    path("statements/<int:pk>/edit/", views.statement_edit, name="statement-edit"),
    path("statements/<int:pk>/remove/", views.statement_remove, name="statement-remove"),
    # attention points, ingredients and their follow-up
    path("points/<int:pk>/", views.point_detail, name="point-detail"),
    path("points/<int:pk>/edit/", views.point_edit, name="point-edit"),
    path("points/<int:pk>/remove/", views.point_remove, name="point-remove"),
    path("points/<int:pk>/move/", views.point_move, name="point-move"),
    path("points/<int:pk>/history/", views.point_history, name="point-history"),
    path("points/<int:pk>/status/", views.point_status, name="point-status"),
    path("points/<int:pk>/links/", views.point_link, name="point-link"),
    path("points/<int:pk>/ingredients/", views.ingredient_add, name="ingredient-add"),
    path("ingredients/<int:pk>/edit/", views.ingredient_edit, name="ingredient-edit"),
    path("ingredients/<int:pk>/move/", views.ingredient_move, name="ingredient-move"),
    path("ingredients/<int:pk>/remove/", views.ingredient_remove, name="ingredient-remove"),
    path("ingredients/<int:pk>/status/", views.ingredient_status, name="ingredient-status"),
    path("ingredients/<int:pk>/links/", views.ingredient_link, name="ingredient-link"),
    path("links/<int:pk>/remove/", views.link_remove, name="link-remove"),
    # the quick scan
    path("scans/<int:pk>/", views.scan_detail, name="scan-detail"),
    path("scans/<int:pk>/export.xlsx", views.scan_export, name="scan-export"),
    path("scans/<int:pk>/fill/<int:partner_pk>/", views.scan_fill, name="scan-fill"),
]
