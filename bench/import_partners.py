"""Benchmark of the partner list import: a 5.000-row xlsx through the import page's preview
(the dry run: read, checked, nothing saved) and confirmation (the real run: partners and
commitments saved), as the secretary. Not a test; prints the time, the queries and the peak
memory (resident set size of this process) of each run (target: the two together under 15 s).

    .venv/bin/python bench/import_partners.py [rows]

Runs on a fresh SQLite database in a temporary folder (or on DATABASE_URL if set), never on
the project's db.sqlite3.
"""

from __future__ import annotations

import io
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FOLDER = tempfile.mkdtemp(prefix="avk-bench-")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{FOLDER}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "avk.settings")
os.environ.setdefault("MEDIA_ROOT", FOLDER)

import django  # noqa: E402

django.setup()

from datetime import date  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from openpyxl import Workbook  # noqa: E402

HEADINGS = [
    "Naam",
    "Korte naam",
    "Soort",
    "Gemeente",
    "Website",
    "Telefoon",
    "E-mail",
    "Pakket",
    "Ingangsdatum",
    "Jaarlijkse bijdrage",
]
KINDS = ["gemeente", "Onderwijs", "zorg", "GGZ/verslavingszorg", "welzijn", "wonen"]


def workbook(rows: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Partners"
    sheet.append(["Partnerlijst (benchmark)"])
    sheet.append(HEADINGS)
    for number in range(rows):
        sheet.append(
            [
                f" Organisatie {number} ",
                f"O{number}",
                KINDS[number % len(KINDS)],
                "Emmen",
                f"www.organisatie{number}.nl",
                "050 - 123 45 67",
                f"Info@Organisatie{number}.NL ",
                "ABC"[number % 3],
                date(2024, 1, 1) if number % 2 else "01-01-2024",
                "2.500,00" if number % 2 else 2500,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def peak_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    # As served: no test instrumentation (which copies every template's context).
    settings.ALLOWED_HOSTS = ["*"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = FOLDER
    settings.DEBUG = True  # count the queries
    call_command("migrate", verbosity=0)
    from avk.access import Role
    from partners.models import Commitment, CommitmentPackage, Partner
    from tests.factories import ProgrammeFactory, RoleAssignmentFactory, UserFactory

    programme = ProgrammeFactory(slug="bench", short_name="Bench", name="Benchmark")
    for order, code in enumerate("ABC"):
        CommitmentPackage.objects.create(
            programme=programme,
            code=code,
            name=f"Pakket {code}",
            yearly_contribution=Decimal("1000"),
            order=order,
        )
    secretary = UserFactory(username="bench-secretary")
    RoleAssignmentFactory(programme=programme, user=secretary, role=Role.SECRETARIAT)
    client = Client()
    client.force_login(secretary)
    content = workbook(rows)
    print(f"{rows} rows, {len(content) / 1024:.0f} KB xlsx; peak memory before: {peak_mb():.0f} MB")

    reset_queries()
    start = time.perf_counter()
    preview = client.post(
        reverse("partners:import", args=[programme.slug]),
        {"kind": "partners", "file": SimpleUploadedFile("partners.xlsx", content)},
    )
    preview_time = time.perf_counter() - start
    html = preview.content.decode()
    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found, "the preview refused the file"
    print(
        f"dry run (preview):      {preview_time:6.2f} s, {len(connection.queries)} queries, "
        f"peak memory {peak_mb():.0f} MB"
    )

    reset_queries()
    start = time.perf_counter()
    done = client.post(
        reverse("partners:import-confirm", args=[programme.slug]),
        {"token": found.group(1), "kind": "partners"},
    )
    confirm_time = time.perf_counter() - start
    assert done.status_code == 302, done.status_code
    print(
        f"real run (confirmation): {confirm_time:6.2f} s, {len(connection.queries)} queries, "
        f"peak memory {peak_mb():.0f} MB; "
        f"{Partner.objects.count()} partners, {Commitment.objects.count()} commitments"
    )
    total = preview_time + confirm_time
    print(f"total: {total:6.2f} s (target under 15 s: {'met' if total < 15 else 'NOT met'})")


if __name__ == "__main__":
    main()
