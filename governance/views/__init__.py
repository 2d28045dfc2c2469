"""Governance pages. Thin: parse, ask the policy (403 otherwise), call a service or selector,
render. Workflow refusals (ValidationError) are shown as messages or form errors."""

from .decisions import *  # noqa: F403
from .meetings import *  # noqa: F403
from .proposals import *  # noqa: F403
