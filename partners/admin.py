"""The admin for partners: scoped to the programmes a person administers; changes go through the
services, so the rules and the history hold here too. Commitments are read-only history here:
record a change of package on the partner's page."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from avk import policy
from avk.admin import ProgrammeScopedAdmin, can_administer, programmes_administered_by
from avk.models import User
from programme.core.models import RoleAssignment

from . import services
from .admin_imports import PartnerListImportMixin, ProgrammeImportMixin
from .models import (
    Commitment,
    CommitmentPackage,
    DelegationMember,
    PackageItem,
    Participation,
    Partner,
)
from .resources import CommitmentResource, DelegationMemberResource, PartnerResource
from .services.delegation import check_seat, check_takes_part


class PartnerScopedAdmin(ProgrammeScopedAdmin):
    """A partner belongs to programmes through its participations."""

    programme_path = None

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        programmes = programmes_administered_by(request.user)
        return queryset.filter(participations__programme__in=programmes).distinct()

    def _may(self, request, obj, action):
        return any(
            can_administer(request.user, p.programme) and policy.allowed(request.user, action, p)
            for p in obj.participations.select_related("programme", "partner")
        )

    def has_view_permission(self, request, obj=None):
        allowed = admin.ModelAdmin.has_view_permission(self, request, obj)
        if obj is None or not allowed:
            return allowed
        return self._may(request, obj, "partners.view")

    def has_change_permission(self, request, obj=None):
        allowed = admin.ModelAdmin.has_change_permission(self, request, obj)
        if obj is None or not allowed:
            return allowed
        return self._may(request, obj, "partners.change")

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: the history stays


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    can_delete = False
    readonly_fields = ["programme", "joined_on", "left_on"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Partner)
class PartnerAdmin(PartnerListImportMixin, PartnerScopedAdmin, SimpleHistoryAdmin):
    resource_classes = [PartnerResource]
    list_display = ["name", "kind", "municipality", "active"]
    list_filter = ["kind", "active", "participations__programme"]
    search_fields = ["name", "short_name", "municipality"]
    fields = [*Partner.EDITABLE_FIELDS, "active"]
    readonly_fields = ["active"]
    inlines = [ParticipationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return False  # a partner is added in a programme: on the partner list or by import

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in Partner.EDITABLE_FIELDS
        }
        updated = services.partner_update(
            partner_id=obj.pk, version=obj.version, by=request.user, event="admin.edited", **fields
        )
        obj.version = updated.version


class PackageItemInline(admin.TabularInline):
    model = PackageItem
    extra = 1
    fields = ["order", "text", "gives", "rule"]


@admin.register(CommitmentPackage)
class CommitmentPackageAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    """Packages and their items; every save and removal goes through the package services."""

    list_display = ["code", "name", "programme", "yearly_contribution", "steering_group_seat"]
    list_filter = ["programme"]
    inlines = [PackageItemInline]
    change_action = "partners.change_packages"

    def save_model(self, request, obj, form, change):
        values = {
            name: form.cleaned_data[name]
            for name in CommitmentPackage.EDITABLE_FIELDS
            if name in form.fields
        }
        if change:
            changed = {name: value for name, value in values.items() if name in form.changed_data}
            if changed:
                services.package_update(
                    package_id=obj.pk,
                    by=request.user,
                    event="admin.edited",
                    **changed,
                )
        else:
            saved = services.package_create(programme=obj.programme, by=request.user, **values)
            obj.pk = saved.pk
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        if formset.model is not PackageItem:
            return super().save_formset(request, form, formset, change)
        items = formset.save(commit=False)
        for item in formset.deleted_objects:
            services.package_item_remove(item_id=item.pk, by=request.user)
        for item in items:
            values = {name: getattr(item, name) for name in PackageItem.EDITABLE_FIELDS}
            if item.pk:
                services.package_item_update(item_id=item.pk, by=request.user, **values)
            else:
                item.pk = services.package_item_add(
                    package=form.instance, by=request.user, **values
                ).pk
        return None

    def delete_model(self, request, obj):
        services.package_delete(package_id=obj.pk, by=request.user)

    def delete_queryset(self, request, queryset):
        for package in queryset:
            services.package_delete(package_id=package.pk, by=request.user)


@admin.register(Commitment)
class CommitmentAdmin(ProgrammeImportMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin):
    """History of commitments. Changes of package are recorded on the partner's page (or by
    import), where the previous commitment is closed and overlaps are refused."""

    resource_classes = [CommitmentResource]
    list_display = ["partner", "programme", "package", "valid_from", "valid_until"]
    list_filter = ["programme", "package__code"]
    search_fields = ["partner__name"]
    list_select_related = ["partner", "programme", "package"]
    readonly_fields = [
        "programme",
        "partner",
        "package",
        "signed_on",
        "yearly_contribution",
        "valid_from",
        "valid_until",
        "motivation",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DelegationMemberAdminForm(forms.ModelForm):
    class Meta:
        model = DelegationMember
        fields = ["programme", "partner", *DelegationMember.EDITABLE_FIELDS]

    def clean(self):
        """The choices cannot follow the chosen programme, so the pair is checked here: the
        partner must take part in the programme, the login must hold a role in it."""
        cleaned = super().clean()
        programme = cleaned.get("programme") or getattr(self.instance, "programme", None)
        partner = cleaned.get("partner") or getattr(self.instance, "partner", None)
        level = cleaned.get("level")
        user = cleaned.get("user")
        if programme and partner and not self.instance.pk:
            try:
                check_takes_part(programme, partner)
            except ValidationError as error:
                self.add_error("partner", error.message_dict["partner"])
        if (
            programme
            and user
            and "user" in self.changed_data
            and not RoleAssignment.objects.current().filter(programme=programme, user=user).exists()
        ):
            self.add_error(
                "user",
                gettext("%(user)s has no role in %(programme)s.")
                % {"user": user, "programme": programme},
            )
        if programme and partner and level:
            try:
                check_seat(programme, partner, level, exclude_pk=self.instance.pk)
            except ValidationError as error:
                self.add_error("level", error.message_dict["level"])
        return cleaned


@admin.register(DelegationMember)
class DelegationMemberAdmin(ProgrammeImportMixin, ProgrammeScopedAdmin, SimpleHistoryAdmin):
    form = DelegationMemberAdminForm
    resource_classes = [DelegationMemberResource]
    list_display = ["name", "partner", "programme", "level", "is_contact", "is_demo"]
    list_filter = ["programme", "level", "is_contact", "is_demo"]
    search_fields = ["name", "partner__name", "email"]
    list_select_related = ["partner", "programme"]
    # The User admin is for superusers only (an autocomplete would answer 403 to the back
    # office): a select of the people with a role in the programmes this person administers.
    fields = ["programme", "partner", *DelegationMember.EDITABLE_FIELDS]
    change_action = "programme.change"

    def get_readonly_fields(self, request, obj=None):
        return ["programme", "partner"] if obj else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "partner":
            kwargs["queryset"] = Partner.objects.filter(
                participations__programme__in=programmes_administered_by(request.user)
            ).distinct()
        elif db_field.name == "user":
            programmes = programmes_administered_by(request.user)
            kwargs["queryset"] = User.objects.filter(
                pk__in=RoleAssignment.objects.current()
                .filter(programme__in=programmes)
                .values("user")
            ).order_by("last_name", "first_name", "username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = admin.ModelAdmin.has_change_permission(self, request, obj)
        if obj is None or not allowed:
            return allowed
        return can_administer(request.user, obj.programme) and policy.allowed(
            request.user, "partners.change_delegation", obj
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and admin.ModelAdmin.has_delete_permission(
            self, request, obj
        )

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in DelegationMember.EDITABLE_FIELDS}
        if change:
            saved = services.delegation_member_update(
                member_id=obj.pk, version=obj.version, by=request.user, **values
            )
        else:
            saved = services.delegation_member_add(
                programme=obj.programme, partner=obj.partner, by=request.user, **values
            )
        obj.pk, obj.version = saved.pk, saved.version

    def delete_model(self, request, obj):
        services.delegation_member_remove(member_id=obj.pk, version=obj.version, by=request.user)

    def delete_queryset(self, request, queryset):
        """ "Delete selected" removes each member through the service (history, e-mail)."""
        for member in queryset:
            services.delegation_member_remove(
                member_id=member.pk, version=member.version, by=request.user
            )
