"""What the governance admin classes share: choices limited to the programmes a person
administers, no bulk delete, and running an action through the services one row at a time."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from avk.admin import programmes_administered_by

from ..models import Body, Meeting, Proposal


class ScopedBodyMixin:
    """Limit body, meeting, proposal and people choices to the programmes the person
    administers."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        programmes = programmes_administered_by(request.user)
        if db_field.name == "body":
            kwargs["queryset"] = Body.objects.filter(programme__in=programmes)
        elif db_field.name == "meeting":
            kwargs["queryset"] = Meeting.objects.filter(body__programme__in=programmes)
        elif db_field.name == "proposal":
            kwargs["queryset"] = Proposal.objects.filter(programme__in=programmes)
        elif db_field.name in ("user", "drafter", "owner"):
            from programme.core.models import RoleAssignment

            people = RoleAssignment.objects.current().filter(programme__in=programmes)
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(pk__in=people.values("user_id"))
                .order_by("last_name", "first_name")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class NoDeleteActionMixin:
    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


def run_each(model_admin, request, queryset, run, success=None):
    """Run a service per selected row; a refusal (the gate's, or the workflow's) is shown with
    its Dutch message, naming the row."""
    done = 0
    for obj in queryset:
        try:
            run(obj)
        except ValidationError as error:
            for message in error.messages:
                model_admin.message_user(request, f"{obj}: {message}", messages.ERROR)
        except PermissionDenied as refused:
            model_admin.message_user(request, f"{obj}: {refused}", messages.ERROR)
        else:
            done += 1
    if done:
        model_admin.message_user(
            request, success or _("%(n)s item(s) done.") % {"n": done}, messages.SUCCESS
        )
