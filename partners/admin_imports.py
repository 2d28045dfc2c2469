"""Imports in the admin: they ask for the programme, run the same resources (and so the same
services and policy) as the portal's import page, and keep the checked file between preview and
confirmation through `avk.staging` (bound to the person, the programme and the kind of rows)
instead of django-import-export's own temporary files."""

from __future__ import annotations

import contextvars

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.tmp_storages import BaseStorage

from avk import staging
from avk.admin import programmes_administered_by
from avk.policy import require

#: The request being answered, for the staged file (django-import-export does not pass it).
_request: contextvars.ContextVar = contextvars.ContextVar("partners_admin_import", default=None)


def _programme(request):
    """The programme the import form names, if this person administers it and may import."""
    programme = programmes_administered_by(request.user).get(pk=request.POST.get("programme"))
    require(request.user, "partners.import", programme)
    return programme


class StagedImportStorage(BaseStorage):
    """django-import-export's storage between preview and confirmation, kept by avk.staging."""

    def __init__(self, **kwargs):
        self.kind = kwargs.pop("kind")
        super().__init__(**kwargs)

    def save(self, data):
        request = _request.get()
        staged = staging.stage(
            ContentFile(data, name="import"),
            user=request.user,
            programme=_programme(request),
            kind=self.kind,
        )
        self.name = staged.token

    def read(self):
        request = _request.get()
        content = staging.load(
            self.name, user=request.user, programme=_programme(request), kind=self.kind
        ).content
        if "b" in (self.read_mode or ""):
            return content
        return content.decode(self.encoding or "utf-8-sig")

    def remove(self):
        staging.discard(self.name)


class ProgrammeImportForm(ImportForm):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None)

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload is not None:
            staging.check_size(upload.size)  # refused before reading it
        return upload


class ProgrammeConfirmImportForm(ConfirmImportForm):
    programme = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


class ProgrammeImportMixin(ImportExportMixin):
    """Imports in the admin ask for the programme and run the same resources as the portal."""

    import_form_class = ProgrammeImportForm
    confirm_form_class = ProgrammeConfirmImportForm
    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    tmp_storage_class = StagedImportStorage

    def _programmes(self, request):
        return programmes_administered_by(request.user)

    def get_tmp_storage_class_kwargs(self):
        return {"kind": f"partners.admin.{self.model._meta.model_name}"}

    def import_action(self, request, **kwargs):
        bound = _request.set(request)
        try:
            return super().import_action(request, **kwargs)
        finally:
            _request.reset(bound)

    def process_import(self, request, **kwargs):
        bound = _request.set(request)
        try:
            return super().process_import(request, **kwargs)
        finally:
            _request.reset(bound)

    def get_import_form_kwargs(self, request):
        return {**super().get_import_form_kwargs(request), "programmes": self._programmes(request)}

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "programmes": self._programmes(request),
        }

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["programme"] = import_form.cleaned_data["programme"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        programme = None
        if form is not None and hasattr(form, "cleaned_data"):
            programme = form.cleaned_data.get("programme")
        return {"programme": programme, "by": request.user}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"by": request.user}


# The partner list: the same import as the portal's page -------------------------------------


class PartnerListImportForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None)
    import_file = forms.FileField(label=_("File (xlsx or csv)"))

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


class PartnerListConfirmForm(forms.Form):
    programme = forms.IntegerField(widget=forms.HiddenInput)
    token = forms.CharField(widget=forms.HiddenInput)


class PartnerListImportMixin(ProgrammeImportMixin):
    """The partner list in the admin: the portal's import (`partners.partner_import.check`,
    `services.import_partner_rows`) with its columns, checks and Dutch messages; a staff
    member picks the programme. Never django-import-export's own flow or tracebacks."""

    def import_action(self, request, **kwargs):
        from . import partner_import

        programmes = self._programmes(request)
        form = PartnerListImportForm(
            request.POST or None, request.FILES or None, programmes=programmes
        )
        plan = confirm_form = None
        problems = []
        if request.method == "POST" and form.is_valid():
            programme = form.cleaned_data["programme"]
            require(request.user, "partners.import", programme)
            upload = form.cleaned_data["import_file"]
            try:
                staging.check_size(upload.size)  # refused before reading it
            except ValidationError as too_large:
                problems = too_large.messages
            if not problems:
                content = upload.read()
                plan = partner_import.check(
                    content=content, filename=upload.name, programme=programme, by=request.user
                )
                problems = plan.problems
            if not problems:
                staged = staging.stage(
                    ContentFile(content, name=upload.name),
                    user=request.user,
                    programme=programme,
                    kind=partner_import.STAGING_KIND,
                )
                confirm_form = PartnerListConfirmForm(
                    initial={"programme": programme.pk, "token": staged.token}
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import partners"),
            "form": form,
            "plan": plan if plan is not None and plan.ok else None,
            "preview_rows": plan.preview_rows() if plan is not None and plan.ok else [],
            "problems": problems,
            "confirm_form": confirm_form,
        }
        return TemplateResponse(request, "partners/admin_import.html", context)

    def process_import(self, request, **kwargs):
        from . import partner_import, services

        if request.method != "POST":
            return redirect(f"admin:{self.model._meta.app_label}_partner_import")
        back = redirect(f"admin:{self.model._meta.app_label}_partner_import")
        try:
            programme = self._programmes(request).get(pk=request.POST.get("programme"))
        except (apps.get_model(settings.AVK_PROGRAMME_MODEL).DoesNotExist, ValueError):
            messages.error(request, _("There is no checked file to import; upload it again."))
            return back
        require(request.user, "partners.import", programme)
        token = request.POST.get("token", "")
        try:
            staged = staging.load(
                token, user=request.user, programme=programme, kind=partner_import.STAGING_KIND
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return back
        plan = partner_import.check(
            content=staged.content, filename=staged.name, programme=programme, by=request.user
        )
        problems = plan.problems
        if not problems:
            try:
                services.import_partner_rows(programme=programme, by=request.user, plan=plan)
            except ValidationError as error:
                problems = error.messages
            except IntegrityError:
                problems = [_("The partners changed while importing; upload the file again.")]
        staging.discard(token)
        if problems:
            for problem in problems:
                messages.error(request, problem)
            messages.error(request, _("Nothing has been imported."))
            return back
        messages.success(
            request,
            _("Imported: %(new)s new, %(updated)s changed, %(skipped)s unchanged.")
            % {"new": plan.new, "updated": plan.updated, "skipped": plan.skipped},
        )
        return redirect(f"admin:{self.model._meta.app_label}_partner_changelist")
