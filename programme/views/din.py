"""The DIN pages: overview with in-place editing (htmx, and plain posts without JS), effort,
working group, indicator and health pages."""

from urllib.parse import parse_qs, urlparse

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.views import programme_for

from .. import permissions as policy
from .. import selectors, services
from ..forms_din import (
    DinFilterForm,
    EffortForm,
    GoalDeleteForm,
    IndicatorForm,
    LineForm,
    MeasurementForm,
    MeasurementReturnForm,
    OperationalGoalForm,
    StrategicGoalForm,
    WorkingGroupForm,
    WorkingGroupMemberForm,
)
from ..models import (
    Effort,
    Indicator,
    Measurement,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)

__all__ = [
    "din_add",
    "din_delete",
    "din_edit",
    "din_health",
    "din_history",
    "din_move",
    "din_overview",
    "effort_detail",
    "indicator_detail",
    "measurement_add",
    "measurement_resubmit",
    "measurement_review",
    "workinggroup_add",
    "workinggroup_detail",
    "workinggroup_edit",
    "workinggroup_member_add",
    "workinggroup_member_remove",
    "workinggroups",
]


# --- what each kind of DIN item is -------------------------------------------------------------

KINDS = {
    "line": {
        "model": ProgrammeLine,
        "form": LineForm,
        "parent": None,
        "create": lambda parent, programme, by, d: services.line_create(
            programme=programme, by=by, **d
        ),
        "update": lambda pk, v, by, d: services.line_update(line_id=pk, version=v, by=by, **d),
        "delete": lambda pk, by, **kw: services.line_delete(line_id=pk, by=by),
    },
    "strategic": {
        "model": StrategicGoal,
        "form": StrategicGoalForm,
        "parent": ProgrammeLine,
        "create": lambda parent, programme, by, d: services.strategic_goal_create(
            line=parent, by=by, **d
        ),
        "update": lambda pk, v, by, d: services.strategic_goal_update(
            goal_id=pk, version=v, by=by, **d
        ),
        "delete": lambda pk, by, **kw: services.strategic_goal_delete(goal_id=pk, by=by),
    },
    "operational": {
        "model": OperationalGoal,
        "form": OperationalGoalForm,
        "parent": StrategicGoal,
        "create": lambda parent, programme, by, d: services.operational_goal_create(
            strategic_goal=parent, by=by, **d
        ),
        "update": lambda pk, v, by, d: services.operational_goal_update(
            goal_id=pk, version=v, by=by, **d
        ),
        "delete": lambda pk, by, **kw: services.operational_goal_delete(goal_id=pk, by=by, **kw),
    },
    "effort": {
        "model": Effort,
        "form": EffortForm,
        "parent": OperationalGoal,
        "create": lambda parent, programme, by, d: services.effort_create(
            programme=programme, by=by, **d
        ),
        "update": lambda pk, v, by, d: services.effort_update(effort_id=pk, version=v, by=by, **d),
        "delete": lambda pk, by, **kw: services.effort_delete(effort_id=pk, by=by),
    },
    "indicator": {
        "model": Indicator,
        "form": IndicatorForm,
        "parent": OperationalGoal,
        "create": lambda parent, programme, by, d: services.indicator_create(
            goal=parent, by=by, **d
        ),
        "update": lambda pk, v, by, d: services.indicator_update(
            indicator_id=pk, version=v, by=by, **d
        ),
        "delete": lambda pk, by, **kw: services.indicator_delete(indicator_id=pk, by=by),
    },
}

MOVABLE = {"line", "strategic", "operational"}


def _kind(kind):
    try:
        return KINDS[kind]
    except KeyError:
        from django.http import Http404

        raise Http404 from None


_programme = programme_for


def _filters_of(request):
    """Filters from the page's own query string, also for htmx requests (HX-Current-URL)."""
    data = request.GET
    if getattr(request, "htmx", False) and request.htmx.current_url:
        data = {k: v[0] for k, v in parse_qs(urlparse(request.htmx.current_url).query).items()}
    return selectors.DinFilters.from_querydict(data)


def _tree_context(request, programme, focus=None):
    filters = _filters_of(request)
    return {
        "programme": programme,
        "tree": selectors.din_tree(programme, filters),
        "can_change": policy.can_change_din(request.user, programme),
        "focus": focus or {},
    }


def _tree_response(request, programme, focus=None, notice=""):
    context = _tree_context(request, programme, focus)
    context["notice"] = notice
    response = render(request, "programme/_din_tree.html", context)
    response["HX-Retarget"] = "#din-tree"
    response["HX-Reswap"] = "outerHTML"
    return response


def _overview_url(programme, anchor=""):
    url = reverse("programme:din", args=[programme.slug])
    return f"{url}#{anchor}" if anchor else url


