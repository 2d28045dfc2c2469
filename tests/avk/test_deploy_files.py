"""The deploy files (deploy/, Dockerfile, docs/deploy.md) name real things.

Every `manage.py <command>` they run exists; the WSGI module gunicorn serves imports; every
timer has its service; every environment variable in the examples is one the settings read, and
every variable the settings read is in `.env.example` and docs/deploy.md; nginx serves the
static files from the STATIC_ROOT the environment file sets and gunicorn's address; the
example environment passes `check --deploy`.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
SYSTEMD = DEPLOY / "systemd"
NGINX = DEPLOY / "nginx" / "avk.conf"
ENV_FILE = DEPLOY / "avk.env"
DOCS = ROOT / "docs" / "deploy.md"
DOCKERFILE = ROOT / "Dockerfile"
#: Without these the portal refuses to start or serves nobody in production.
REQUIRED = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "EMAIL_URL",
    "PORTAL_BASE_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "USE_X_FORWARDED_PROTO",
}


def deploy_texts() -> dict[Path, str]:
    files = sorted(p for p in DEPLOY.rglob("*") if p.is_file())
    files += [DOCKERFILE, DOCS, ROOT / "Makefile"]
    return {path: path.read_text() for path in files}


def env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value
    return values


def variables_read_by_settings() -> set[str]:
    """The names in every env.<kind>("NAME", ...) or env("NAME") call of avk/settings.py."""
    tree = ast.parse((ROOT / "avk" / "settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        is_env = (isinstance(func, ast.Name) and func.id == "env") or (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "env"
        )
        first = node.args[0]
        if is_env and isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
    return names


def units(suffix: str) -> list[Path]:
    return sorted(SYSTEMD.glob(f"*.{suffix}"))


def exec_start(unit: Path) -> str:
    text = unit.read_text().replace("\\\n", " ")
    match = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE)
    assert match, f"{unit.name} has no ExecStart"
    return " ".join(match.group(1).split())


def test_the_files_are_there():
    assert DOCS.is_file() and NGINX.is_file() and ENV_FILE.is_file()
    assert (SYSTEMD / "avk-gunicorn.service").is_file()
    assert (SYSTEMD / "avk-worker.service").is_file()
    for name in ("avk-close-written-rounds", "avk-measurement-reminders"):
        assert (SYSTEMD / f"{name}.timer").is_file(), name
        assert (SYSTEMD / f"{name}.service").is_file(), name


def test_every_management_command_they_run_exists():
    commands = get_commands()
    named = {}
    for path, text in deploy_texts().items():
        for command in re.findall(r"(?:manage\.py|avk-manage)\s+([a-z][a-z0-9_]*)", text):
            named.setdefault(command, path.relative_to(ROOT))
    assert {"migrate", "collectstatic", "createcachetable", "backup", "restore"} <= set(named)
    assert {"check", "createsuperuser", "db_worker"} <= set(named)
    assert {"close_written_rounds", "send_measurement_reminders"} <= set(named)
    missing = {command: str(path) for command, path in named.items() if command not in commands}
    assert not missing, f"commands that do not exist: {missing}"


def test_gunicorn_serves_a_wsgi_module_that_imports():
    command = re.search(r"^CMD (\[.*\])$", DOCKERFILE.read_text(), re.MULTILINE).group(1)
    sources = [exec_start(SYSTEMD / "avk-gunicorn.service"), " ".join(json.loads(command))]
    sources += re.findall(r"gunicorn [^\n`]*--bind", DOCS.read_text())
    targets = set()
    for source in sources:
        targets.update(re.findall(r"(?:^|/|\s)gunicorn\s+([a-z_][\w.]*(?::\w+)?)\s+--", source))
    assert targets == {"avk.wsgi"}, targets
    module, _, attribute = "avk.wsgi".partition(":")
    application = getattr(importlib.import_module(module), attribute or "application")
    assert callable(application)
    assert f"{module}.application" == settings.WSGI_APPLICATION


def test_gunicorn_knows_every_option_it_is_given():
    from gunicorn.config import KNOWN_SETTINGS

    known = {flag for setting in KNOWN_SETTINGS for flag in setting.cli or ()}
    command = re.search(r"^CMD (\[.*\])$", DOCKERFILE.read_text(), re.MULTILINE).group(1)
    given = exec_start(SYSTEMD / "avk-gunicorn.service").split() + json.loads(command)
    flags = {word for word in given if word.startswith("-") and word != "-"}
    assert {"--bind", "--workers"} <= flags
    assert flags <= known, flags - known


def test_every_timer_starts_a_service_that_runs_a_command():
    timers = units("timer")
    assert len(timers) >= 2
    for timer in timers:
        service = timer.with_suffix(".service")
        assert service.is_file(), f"{timer.name} has no {service.name}"
        text = timer.read_text()
        assert re.search(r"^OnCalendar=\S", text, re.MULTILINE), timer.name
        assert "Persistent=true" in text, timer.name  # a missed run happens after a reboot
        assert "WantedBy=timers.target" in text
        assert re.search(r"manage\.py \w+", exec_start(service)), service.name
        assert "Type=oneshot" in service.read_text()


def test_every_unit_runs_from_the_same_place_with_the_environment_file():
    venv_bin = Path(sys.executable).parent
    for unit in units("service"):
        text = unit.read_text()
        assert "EnvironmentFile=/etc/avk/avk.env" in text, unit.name
        assert "WorkingDirectory=/srv/avk/app" in text, unit.name
        assert "User=avk" in text, unit.name
        program = exec_start(unit).split()[0]
        assert program.startswith("/srv/avk/venv/bin/"), unit.name
        # the program is one the portal's installation provides (python, gunicorn)
        assert (venv_bin / Path(program).name).exists(), f"{unit.name}: {program}"
        assert unit.name in DOCS.read_text(), f"docs/deploy.md does not name {unit.name}"
    for timer in units("timer"):
        assert timer.name in DOCS.read_text(), f"docs/deploy.md does not name {timer.name}"


def test_every_variable_in_the_examples_is_read_by_the_settings():
    read = variables_read_by_settings()
    assert {"SECRET_KEY", "DATABASE_URL", "CACHE_URL", "SESSION_STORE", "BACKUP_DIR"} <= read
    for example in (ENV_FILE, ROOT / ".env.example"):
        unknown = set(env_file(example)) - read
        assert not unknown, f"{example.name} sets variables nobody reads: {unknown}"
    assert set(env_file(ENV_FILE)) >= REQUIRED, REQUIRED - set(env_file(ENV_FILE))


def test_every_variable_the_settings_read_is_documented():
    read = variables_read_by_settings()
    example = set(env_file(ROOT / ".env.example"))
    assert read - example == set(), f"missing from .env.example: {read - example}"
    docs = DOCS.read_text()
    undocumented = {name for name in read if f"`{name}`" not in docs}
    assert not undocumented, f"missing from docs/deploy.md: {undocumented}"


def test_nginx_serves_the_static_root_and_proxies_to_gunicorn():
    conf = NGINX.read_text()
    static = re.search(r"location /(\w+)/ \{\s*alias ([^;]+);", conf)
    assert static, "nginx has no static location"
    assert f"{static.group(1)}/" == settings.STATIC_URL.strip("/") + "/"
    assert static.group(2).rstrip("/") == env_file(ENV_FILE)["STATIC_ROOT"]
    # The Dockerfile uses the same folders.
    assert f"STATIC_ROOT={env_file(ENV_FILE)['STATIC_ROOT']}" in DOCKERFILE.read_text()
    assert f"MEDIA_ROOT={env_file(ENV_FILE)['MEDIA_ROOT']}" in DOCKERFILE.read_text()
    # Uploaded files are never served by nginx: only through the portal's access checks.
    assert env_file(ENV_FILE)["MEDIA_ROOT"] not in conf
    bind = re.search(r"--bind (\S+)", exec_start(SYSTEMD / "avk-gunicorn.service")).group(1)
    assert re.search(rf"server {re.escape(bind)}\b", conf), f"nginx does not proxy to {bind}"
    body = re.search(r"client_max_body_size (\d+)m;", conf)
    largest = max(settings.GOVERNANCE_MAX_ATTACHMENT_BYTES, settings.IMPORT_MAX_UPLOAD_SIZE)
    assert int(body.group(1)) * 1024 * 1024 > largest
    assert "X-Forwarded-Proto $scheme" in conf
    assert env_file(ENV_FILE)["USE_X_FORWARDED_PROTO"] == "true"
    # django-axes reads the client's address from the header nginx sets from $remote_addr.
    assert "proxy_set_header X-Real-IP $remote_addr;" in conf
    assert env_file(ENV_FILE)["AXES_IPWARE_META_PRECEDENCE_ORDER"] == "HTTP_X_REAL_IP"


def test_the_dockerfile_installs_the_lock_file_that_exists():
    text = DOCKERFILE.read_text()
    for path in re.findall(r"-r (\S+)", text):
        assert (ROOT / path).is_file(), path
    assert "--require-hashes" in text
    major_minor = re.search(r"FROM python:(\d+\.\d+)", text).group(1)
    requires = re.search(r'requires-python = ">=(\d+\.\d+)"', (ROOT / "pyproject.toml").read_text())
    assert tuple(map(int, major_minor.split("."))) >= tuple(map(int, requires.group(1).split(".")))


def test_the_example_environment_passes_check_deploy():
    # Only what a server's systemd unit gives: PATH and the environment file.
    env = {"PATH": os.environ["PATH"], "HOME": str(ROOT), **env_file(ENV_FILE)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def settings_with(code: str, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"CACHE_URL", "SESSION_STORE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "avk.settings", "DEBUG": "true", **env})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_one_machine_needs_no_shared_cache_and_keeps_sessions_in_the_database():
    result = settings_with(
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(s.SESSION_ENGINE); print(s.AXES_HANDLER)"
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
        # failed logins are counted in the database, which every machine shares
        "axes.handlers.database.AxesDatabaseHandler",
    ], result.stderr


def test_several_machines_share_the_cache_and_sessions_through_the_environment():
    result = settings_with(
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']); "
        "print(s.SESSION_ENGINE)",
        CACHE_URL="dbcache://avk_cache",
        SESSION_STORE="cached_db",
    )
    assert result.stdout.splitlines() == [
        "django.core.cache.backends.db.DatabaseCache avk_cache",
        "django.contrib.sessions.backends.cached_db",
    ], result.stderr


def test_a_session_store_of_one_machine_is_refused():
    # "cache" would lose every session on a restart, "file" would keep them on one machine.
    for store in ("cache", "file"):
        result = settings_with("", SESSION_STORE=store)
        assert result.returncode != 0
        assert "SESSION_STORE must be db or cached_db" in result.stderr
