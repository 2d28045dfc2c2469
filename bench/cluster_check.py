"""Two portal instances, one PostgreSQL: nothing assumes one machine (`make cluster-check`).

Starts two gunicorn instances (production settings, DEBUG off) on two loopback ports against one
PostgreSQL database of their own, with the database cache (CACHE_URL=dbcache://), sessions in the
database and one MEDIA_ROOT (a temporary folder standing in for shared storage), loads the demo
data, and shows over HTTP that:

  1. a person logged in through one instance is logged in on the other (same session cookie);
  2. a stale save (a form opened before a save through the other instance) is refused with the
     concurrent-edit message;
  3. an attachment uploaded through one instance downloads, byte for byte, through the other;
  4. a lock-out (django-axes: too many failed logins) through one holds on the other.

Prints each check; exits non-zero when one fails. The servers are always stopped and the database
dropped. Environment: CLUSTER_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/avk_cluster;
the database is dropped and created), CLUSTER_PORTS (default "8104 8114").

    .venv/bin/python bench/cluster_check.py
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from pypdf import PdfWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.http_client import Client, FormReader, Response, login, post, url  # noqa: E402

BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/avk_cluster"
)
PORTS = [int(port) for port in os.environ.get("CLUSTER_PORTS", "8104 8114").split()]
PASSWORD = "avk-demo"
FAILURE_LIMIT = 3
STALE = "nadat u het opende"  # the concurrent-edit message (avk.concurrency), in Dutch
CONCEPT_TITLE = "Ontmoetingen met de afvaardigingen van de partners"  # governance/demo.py

started = time.monotonic()


def say(text: str) -> None:
    print(f"[{time.monotonic() - started:5.1f}s] {text}", flush=True)


class Failed(Exception):
    pass


def check(condition: bool, text: str) -> None:
    if not condition:
        raise Failed(text)
    say(f"OK   {text}")


# --- the database ---------------------------------------------------------------------------


def _admin_connection():
    parts = urlsplit(DATABASE_URL)
    connection = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    connection.autocommit = True
    return connection, parts.path.lstrip("/")


def recreate_database() -> None:
    connection, name = _admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def drop_database() -> None:
    connection, name = _admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def query_one(sql: str, params=()):
    connection = psycopg2.connect(DATABASE_URL)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]
    finally:
        connection.close()


# --- the instances --------------------------------------------------------------------------


def environment(folder: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "avk.settings",
        "DEBUG": "false",
        "SECRET_KEY": "cluster-check-one-secret-shared-by-both-instances-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": "dbcache://avk_cache",
        "SESSION_STORE": "db",
        "MEDIA_ROOT": str(folder / "media"),  # one folder for both: the shared storage
        "STATIC_ROOT": str(folder / "static"),
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, no TLS proxy in front
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "AXES_FAILURE_LIMIT": str(FAILURE_LIMIT),
        "EMAIL_URL": "consolemail://",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> None:
    begun = time.monotonic()
    subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    say(f"manage.py {args[0]} ({time.monotonic() - begun:.0f}s)")


def start(env: dict, port: int, folder: Path) -> subprocess.Popen:
    log = open(folder / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "avk.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "120",
            "--control-socket",  # gunicorn's default, ~/.gunicorn/gunicorn.ctl, is one per user
            str(folder / f"gunicorn-{port}.ctl"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopped with its workers
    )


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failed(f"gunicorn on port {port} stopped (exit {process.returncode})")
        try:
            if Client().get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise Failed(f"gunicorn on port {port} did not answer /healthz within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)  # gunicorn's quick shutdown
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# --- what the checks read and send (over bench/http_client.py) ------------------------------


def edit_form(response: Response) -> dict:
    """The fields of the page's first POST form that holds a `version` input."""
    reader = FormReader()
    reader.feed(response.text)
    for form in reader.forms:
        if "version" in form["fields"]:
            return dict(form["fields"])
    raise Failed(f"no edit form with a version on {response.url}")


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Verslag ontmoetingen"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --- the checks -----------------------------------------------------------------------------


def check_session(a: int, b: int) -> Client:
    first = Client()
    response = login(first, a, "programmateam", PASSWORD)
    check(
        response.status_code == 302 and first.cookie("sessionid") is not None,
        f"programmateam logs in through :{a}",
    )
    second = Client()  # another client that carries only the session cookie
    second.jar.set_cookie(first.cookie("sessionid"))
    home = second.get(url(b, "/"))
    check(
        home.status_code == 200 and "Saskia Duursma" in home.text,
        f"the same session cookie is logged in on :{b} (home page shows Saskia Duursma)",
    )
    anonymous = Client().get(url(b, "/"))
    check(
        anonymous.status_code == 302 and "/accounts/login/" in anonymous.headers["Location"],
        f"without the cookie :{b} asks for a login",
    )
    return first


