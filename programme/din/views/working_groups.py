"""The working group pages: the list, adding and editing a group, its members."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy, sections
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.history import entries
from avk.shortcuts import object_for, programme_for

from .. import selectors, services
from ..forms import WorkingGroupForm, WorkingGroupMemberForm
from ..models import WorkingGroup, WorkingGroupMember


def workinggroups(request, slug):
    programme = programme_for(request, slug, "din.view_din")
    can_change = policy.allowed(request.user, "din.change_din", programme)
    return render(
        request,
        "programme/workinggroup_list.html",
        {
            "programme": programme,
            "groups": selectors.working_groups(programme),
            "can_change": can_change,
        },
    )


def workinggroup_add(request, slug):
    programme = programme_for(request, slug, "din.change_din")
    form = WorkingGroupForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            group = services.working_group_create(programme=programme, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Added: %(item)s.") % {"item": group})
            return redirect(group)
    return render(
        request,
        "programme/workinggroup_form.html",
        {"programme": programme, "form": form, "group": None},
    )


GROUPS = WorkingGroup.objects.select_related("programme")


def workinggroup_edit(request, pk):
    group = object_for(request, GROUPS, "din.change_din", pk=pk)
    programme = group.programme
    form = WorkingGroupForm(request.POST or None, instance=group, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            group = services.working_group_update(
                working_group_id=group.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved: %(item)s.") % {"item": group})
            return redirect(group)
    return render(
        request,
        "programme/workinggroup_form.html",
        {"programme": programme, "form": form, "group": group},
    )


def workinggroup_detail(request, pk):
    group = object_for(request, GROUPS, "din.view_din", pk=pk)
    programme = group.programme
    can_change = policy.allowed(request.user, "din.change_din", programme)
    return render(
        request,
        "programme/workinggroup_detail.html",
        {
            "programme": programme,
            "group": selectors.working_group_detail(pk),
            "can_change": can_change,
            "member_form": WorkingGroupMemberForm(programme=programme) if can_change else None,
            "history": entries(group),
            # what other apps add (reflection: the attention points that led to it)
            "sections": sections.sections_for("working_group", request, group, programme),
        },
    )


@require_POST
def workinggroup_member_add(request, pk):
    group = object_for(request, GROUPS, "din.change_din", pk=pk)
    programme = group.programme
    form = WorkingGroupMemberForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            services.working_group_member_add(
                working_group=group, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The member has been added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(group)


@require_POST
def workinggroup_member_remove(request, pk):
    member = object_for(
        request,
        WorkingGroupMember.objects.select_related("working_group__programme"),
        "din.change_din",
        pk=pk,
    )
    group = member.working_group
    services.working_group_member_remove(member_id=member.pk, by=request.user)
    messages.success(request, _("The member has been removed."))
    return redirect(group)
