from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from avk import personal_views, views
from avk.forms import LoginForm, QueuedPasswordResetForm

urlpatterns = [
    path("", include("programme.core.home_urls")),
    path("healthz", views.healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("search/", personal_views.search, name="search"),
    path("profile/", personal_views.profile, name="profile"),
    path("profile/mail/", personal_views.profile_mail, name="profile-mail"),
    path("profile/calendar/", personal_views.profile_calendar, name="profile-calendar"),
    path("calendar/<str:token>.ics", personal_views.calendar_feed, name="calendar-feed"),
    path("programmes/", include("programme.urls")),
    path("partners/", include("partners.urls")),
    path("governance/", include("governance.urls")),
    path("budget/", include("budget.urls")),
    path("reflection/", include("reflection.urls")),
    path("admin/", admin.site.urls),
]

# A damaged post (avk.shortcuts.DamagedPost) is answered with its Dutch message.
handler400 = "avk.views.bad_request"
