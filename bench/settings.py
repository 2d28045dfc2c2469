"""Settings for the benchmarks: the portal's own settings, plus the floor views (`bench.urls`).

Used only by bench/*.py (`DJANGO_SETTINGS_MODULE=bench.settings`); the product never loads it.
"""

from avk.settings import *  # noqa: F403
from avk.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # its templates (the floor page)
ROOT_URLCONF = "bench.urls"
