from django.utils.functional import SimpleLazyObject

import avk
from avk import navigation
from avk.views import SESSION_PROGRAMME


def _programme_context(request):
    from programme.selectors import programmes_for_user

    programmes = list(programmes_for_user(request.user))
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
