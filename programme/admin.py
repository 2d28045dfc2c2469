"""Django's admin autodiscovery imports `programme.admin`: it registers both areas' admins."""

from .core import admin as core_admin
from .din import admin as din_admin

__all__ = ["core_admin", "din_admin"]