def _anchor(kind, obj):
    return f"{kind}-{obj.pk}"


# --- overview ----------------------------------------------------------------------------------


def din_overview(request, slug):
    programme = _programme(request, slug, policy.can_view_din)
    if request.GET.get("partial") == "tree":
        return render(request, "programme/_din_tree.html", _tree_context(request, programme))
    context = _tree_context(request, programme)
    context["filter_form"] = DinFilterForm(
        request.GET or None, programme=programme, auto_id="filter_%s"
    )
    return render(request, "programme/din.html", context)


def _form_for(kind, request, programme, *, instance=None, parent=None, data=None):
    spec = KINDS[kind]
    kwargs = {"programme": programme}
    if kind in ("effort", "indicator") and instance is None:
        kwargs["goal"] = parent
    # ids unique on the page: the filter form and other open forms have fields of the same name
    suffix = instance.pk if instance is not None else f"new{parent.pk if parent else ''}"
    kwargs["auto_id"] = f"id_{kind}{suffix}_%s"
    return spec["form"](data, instance=instance, **kwargs)


def _service_data(kind, form):
    if kind == "effort":
        return form.service_kwargs()
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


_add_errors = add_service_errors


def _render_form(request, programme, kind, form, *, obj=None, parent=None, status=200):
    context = {
        "programme": programme,
        "kind": kind,
        "form": form,
        "obj": obj,
        "parent": parent,
        "kind_label": _KIND_LABELS()[kind],
    }
    if request.htmx:
        return render(request, "programme/_din_form.html", context, status=status)
    return render(request, "programme/din_item_form.html", context, status=status)


def _KIND_LABELS():  # noqa: N802 - translated at request time
    return {
        "line": _("programme line"),
        "strategic": _("strategic goal"),
        "operational": _("operational goal"),
        "effort": _("effort"),
        "indicator": _("indicator"),
    }


