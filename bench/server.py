"""What bench/pages.py and bench/load.py share: the environment of a production-like portal on
PostgreSQL (DEBUG off, static files collected into a temporary STATIC_ROOT and served by
WhiteNoise), preparing its database, gunicorn, and a logged-in HTTP client."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/avk_bench"


def environment(database_url: str, port: int, static_root: str | None = None) -> dict:
    """The portal as deployed, over plain HTTP on loopback (the TLS proxy is left out: no
    HTTPS redirect, cookies not marked Secure)."""
    env = dict(os.environ)
    media = env.get("BENCH_MEDIA_ROOT") or tempfile.mkdtemp(prefix="avk-bench-media-")
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_ROOT": static_root or tempfile.mkdtemp(prefix="avk-bench-static-"),
            "MEDIA_ROOT": media,
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def _database(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.path.lstrip("/"), urllib.parse.urlunsplit(parts._replace(path="/postgres"))


def create_database(url: str, *, fresh: bool = False) -> bool:
    """Create the database of `url` (dropping it first when `fresh`); True when made new."""
    import psycopg2

    name, admin_url = _database(url)
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"unexpected database name {name!r}")
    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        if fresh:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        made = cursor.fetchone() is None
        if made:
            cursor.execute(f"CREATE DATABASE {name}")
    connection.close()
    return made


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env: dict, *, scales=(1, 10), demo: bool = True, fresh: bool = False) -> None:
    """Migrate, collect the static files, generate the programmes (and the demo, for the
    phase plans); what exists already is kept."""
    create_database(env["DATABASE_URL"], fresh=fresh)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    subprocess.run(
        [PYTHON, "-m", "bench.generate", *[f"--scale={s}" for s in scales]],
        cwd=ROOT,
        env=env,
        check=True,
    )
    if demo and not _has_demo(env["DATABASE_URL"]):
        manage(env, "load_demo", "--force", "-v0")
    analyse(env["DATABASE_URL"])


def analyse(url: str) -> None:
    """Table statistics, as autovacuum keeps them on a production server: the rows were just
    bulk-created, and a server with autovacuum off (this machine's) would otherwise plan every
    query on an empty table's guesses."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    finally:
        connection.close()


def _has_demo(url: str) -> bool:
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM programme_programme WHERE slug = 'avk'")
            return cursor.fetchone() is not None
    finally:
        connection.close()


@contextmanager
def gunicorn(env: dict, port: int, workers: int = 3, timeout: int = 120):
    """gunicorn as deployed (README "Deploying"), stopped afterwards."""
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "avk.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            f"--timeout={timeout}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=10) as answer:
                    if answer.status == 200:
                        break
            except OSError:  # not listening yet, or still starting (URLError, timeouts)
                pass
            if process.poll() is not None:
                raise SystemExit("gunicorn stopped at start")
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not answer /healthz")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


class Browser:
    """A logged-in client: the session cookie of a real login through the login form."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def login(self, username: str, password: str) -> Browser:
        page = self.get("/accounts/login/")[1].decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            self.base + "/accounts/login/", data=data, headers={"Referer": self.base + "/"}
        )
        with self.opener.open(request, timeout=60) as answer:
            answer.read()
        if not self.cookie("sessionid"):
            raise SystemExit(f"login of {username} failed")
        return self

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with self.opener.open(self.base + path, timeout=120) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def time(self, path: str) -> float:
        """Seconds for one GET, the whole body read; a non-200 answer stops the benchmark."""
        start = time.perf_counter()
        status, _body = self.get(path)
        took = time.perf_counter() - start
        if status != 200:
            raise SystemExit(f"GET {path}: {status}")
        return took
