"""Django's admin autodiscovery imports `programme.admin`: it registers the areas' admins."""

from .core import admin as core_admin
from .din import admin as din_admin
from .phases import admin as phases_admin

__all__ = ["core_admin", "din_admin", "phases_admin"]
