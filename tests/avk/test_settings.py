"""Configuration comes from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "avk.settings", **env})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_python("import django; django.setup()", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_uses_development_secret_and_sqlite_by_default():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE']); print(s.SECRET_KEY.startswith('dev-only')); "
        "print(s.TIME_ZONE, s.LANGUAGE_CODE, s.EMAIL_BACKEND)",
        DEBUG="true",
    )
    assert result.returncode == 0, result.stderr
    engine, dev_secret, rest = result.stdout.strip().splitlines()
    assert engine == "django.db.backends.sqlite3"
    assert dev_secret == "True"
    assert rest == "Europe/Amsterdam nl django.core.mail.backends.console.EmailBackend"


def test_settings_read_from_environment():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']); "
        "print(s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.MEDIA_ROOT, s.EMAIL_HOST)",
        DEBUG="false",
        SECRET_KEY="x" * 60,
        DATABASE_URL="postgres://postgres@db.example.org:5432/portal",
        ALLOWED_HOSTS="portal.example.org,www.example.org",
        CSRF_TRUSTED_ORIGINS="https://portal.example.org",
        MEDIA_ROOT="/srv/portal/media",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.example.org:587",
    )
    assert result.returncode == 0, result.stderr
    db_line, rest = result.stdout.strip().splitlines()
    assert db_line == "django.db.backends.postgresql portal"
    assert rest == (
        "['portal.example.org', 'www.example.org'] ['https://portal.example.org'] "
        "/srv/portal/media smtp.example.org"
    )


def test_check_deploy_is_clean_with_production_settings():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="avk.settings",
        DEBUG="false",
        SECRET_KEY="k9$Zq!vL2#pW8^rT5&yU1*oI4(eA7)sD3_fG6+hJ0-lK9=mN2~bV5xC8zQ1wE4r",
        ALLOWED_HOSTS="portal.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_debug_is_on():
    """The check above can fail: with DEBUG on it reports, so a clean run means something."""
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="avk.settings", DEBUG="true")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr
