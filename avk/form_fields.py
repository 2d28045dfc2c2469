"""The fields of a plain form as crispy-forms' bootstrap5 pack draws them (`{% crispy form %}`),
written without its templates: `{% form_fields form %}` (avk's template tags).

Crispy renders a dozen templates per field, with some thirty tags and filters each; on a page
that shows a form to everyone who may use it (the budget's "record spending" form) that was a
tenth of the page's time (issue 15). This draws the same markup, whitespace aside, for the
ordinary case: a form whose helper is crispy's default without a layout (as avk's forms make
it: `form_tag` off), with text, number, date, select and textarea fields, and no errors (a
form is drawn with errors only when a post is refused). Anything else (checkboxes, radio
buttons, files, a layout, media, errors and their summary) returns None, and the tag lets
crispy draw the form, so the output never differs.
tests/avk/test_form_fields.py compares both on the portal's forms."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .html import esc

#: widgets drawn by crispy's field.html in its plain branch (a single input or select)
_PLAIN = (forms.widgets.Input, forms.Select, forms.Textarea)
_OTHER = (
    forms.CheckboxInput,
    forms.RadioSelect,
    forms.CheckboxSelectMultiple,
    forms.FileInput,
    forms.MultiWidget,
    forms.SelectMultiple,
)


def _plain_helper(form) -> bool:
    """The form's helper is crispy's own, as avk's forms make it: `form_tag` off and
    nothing else set (no layout, inputs, classes or attributes)."""
    helper = getattr(form, "helper", None)
    return type(helper) is FormHelper and vars(helper) == {
        "attrs": {},
        "inputs": [],
        "form_tag": False,
    }


def _widget_class(widget, css: str) -> None:
    """What crispy's `crispy_field` tag does to the widget's attrs: its class name in
    lowercase (e.g. "select", "dateinput"), then `css`, each once."""
    name = widget.__class__.__name__.lower()
    classes = widget.attrs.get("class", "")
    if classes:
        if classes.find(name) == -1:
            classes += f" {name}"
    else:
        classes = name
    for word in css.split():
        if word not in classes.split():
            classes += f" {word}"
    widget.attrs["class"] = classes


def _field(field) -> str:
    if field.is_hidden:
        return str(field)
    widget = field.field.widget
    out = [f'<div id="div_{escape(field.auto_id)}" class="mb-3{_extra(field)}">']
    if field.label:
        required = field.field.required
        target = f' for="{escape(field.id_for_label)}"' if field.id_for_label else ""
        star = '<span class="asteriskField">*</span>' if required else ""
        out.append(
            f'<label{target} class="form-label{" requiredField" if required else ""}">'
            f"{esc(field.label)}{star}</label>"
        )
    _widget_class(widget, "form-select" if isinstance(widget, forms.Select) else "form-control")
    out.append(str(field))
    if field.help_text:  # bootstrap5/layout/help_text.html: the help text is trusted markup
        target = f'id="{escape(field.auto_id)}_helptext" ' if field.auto_id else ""
        out.append(f'<div {target}class="form-text">{field.help_text}</div>')
    out.append("</div>")
    return "".join(out)


def _extra(field) -> str:
    classes = field.css_classes()
    return f" {escape(classes)}" if classes else ""


def fields_html(form) -> SafeString | None:
    """The form's fields as `{% crispy form %}` draws them, or None when the form is not
    the ordinary case this module draws (crispy then does)."""
    if not _plain_helper(form) or form.errors or str(form.media):
        return None
    fields = list(form)
    for field in fields:
        widget = field.field.widget
        if not field.is_hidden and (isinstance(widget, _OTHER) or not isinstance(widget, _PLAIN)):
            return None
    return mark_safe("".join(_field(field) for field in fields))  # noqa: S308 - escaped above
