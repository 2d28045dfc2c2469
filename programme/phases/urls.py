"""The phase plans' URLs, included by the programme app's urls (namespace "programme")."""

from django.urls import path

from .views import documents, plans, selection

urlpatterns = [
    path("<slug:slug>/phase-plans/", plans.plan_list, name="phaseplans"),
    path("<slug:slug>/phase-plans/new/", plans.plan_create, name="phaseplan-create"),
    path("<slug:slug>/phase-plans/<int:pk>/", plans.plan_detail, name="phaseplan-detail"),
    path("<slug:slug>/phase-plans/<int:pk>/edit/", plans.plan_edit, name="phaseplan-edit"),
    path(
        "<slug:slug>/phase-plans/<int:pk>/selection/",
        selection.plan_select,
        name="phaseplan-select",
    ),
    path(
        "<slug:slug>/phase-plans/<int:pk>/attention/",
        selection.attention_add,
        name="phaseplan-attention-add",
    ),
    path(
        "<slug:slug>/phase-plans/<int:pk>/attention/<int:link>/remove/",
        selection.attention_remove,
        name="phaseplan-attention-remove",
    ),
    path("<slug:slug>/phase-plans/<int:pk>/submit/", plans.plan_submit, name="phaseplan-submit"),
    path("<slug:slug>/phase-plans/<int:pk>/close/", plans.plan_close, name="phaseplan-close"),
    path("<slug:slug>/phase-plans/<int:pk>/history/", plans.plan_history, name="phaseplan-history"),
    path("<slug:slug>/phase-plans/<int:pk>/pdf/", documents.plan_pdf, name="phaseplan-pdf"),
    path("<slug:slug>/phase-plans/<int:pk>/docx/", documents.plan_docx, name="phaseplan-docx"),
    path(
        "<slug:slug>/phase-plans/<int:pk>/compare/",
        documents.plan_compare,
        name="phaseplan-compare",
    ),
]
