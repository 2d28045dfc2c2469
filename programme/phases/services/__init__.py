"""Every change to a phase plan goes through these functions (views, admin, demo). Each asks
the gate first (`avk.policy.require`), so pages, the admin and the demo cannot differ. Adoption
happens only through governance's decide step, which calls `plan_adopt` (`avk.adoption`)."""

from .adoption import plan_adopt, plan_check, plan_submit
from .attention import attention_release, attention_take_up
from .documents import plan_docx, plan_pdf, render, render_docx
from .plans import plan_close, plan_create, plan_update
from .selection import selection_set

__all__ = [
    "attention_release",
    "attention_take_up",
    "plan_adopt",
    "plan_check",
    "plan_close",
    "plan_create",
    "plan_docx",
    "plan_pdf",
    "plan_submit",
    "plan_update",
    "render",
    "render_docx",
    "selection_set",
]
