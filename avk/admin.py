"""What every app's admin shares: rows are limited to the programmes a person administers.

The Django admin is for superusers and for staff with explicit model permissions; on top of
those permissions, `ProgrammeScopedAdmin` asks the app's policy about each row's programme, so
a staff member of the AVK sees and changes only the AVK's rows.
"""

from django.contrib import admin

from .models import User


def _programme_policy():
    from programme import permissions

    return permissions


class ProgrammeScopedAdmin(admin.ModelAdmin):
    #: ORM path from a row to its programme; None when the row is a programme itself.
    programme_path: str | None = "programme"
    #: The policy rule that decides change and delete for a row's programme.
    change_rule = None

    def programme_of(self, obj):
        if self.programme_path is None:
            return obj
        target = obj
        for part in self.programme_path.split("__"):
            target = getattr(target, part)
        return target

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        programmes = _programme_policy().programmes_administered_by(request.user)
        lookup = "pk__in" if self.programme_path is None else f"{self.programme_path}__in"
        return queryset.filter(**{lookup: programmes})

    def _rule(self):
        return self.change_rule or _programme_policy().can_change_programme

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return _programme_policy().can_administer(request.user, self.programme_of(obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        programme = self.programme_of(obj)
        policy = _programme_policy()
        return policy.can_administer(request.user, programme) and self._rule()(
            request.user, programme
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "programme":
            kwargs["queryset"] = _programme_policy().programmes_administered_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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
