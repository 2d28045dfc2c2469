"""The person's own pages: the search results, the profile (roles, e-mails, language, calendar
link) and the calendar feed that calendar programs read through the private link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import profile as services
from . import search as search_registry
from .access import Role, roles_by_programme
from .calendar_feed import events_for, ical
from .context_processors import programmes_for_menu
from .forms import MailPreferencesForm
from .sections import sections_for
from .shortcuts import DamagedPost

#: The new calendar link, kept in the session between making it and showing it (once).
SESSION_NEW_LINK = "avk_new_calendar_link"


@require_GET
def search(request):
    text = search_registry.clean(request.GET.get("q"))
    kind = (request.GET.get("kind") or "")[:40]
    programmes = list(programmes_for_menu(request.user))
    groups = search_registry.search(request.user, text, programmes=programmes, kind=kind)
    return render(
        request,
        "avk/search.html",
        {
            "q": text,
            "kind": kind,
            "groups": groups,
            "hit_count": sum(len(group.hits) for group in groups),
            "has_more": any(group.more for group in groups),
            "several_programmes": len(programmes) > 1,
        },
    )


def _role_labels(held: frozenset[str]) -> list[str]:
    return [str(role.label) for role in Role if role.value in held]


@require_GET
def profile(request):
    user = request.user
    held = roles_by_programme(user)
    rows = [
        {
            "programme": programme,
            "roles": _role_labels(held.get(programme.pk, frozenset())),
            "sections": sections_for("profile", request, user, programme),
        }
        for programme in programmes_for_menu(user)
    ]
    return render(
        request,
        "avk/profile.html",
        {
            "rows": rows,
            "mail_form": MailPreferencesForm(user=user),
            "new_link": request.session.pop(SESSION_NEW_LINK, None),
        },
    )


@require_POST
def profile_mail(request):
    form = MailPreferencesForm(request.POST, user=request.user)
    if not form.is_valid():  # only booleans: a damaged post
        raise DamagedPost()
    services.mail_preferences_update(user=request.user, by=request.user, **form.cleaned_data)
    messages.success(request, _("Your e-mail preferences have been saved."))
    return redirect(reverse("profile") + "#mail")


@require_POST
def profile_calendar(request):
    action = request.POST.get("action")
    if action == "make":
        token = services.calendar_link_make(user=request.user, by=request.user)
        request.session[SESSION_NEW_LINK] = request.build_absolute_uri(
            reverse("calendar-feed", args=[token])
        )
        messages.success(
            request,
            _("Your private calendar link is ready. Copy it now: it is shown only this once."),
        )
    elif action == "revoke":
        services.calendar_link_revoke(user=request.user, by=request.user)
        messages.success(
            request,
            _("Your calendar link has been revoked: calendars that used it receive nothing more."),
        )
    else:
        raise DamagedPost()
    return redirect(reverse("profile") + "#calendar")


@login_not_required
@require_GET
def calendar_feed(request, token):
    """The iCalendar feed of the person whose private link carries `token` (no login: calendar
    programs cannot log in); 404 for an unknown or revoked token."""
    user = services.user_for_calendar_token(token)
    if user is None:
        raise Http404("Unknown calendar link")
    response = HttpResponse(
        ical(user, events_for(user), base_url=request.build_absolute_uri("/")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="alliantieportaal.ics"'
    response["Cache-Control"] = "private, max-age=0, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
