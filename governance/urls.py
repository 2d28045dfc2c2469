from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    # per programme
    path("<slug:slug>/te-besluiten/", views.to_decide, name="to-decide"),
    path("<slug:slug>/proposals/", views.proposal_list, name="proposal-list"),
    path("<slug:slug>/proposals/new/", views.proposal_create, name="proposal-create"),
    path("<slug:slug>/meetings/", views.meeting_list, name="meeting-list"),
    path("<slug:slug>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("<slug:slug>/actiepunten/", views.action_item_overview, name="action-items"),
    path("<slug:slug>/bodies/new/", views.body_create, name="body-create"),
    path("<slug:slug>/besluitenlijst/", views.decision_list, name="decision-list"),
    path("<slug:slug>/besluitenlijst.xlsx", views.decision_list_xlsx, name="decision-list-xlsx"),
    path("<slug:slug>/besluitenlijst.pdf", views.decision_list_pdf, name="decision-list-pdf"),
    path(
        "<slug:slug>/besluitenlijst/pdf/<uuid:pk>/",
        views.decision_list_pdf_progress,
        name="decision-list-pdf-progress",
    ),
    path(
        "<slug:slug>/besluitenlijst/pdf/<uuid:pk>/status/",
        views.decision_list_pdf_status,
        name="decision-list-pdf-status",
    ),
    # proposals
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("proposals/<int:pk>/pdf/", views.proposal_pdf, name="proposal-pdf"),
    path("proposals/<int:pk>/history/", views.proposal_history, name="proposal-history"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal-edit"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="proposal-submit"),
    path("proposals/<int:pk>/schedule/", views.proposal_schedule, name="proposal-schedule"),
    path("proposals/<int:pk>/open-round/", views.proposal_open_round, name="proposal-open-round"),
    path(
        "proposals/<int:pk>/close-round/", views.proposal_close_round, name="proposal-close-round"
    ),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="proposal-withdraw"),
    path("proposals/<int:pk>/remind/", views.proposal_remind, name="proposal-remind"),
    path("proposals/<int:pk>/vote/", views.proposal_vote, name="proposal-vote"),
    path("proposals/<int:pk>/record/", views.proposal_record, name="proposal-record"),
    path("proposals/<int:pk>/attachments/", views.attachment_add, name="attachment-add"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment-download"),
    path("decisions/<int:pk>/correct/", views.decision_correct, name="decision-correct"),
    # meetings, bodies, action items
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/pdf/", views.meeting_pdf, name="meeting-pdf"),
    path("meetings/<int:pk>/history/", views.meeting_history, name="meeting-history"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/held/", views.meeting_held, name="meeting-held"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting-attendance"),
    path("meetings/<int:pk>/agenda/", views.meeting_agenda_add, name="meeting-agenda-add"),
    path("meetings/<int:pk>/action-items/", views.action_item_add, name="action-item-add"),
    path("action-items/<int:pk>/done/", views.action_item_done, name="action-item-done"),
    path("bodies/<int:pk>/", views.body_detail, name="body-detail"),
    path("bodies/<int:pk>/edit/", views.body_edit, name="body-edit"),
    path("bodies/<int:pk>/history/", views.body_history, name="body-history"),
    path("bodies/<int:pk>/members/", views.membership_add, name="membership-add"),
    path("memberships/<int:pk>/end/", views.membership_end, name="membership-end"),
]
