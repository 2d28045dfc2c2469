from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import home as home_panels

SESSION_PROGRAMME = "programme"


def remember_programme(request, programme) -> None:
    """Programme-scoped views call this: the menu then shows that programme's entries."""
    request.programme = programme
    if request.session.get(SESSION_PROGRAMME) != programme.pk:
        request.session[SESSION_PROGRAMME] = programme.pk


def programme_for(request, slug: str, rule):
    """The programme named in the URL, if the policy `rule(user, programme)` lets the person at
    it: 404 for an unknown programme, 403 when refused. Every programme-scoped view starts here."""
    from programme.models import Programme

    programme = get_object_or_404(Programme, slug=slug)
    if not rule(request.user, programme):
        raise PermissionDenied
    remember_programme(request, programme)
    return programme


def home(request):
    from programme.selectors import programme_roles_for_user, role_labels

    rows = []
    for programme, roles in programme_roles_for_user(request.user):
        rows.append(
            {
                "programme": programme,
                "roles": role_labels(roles),
                "panels": home_panels.panels_for(request, programme, roles),
            }
        )
    return render(request, "avk/home.html", {"rows": rows})


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """200 when the app and its database answer, 503 when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
