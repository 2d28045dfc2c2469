from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/edit/", views.programme_edit, name="edit"),
    path("<slug:slug>/phase/", views.programme_phase, name="phase"),
    path("<slug:slug>/steering-form/", views.programme_steering_form, name="steering-form"),
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/people/add/", views.people_add, name="people-add"),
    path("<slug:slug>/people/<int:pk>/end/", views.people_end, name="people-end"),
    path("<slug:slug>/people/<int:pk>/invite/", views.people_invite, name="people-invite"),
    path("<slug:slug>/din/diagram/", views.din_diagram, name="din-diagram"),
    path("<slug:slug>/planning/", views.planning, name="planning"),
]
