from django.utils.functional import SimpleLazyObject

import avk
from avk import navigation
from avk.access import is_superuser, roles_by_programme
from avk.shortcuts import SESSION_PROGRAMME, programme_model


def programmes_for_menu(user):
    """The programmes the person has a role in (every programme for a superuser), by name."""
    programmes = programme_model()._default_manager.order_by("name")
    if is_superuser(user):
        return programmes
    return programmes.filter(pk__in=list(roles_by_programme(user)))


def _programme_context(request):
    programmes = list(programmes_for_menu(request.user))
    current = getattr(request, "programme", None)
    if current is None and programmes:
        remembered = request.session.get(SESSION_PROGRAMME)
        current = next((p for p in programmes if p.pk == remembered), programmes[0])
    return {
        "programmes": programmes,
        "current": current,
        "nav_items": navigation.items_for(request, current) if current else [],
    }


def portal(request):
    context = {"portal_version": avk.__version__}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # Lazy: pages that never show the menu (PDFs, htmx partials) run no query for it.
        context["portal"] = SimpleLazyObject(lambda: _programme_context(request))
    return context
