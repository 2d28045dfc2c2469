"""The admin for reflection: frameworks (shared ones by superusers, a programme's own by its
team), their categories and guiding topics, and the quick scans with their questions. Every
save and removal goes through the services, so the rules and the history hold here too.
Rounds and sessions are recorded on the portal's own pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from avk import policy
from avk.access import is_superuser
from avk.admin import ProgrammeScopedAdmin, programmes_administered_by

from . import services
from .models import Category, Framework, GuidingTopic, QuickScan, ScanItem


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 1
    fields = ["order", "name", "short_name", "description"]
    show_change_link = True


class FrameworkAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    """A framework and its categories; guiding topics are kept on each category's page."""

    list_display = ["name", "programme", "ranks_statements", "active"]
    list_filter = ["active", "programme"]
    fields = ["programme", *Framework.EDITABLE_FIELDS]
    inlines = [CategoryInline]
    change_action = "reflection.change"

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if is_superuser(request.user):
            return queryset
        return queryset.filter(programme__in=programmes_administered_by(request.user))

    def has_change_permission(self, request, obj=None):
        allowed = admin.ModelAdmin.has_change_permission(self, request, obj)
        if obj is None or not allowed:
            return allowed
        return policy.allowed(request.user, "reflection.manage_framework", obj)

    def has_view_permission(self, request, obj=None):
        allowed = admin.ModelAdmin.has_view_permission(self, request, obj)
        if obj is None or not allowed:
            return allowed
        return (
            is_superuser(request.user)
            or obj.programme_id is None
            or (obj.programme in programmes_administered_by(request.user))
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and admin.ModelAdmin.has_delete_permission(
            self, request, obj
        )

    def save_form(self, request, form, change):
        obj = admin.ModelAdmin.save_form(self, request, form, change)
        if change and "version" in form.cleaned_data:
            obj.version = form.cleaned_data["version"]
        return obj

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in Framework.EDITABLE_FIELDS}
        if change:
            changed = {k: v for k, v in values.items() if k in form.changed_data}
            if changed:
                services.framework_update(
                    framework_id=obj.pk,
                    version=obj.version,
                    by=request.user,
                    event="admin.edited",
                    **changed,
                )
        else:
            obj.pk = services.framework_create(
                programme=form.cleaned_data.get("programme"), by=request.user, **values
            ).pk
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        rows = formset.save(commit=False)
        for row in formset.deleted_objects:
            services.framework_part_remove(part=row, by=request.user)
        for row in rows:
            services.framework_part_save(part=row, by=request.user)

    def delete_model(self, request, obj):
        services.framework_delete(framework_id=obj.pk, by=request.user)

    def delete_queryset(self, request, queryset):
        for framework in queryset:
            services.framework_delete(framework_id=framework.pk, by=request.user)


class GuidingTopicInline(admin.TabularInline):
    model = GuidingTopic
    extra = 2
    fields = ["order", "text"]


class CategoryAdmin(SimpleHistoryAdmin):
    """A category's guiding topics (reached from its framework)."""

    list_display = ["name", "framework", "order"]
    list_filter = ["framework"]
    fields = ["framework", *Category.EDITABLE_FIELDS]
    inlines = [GuidingTopicInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("framework__programme")
        if is_superuser(request.user):
            return queryset
        return queryset.filter(framework__programme__in=programmes_administered_by(request.user))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return policy.allowed(request.user, "reflection.manage_framework", obj.framework)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def save_model(self, request, obj, form, change):
        services.framework_part_save(part=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        rows = formset.save(commit=False)
        for row in formset.deleted_objects:
            services.framework_part_remove(part=row, by=request.user)
        for row in rows:
            services.framework_part_save(part=row, by=request.user)

    def delete_model(self, request, obj):
        services.framework_part_remove(part=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for category in queryset:
            services.framework_part_remove(part=category, by=request.user)


class ScanItemInline(admin.TabularInline):
    model = ScanItem
    extra = 1
    fields = ["order", "text", "help_text"]


class QuickScanAdmin(ProgrammeScopedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "programme", "round", "is_open"]
    list_filter = ["programme", "is_open"]
    fields = ["programme", *QuickScan.EDITABLE_FIELDS]
    inlines = [ScanItemInline]
    change_action = "reflection.change"

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in QuickScan.EDITABLE_FIELDS}
        if change:
            changed = {k: v for k, v in values.items() if k in form.changed_data}
            if changed:
                services.scan_update(
                    scan_id=obj.pk, version=obj.version, by=request.user, **changed
                )
        else:
            obj.pk = services.scan_create(
                programme=form.cleaned_data["programme"], by=request.user, **values
            ).pk
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        rows = formset.save(commit=False)
        for row in formset.deleted_objects:
            services.scan_item_remove(item_id=row.pk, by=request.user)
        for row in rows:
            services.scan_item_save(item=row, by=request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # close a scan instead: partners' answers stay


admin.site.register(Framework, FrameworkAdmin)
admin.site.register(Category, CategoryAdmin)
admin.site.register(QuickScan, QuickScanAdmin)
