"""Editing the DIN's items on the overview: programme lines, strategic and operational goals,
efforts and indicators are added, edited, moved and removed in place (htmx, and plain posts
without JS); each item's history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.history import entries
from avk.shortcuts import programme_for

from .. import services
from ..forms import (
    EffortForm,
    GoalDeleteForm,
    IndicatorForm,
    LineForm,
    OperationalGoalForm,
    StrategicGoalForm,
)
from ..models import Effort, Indicator, OperationalGoal, ProgrammeLine, StrategicGoal
from .overview import _anchor, _overview_url, _tree_response

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
    programme = programme_for(request, slug, "din.change_din")
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
            add_service_errors(form, error)
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
    programme = programme_for(request, slug, "din.change_din")
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
            add_service_errors(form, error)
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
    programme = programme_for(request, slug, "din.change_din")
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
    programme = programme_for(request, slug, "din.change_din")
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
                add_service_errors(form, error)
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
    programme = programme_for(request, slug, "din.view_din")
    obj = get_object_or_404(_kind(kind)["model"], pk=pk, programme=programme)
    return render(
        request,
        "programme/din_history.html",
        {
            "programme": programme,
            "obj": obj,
            "kind": kind,
            "kind_label": _KIND_LABELS()[kind],
            "history": entries(obj),
        },
    )