def check_stale_save(session: Client, a: int, b: int) -> None:
    path = "/programmes/avk/edit/"
    opened_on_a = edit_form(session.get(url(a, path)))
    opened_on_b = edit_form(session.get(url(b, path)))
    field = next(name for name in ("ambition", "description", "name") if name in opened_on_b)
    opened_on_b[field] = [opened_on_b[field][0].rstrip() + " (bewaard via de tweede server)"]
    saved = post(session, b, path, opened_on_b)
    check(saved.status_code == 302, f"a save through :{b} is accepted (field {field})")
    opened_on_a[field] = [opened_on_a[field][0].rstrip() + " (oude versie via de eerste server)"]
    stale = post(session, a, path, opened_on_a)
    check(
        stale.status_code == 200 and STALE in stale.text,
        f"the stale save through :{a} (version {opened_on_a['version'][0]}) is refused with "
        f"the concurrent-edit message",
    )
    check(
        "tweede server" in session.get(url(a, "/programmes/avk/")).text,
        f":{a} shows the change saved through :{b}",
    )


def check_attachment(session: Client, a: int, b: int) -> None:
    proposal = query_one("SELECT id FROM governance_proposal WHERE title = %s", [CONCEPT_TITLE])
    content = pdf_bytes()
    page = session.get(url(a, f"/governance/proposals/{proposal}/"))
    before = set(re.findall(r"/governance/attachments/(\d+)/", page.text))
    uploaded = post(
        session,
        a,
        f"/governance/proposals/{proposal}/attachments/",
        {"title": "Verslag ontmoetingen"},
        files={"file": ("verslag-ontmoetingen.pdf", content, "application/pdf")},
    )
    check(uploaded.status_code == 302, f"an attachment is sent to :{a}")
    page = session.get(url(b, f"/governance/proposals/{proposal}/"))
    new = set(re.findall(r"/governance/attachments/(\d+)/", page.text)) - before
    check(len(new) == 1, f"the proposal's page on :{b} lists the new attachment")
    download = session.get(url(b, f"/governance/attachments/{new.pop()}/"))
    check(
        download.status_code == 200
        and download.content == content
        and download.headers.get("Content-Disposition", "").startswith("attachment"),
        f"it downloads through :{b}, byte for byte ({len(content)} bytes)",
    )


def check_lockout(a: int, b: int) -> None:
    client = Client()
    for attempt in range(FAILURE_LIMIT):
        response = login(client, a, "partner", f"wrong-{attempt}")
    check(response.status_code == 429, f"{FAILURE_LIMIT} failed logins lock 'partner' out on :{a}")
    other = Client()
    response = login(other, b, "partner", PASSWORD)
    check(
        response.status_code == 429 and other.cookie("sessionid") is None,
        f"the lock-out holds on :{b}: the right password is refused there too",
    )


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="avk-cluster-"))
    env = environment(folder)
    servers: list[subprocess.Popen] = []
    static = None
    ok = False
    try:
        say(f"database {urlsplit(DATABASE_URL).path.lstrip('/')}, shared media in {folder}")
        recreate_database()
        static = subprocess.Popen(  # meanwhile: it needs no database
            [str(BIN / "python"), "manage.py", "collectstatic", "--noinput"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(env, "load_demo", "--force")
        if static.wait() != 0:
            raise Failed("collectstatic failed")
        say("migrated, demo data loaded; starting two gunicorn instances")
        for port in PORTS:
            servers.append(start(env, port, folder))
        for port, server in zip(PORTS, servers, strict=True):
            wait_until_up(port, server)
        a, b = PORTS
        say(f"instances up on :{a} and :{b}")
        session = check_session(a, b)
        check_stale_save(session, a, b)
        check_attachment(session, a, b)
        check_lockout(a, b)  # last: it locks the address 127.0.0.1 as well
        ok = True
    except (Failed, subprocess.CalledProcessError, OSError, psycopg2.Error) as error:
        say(f"FAIL {error}")
        for log in sorted(folder.glob("gunicorn-*.log")):
            tail = log.read_text(errors="replace").splitlines()[-20:]
            if tail:
                print(f"--- {log.name} (last lines)", *tail, sep="\n")
    finally:
        if static is not None and static.poll() is None:
            static.kill()
            static.wait()
        for server in servers:
            stop(server)
        say("servers stopped")
        try:
            drop_database()
        except psycopg2.Error as error:
            say(f"could not drop the database: {error}")
        else:
            say("database dropped")
        shutil.rmtree(folder, ignore_errors=True)
    say("all cluster checks passed" if ok else "cluster check FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