def din_add(request, slug, kind):
    programme = _programme(request, slug, policy.can_change_din)
    spec = _kind(kind)
    parent = None
    parent_id = request.POST.get("parent") or request.GET.get("parent")
    if spec["parent"] is not None and parent_id:
        parent = get_object_or_404(spec["parent"], pk=parent_id, programme=programme)
    elif spec["parent"] is not None and kind not in ("effort",):
        raise PermissionDenied  # a goal or indicator needs its parent
    form = _form_for(
        kind,
        request,
        programme,
        parent=parent,
        data=request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            obj = spec["create"](parent, programme, request.user, _service_data(kind, form))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            notice = _("Added: %(item)s.") % {"item": obj}
            if request.htmx:
                return _tree_response(request, programme, notice=notice)
            messages.success(request, notice)
            return redirect(_overview_url(programme, _anchor(kind, obj)))
    return _render_form(
        request,
        programme,
        kind,
        form,
        parent=parent,
        status=200,
    )


def din_edit(request, slug, kind, pk):
    programme = _programme(request, slug, policy.can_change_din)
    spec = _kind(kind)
    obj = get_object_or_404(spec["model"], pk=pk, programme=programme)
    form = _form_for(
        kind,
        request,
        programme,
        instance=obj,
        data=request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            obj = spec["update"](
                obj.pk, form.cleaned_data["version"], request.user, _service_data(kind, form)
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            notice = _("Saved: %(item)s.") % {"item": obj}
            if request.htmx:
                return _tree_response(request, programme, notice=notice)
            messages.success(request, notice)
            if kind in ("effort", "indicator") and request.POST.get("next") == "detail":
                return redirect(obj)
            return redirect(_overview_url(programme, _anchor(kind, obj)))
    return _render_form(
        request,
        programme,
        kind,
        form,
        obj=obj,
        status=200,
    )


@require_POST
def din_move(request, slug, kind, pk):
    programme = _programme(request, slug, policy.can_change_din)
    if kind not in MOVABLE:
        raise PermissionDenied
    obj = get_object_or_404(KINDS[kind]["model"], pk=pk, programme=programme)
    direction = request.POST.get("direction", "")
    try:
        services.din_item_move(item=obj, direction=direction, by=request.user)
        notice = _("Moved: %(item)s.") % {"item": obj}
    except ValidationError as error:
        notice = " ".join(error.messages)
        if not request.htmx:
            messages.error(request, notice)
    if request.htmx:
        return _tree_response(
            request, programme, focus={"kind": kind, "pk": obj.pk, "dir": direction}, notice=notice
        )
    return redirect(_overview_url(programme, _anchor(kind, obj)))


def din_delete(request, slug, kind, pk):
    programme = _programme(request, slug, policy.can_change_din)
    spec = _kind(kind)
    obj = get_object_or_404(spec["model"], pk=pk, programme=programme)
    needs_choice = kind == "operational" and (obj.effort_links.exists() or obj.indicators.exists())
    form = GoalDeleteForm(request.POST or None, goal=obj) if needs_choice else None
    if request.method == "POST" and (form is None or form.is_valid()):
        extra = {}
        if form is not None:
            extra = {
                "efforts": form.cleaned_data["efforts"],
                "move_to": form.cleaned_data["move_to"],
            }
        try:
            spec["delete"](obj.pk, request.user, **extra)
        except ValidationError as error:
            if form is not None:
                _add_errors(form, error)
            else:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(_overview_url(programme, _anchor(kind, obj)))
        else:
            messages.success(request, _("Removed: %(item)s.") % {"item": obj})
            return redirect(_overview_url(programme))
    return render(
        request,
        "programme/din_delete.html",
        {
            "programme": programme,
            "obj": obj,
            "kind": kind,
            "kind_label": _KIND_LABELS()[kind],
            "form": form,
            "effort_links": obj.effort_links.select_related("effort") if needs_choice else [],
        },
    )


def din_history(request, slug, kind, pk):
    """The history of changes of a line or goal (who, when, what)."""
    programme = _programme(request, slug, policy.can_view_din)
    obj = get_object_or_404(_kind(kind)["model"], pk=pk, programme=programme)
    return render(
        request,
        "programme/din_history.html",
        {
            "programme": programme,
            "obj": obj,
            "kind": kind,
            "kind_label": _KIND_LABELS()[kind],
            "history": selectors.history_entries(obj),
        },
    )


# --- detail pages ------------------------------------------------------------------------------


def effort_detail(request, pk):
    effort = get_object_or_404(Effort.objects.select_related("programme"), pk=pk)
    programme = _programme(request, effort.programme.slug, policy.can_view_din)
    effort = selectors.effort_detail(pk)
    return render(
        request,
        "programme/effort_detail.html",
        {
            "programme": programme,
            "effort": effort,
            "can_change": policy.can_change_din(request.user, programme),
            "history": selectors.history_entries(effort),
        },
    )


def workinggroups(request, slug):
    programme = _programme(request, slug, policy.can_view_din)
    can_change = policy.can_change_din(request.user, programme)
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
    programme = _programme(request, slug, policy.can_change_din)
    form = WorkingGroupForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            group = services.working_group_create(programme=programme, by=request.user, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Added: %(item)s.") % {"item": group})
            return redirect(group)
    return render(
        request,
        "programme/workinggroup_form.html",
        {"programme": programme, "form": form, "group": None},
    )


def workinggroup_edit(request, pk):
    group = get_object_or_404(WorkingGroup.objects.select_related("programme"), pk=pk)
    programme = _programme(request, group.programme.slug, policy.can_change_din)
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
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved: %(item)s.") % {"item": group})
            return redirect(group)
    return render(
        request,
        "programme/workinggroup_form.html",
        {"programme": programme, "form": form, "group": group},
    )


def workinggroup_detail(request, pk):
    group = get_object_or_404(WorkingGroup.objects.select_related("programme"), pk=pk)
    programme = _programme(request, group.programme.slug, policy.can_view_din)
    can_change = policy.can_change_din(request.user, programme)
    return render(
        request,
        "programme/workinggroup_detail.html",
        {
            "programme": programme,
            "group": selectors.working_group_detail(pk),
            "can_change": can_change,
            "member_form": WorkingGroupMemberForm(programme=programme) if can_change else None,
            "history": selectors.history_entries(group),
        },
    )


@require_POST
def workinggroup_member_add(request, pk):
    group = get_object_or_404(WorkingGroup.objects.select_related("programme"), pk=pk)
    programme = _programme(request, group.programme.slug, policy.can_change_din)
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
    member = get_object_or_404(
        WorkingGroupMember.objects.select_related("working_group__programme"), pk=pk
    )
    group = member.working_group
    _programme(request, group.programme.slug, policy.can_change_din)
    services.working_group_member_remove(member_id=member.pk, by=request.user)
    messages.success(request, _("The member has been removed."))
    return redirect(group)


def indicator_detail(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("programme"), pk=pk)
    programme = _programme(request, indicator.programme.slug, policy.can_view_din)
    return _indicator_page(request, programme, selectors.indicator_detail(pk))


def _indicator_page(request, programme, indicator, *, form=None, status=200):
    """The policy is asked once per page, not per measurement: every row is of the same
    indicator, so the answers are the same."""
    user = request.user
    can_change = policy.can_change_din(user, programme)
    can_enter = policy.can_enter_measurement(user, indicator)
    measurements = list(indicator.measurements.all())
    for m in measurements:
        m.may_review = m.status == "concept" and can_change  # = can_review_measurement
        m.may_resubmit = m.status == "teruggestuurd" and policy.can_resubmit_measurement(
            user, m, may_enter=can_enter
        )
    return render(
        request,
        "programme/indicator_detail.html",
        {
            "programme": programme,
            "indicator": indicator,
            "measurements": measurements,
            "can_change": can_change,
            "can_enter": can_enter,
            "form": form or MeasurementForm(),
            "history": selectors.history_entries(indicator),
        },
        status=status,
    )


@require_POST
def measurement_add(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("programme"), pk=pk)
    programme = _programme(request, indicator.programme.slug, policy.can_view_din)
    if not policy.can_enter_measurement(request.user, indicator):
        raise PermissionDenied
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            measurement = services.measurement_enter(
                indicator=indicator, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if measurement.status == "goedgekeurd":
                messages.success(request, _("The measurement has been recorded and counts."))
            else:
                messages.success(
                    request,
                    _(
                        "The measurement has been recorded as a draft; the programme team "
                        "reviews it."
                    ),
                )
            return redirect(indicator)
    return _indicator_page(
        request, programme, selectors.indicator_detail(pk), form=form, status=422
    )


def _posted_version(request) -> int | None:
    """The version the page was rendered with, or None when the post is damaged."""
    try:
        return forms.IntegerField(min_value=0).clean(request.POST.get("version"))
    except ValidationError:
        return None


def _damaged(request, programme, indicator):
    """A post with a missing or tampered hidden field: the page again with a message, 400."""
    messages.error(
        request,
        _("The form was damaged or is out of date. Reload the page and try again."),
    )
    return _indicator_page(request, programme, selectors.indicator_detail(indicator.pk), status=400)


@require_POST
def measurement_review(request, pk):
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator__programme"), pk=pk
    )
    indicator = measurement.indicator
    programme = _programme(request, indicator.programme.slug, policy.can_view_din)
    if not policy.can_review_measurement(request.user, measurement):
        raise PermissionDenied
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            version = _posted_version(request)
            if version is None:
                return _damaged(request, programme, indicator)
            services.measurement_approve(measurement_id=pk, version=version, by=request.user)
            messages.success(request, _("The measurement has been approved."))
        elif decision == "return":
            form = MeasurementReturnForm(request.POST)
            if not form.is_valid():
                if "version" in form.errors:
                    return _damaged(request, programme, indicator)
                for message in form.errors.get("remark", []):
                    messages.error(request, f"{form['remark'].label}: {message}")
                return redirect(indicator)
            services.measurement_return(
                measurement_id=pk,
                version=form.cleaned_data["version"],
                by=request.user,
                remark=form.cleaned_data["remark"],
            )
            messages.success(
                request,
                _("The measurement has been sent back; %(who)s gets an e-mail.")
                % {"who": measurement.entered_by or "-"},
            )
        else:
            messages.error(request, _("Choose to approve or to send back."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(indicator)


@require_POST
def measurement_resubmit(request, pk):
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator__programme"), pk=pk
    )
    indicator = measurement.indicator
    programme = _programme(request, indicator.programme.slug, policy.can_view_din)
    if not policy.can_resubmit_measurement(request.user, measurement):
        raise PermissionDenied
    version = _posted_version(request)
    if version is None:
        return _damaged(request, programme, indicator)
    form = MeasurementForm(request.POST, instance=measurement)
    if form.is_valid():
        try:
            services.measurement_resubmit(
                measurement_id=pk,
                version=version,
                by=request.user,
                value=form.cleaned_data["value"],
                narrative=form.cleaned_data["narrative"],
                source=form.cleaned_data["source"],
                period_label=form.cleaned_data["period_label"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The corrected measurement is offered again."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(indicator)


def din_health(request, slug):
    programme = _programme(request, slug, policy.can_view_din)
    health = selectors.din_health(programme)
    titles = {
        "goals_without_efforts": _("Operational goals without efforts"),
        "efforts_without_goals": _("Efforts that serve no goal"),
        "efforts_without_lead": _("Efforts without a lead"),
        "efforts_without_partners": _("Efforts without partners"),
        "indicators_without_measurement": _(
            "Indicators without an approved measurement in the last year"
        ),
        "efforts_overdue": _("Efforts past their end month still running"),
    }
    sections = [
        {"key": key, "title": titles[key], "items": health[key]}
        for key in selectors.din.HEALTH_CHECKS
    ]
    return render(
        request,
        "programme/health.html",
        {
            "programme": programme,
            "sections": sections,
            "total": sum(len(s["items"]) for s in sections),
            "awaiting": list(selectors.measurements_awaiting_approval(programme)[:50]),
        },
    )
