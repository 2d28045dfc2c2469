"""Read-side queries for partners. List pages get their rows from one selector each."""

from django.db.models import QuerySet

from programme.models import Programme

from .models import Partner


def partners_in_programme(*, programme: Programme) -> QuerySet[Partner]:
    """The organisations taking part in the programme (active ones), by name."""
    return Partner.objects.filter(participations__programme=programme, active=True).order_by("name")
