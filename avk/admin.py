"""What every app's admin shares: rows are limited to the programmes a person administers.

The Django admin is for superusers and for staff with explicit model permissions; on top of
those permissions, `ProgrammeScopedAdmin` asks the app's policy about each row's programme, so
a staff member of the AVK sees and changes only the AVK's rows, and adds rows only where the
app's rule lets them change things. Edited rows with a `version` carry it hidden in the admin
form too, so a save over someone else's newer save is refused with what changed meanwhile.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist

from . import policy
from .access import BACK_OFFICE_ROLES, has_role, is_superuser, programme_ids_with_role
from .concurrency import StaleEdit, ensure_fresh
from .models import User
from .shortcuts import programme_model


def programmes_administered_by(user):
    """The programmes whose rows this person may see in the admin: all for a superuser; for
    staff, those where they are programme team or secretariat."""
    programmes = programme_model()._default_manager.all()
    if is_superuser(user):
        return programmes
    if not user.is_staff:
        return programmes.none()
    return programmes.filter(pk__in=programme_ids_with_role(user, BACK_OFFICE_ROLES))


def can_administer(user, programme) -> bool:
    return is_superuser(user) or (user.is_staff and has_role(user, programme, *BACK_OFFICE_ROLES))


class ProgrammeScopedAdmin(admin.ModelAdmin):
    #: ORM path from a row to its programme; None when the row is a programme itself.
    programme_path: str | None = "programme"
    #: The policy action ("area.verb", asked of the row's programme) that decides add, change
    #: and delete.
    change_action = "programme.change"

    def programme_of(self, obj):
        if self.programme_path is None:
            return obj
        target = obj
        for part in self.programme_path.split("__"):
            target = getattr(target, part)
        return target

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        programmes = programmes_administered_by(request.user)
        lookup = "pk__in" if self.programme_path is None else f"{self.programme_path}__in"
        return queryset.filter(**{lookup: programmes})

    def may_change_in(self, user, programme) -> bool:
        return policy.allowed(user, self.change_action, programme)

    def programmes_for_change(self, request):
        """The programmes in which this person may add and change rows of this model."""
        administered = programmes_administered_by(request.user)
        allowed = [p.pk for p in administered if self.may_change_in(request.user, p)]
        return administered.filter(pk__in=allowed)

    def has_add_permission(self, request):
        allowed = super().has_add_permission(request)
        if not allowed or self.programme_path is None:
            return allowed
        return self.programmes_for_change(request).exists()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or not hasattr(obj, "version"):
            return form
        return type(form.__name__, (VersionCheckedForm, form), {})

    def save_form(self, request, form, change):
        """The last check before any app's save_model: the row's programme must allow it
        (a crafted POST cannot add or move a row into another programme), and a versioned row
        is saved against the version its form was opened with."""
        obj = super().save_form(request, form, change)
        if self.programme_path is not None:
            try:
                programme = self.programme_of(obj)
            except ObjectDoesNotExist:
                # A new row whose programme its create service takes from the parent (a goal
                # from its line): that service asks the gate for the parent's programme.
                programme = None
            if programme is not None or change:
                policy.require(request.user, self.change_action, programme)
        if change and "version" in form.cleaned_data:
            obj.version = form.cleaned_data["version"]
        return obj

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_administer(request.user, self.programme_of(obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        programme = self.programme_of(obj)
        return can_administer(request.user, programme) and self.may_change_in(
            request.user, programme
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """Choices of a programme, or of rows that belong to a programme (a line, a goal, a
        body...), are limited to the programmes where this person may change this model."""
        related = db_field.related_model
        if db_field.name == "programme":
            kwargs.setdefault("queryset", self.programmes_for_change(request))
        elif any(f.name == "programme" and f.is_relation for f in related._meta.fields):
            kwargs.setdefault(
                "queryset",
                related._default_manager.filter(programme__in=self.programmes_for_change(request)),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class VersionCheckedForm(forms.ModelForm):
    """Carries the version the admin form was opened with; refuses to save over a newer one."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("version")
        if self.instance.pk and opened is not None:
            current = type(self.instance)._default_manager.get(pk=self.instance.pk)
            try:
                ensure_fresh(current, opened)
            except StaleEdit as stale:
                # Show the newer version's number, so saving again is a deliberate overwrite.
                data = self.data.copy()
                data["version"] = current.version
                self.data = data
                raise stale from None
        return cleaned


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    """People are managed by superusers here; programme teams use "People and roles"."""

    list_display = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["username", "email", "first_name", "last_name"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    fields = [
        "username",
        "email",
        "first_name",
        "last_name",
        "is_active",
        "is_staff",
        "is_superuser",
        "groups",
        "user_permissions",
        "last_login",
        "date_joined",
    ]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["groups", "user_permissions"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission
