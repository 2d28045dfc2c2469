"""Settings for the test suite: the real settings, with what only makes tests slow or brittle."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789abcdef")

from avk.settings import *  # noqa: E402, F403
from avk.settings import STORAGES  # noqa: E402

# The manifest needs collectstatic; tests render pages from the plain static folder.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
MEDIA_ROOT = tempfile.mkdtemp(prefix="avk-test-media-")
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests: find files on request
# Tasks run at once in the test's own thread; tests/avk/test_tasks.py runs the database backend
# and its worker for real.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
INSTALLED_APPS = [*INSTALLED_APPS, "tests.adoptable"]  # noqa: F405 - the decide step's test model
