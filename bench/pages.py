"""Page benchmark (issue 15): the main pages against their floor and the Django admin, at AVK
size and at ten times that; the phase-plan PDF against WeasyPrint's floor; the 5.000-row import.

    .venv/bin/python -m bench.pages [--repeat 30] [--fresh] [--skip-pdf] [--skip-import]
    make bench

The portal runs as deployed: gunicorn (3 workers), DEBUG off, PostgreSQL (DATABASE_URL, by
default postgres://postgres@127.0.0.1:5432/avk_bench; the database is created when missing and
kept between runs, `--fresh` makes it anew), static files collected into a temporary
STATIC_ROOT and served by WhiteNoise. The client logs in through the login form as the
programme team of `bench-1x` and `bench-10x` (bench/generate.py).

For each page: the median and 95th percentile of `--repeat` sequential requests (after three
to warm up; page, floor and admin requested in turn), beside the floor (bench/floors.py: the
same rows in one query, a plain table in the portal's base template) and the admin changelist
of the same objects, measured in the same run, and the number of queries (counted in this
process with Django's test client on the same database). Targets, marked met or not: at AVK
size within 2x the floor, at 10x within 3x, the same query count at both sizes, faster than
the admin.

The phase-plan PDF is measured on the demo's AVK (load_demo): plan 2, a concept, rendered on
each download, against WeasyPrint rendering the same HTML saved to a file; and the kept PDF of
the adopted plan 1. Targets: within 1.3x the floor and under 3 s.

Figures are wall-clock times on a shared machine: compare ratios within one run, not runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import (  # noqa: E402
    DEFAULT_DATABASE,
    PYTHON,
    ROOT,
    Browser,
    create_database,
    environment,
    gunicorn,
    prepare,
)

SCALES = (1, 10)
#: Target: a page's median against its floor's, per scale.
FLOOR_TARGET = {1: 2.0, 10: 3.0}
PDF_TARGET, PDF_LIMIT = 1.3, 3.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(browser: Browser, paths: dict[str, str], repeat: int) -> dict:
    """Median and 95th percentile (ms) of each path, requested in turn (page, floor, admin,
    page, ...) so that a burst of load on a shared machine hits all three alike."""
    for path in paths.values():
        for _ in range(3):
            browser.time(path)
    times = {name: [] for name in paths}
    for _ in range(repeat):
        for name, path in paths.items():
            times[name].append(browser.time(path))
    return {
        name: {
            "median": statistics.median(values) * 1000,
            "p95": percentile(values, 0.95) * 1000,
        }
        for name, values in times.items()
    }


def setup_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def query_counts(results) -> dict:
    """Queries per page and scale, with Django's test client in this process (DEBUG stays off:
    CaptureQueriesContext records them all the same)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.targets import targets

    counted = {}
    for scale, result in results.items():
        client = Client()
        client.force_login(result.user)
        for target in targets(result.programme, result.budget):
            client.get(target.page)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(target.page).status_code
            assert status == 200, (target.page, status)
            counted[(target.name, scale)] = len(captured.captured_queries)
    return counted


def mark(ok: bool) -> str:
    return "met" if ok else "NOT met"


def pages(base: str, results: dict, repeat: int) -> list[dict]:
    from bench.generate import PASSWORD
    from bench.targets import targets

    counted = query_counts(results)
    rows = {}
    for scale, result in results.items():
        browser = Browser(base).login(result.user.username, PASSWORD)
        for target in targets(result.programme, result.budget):
            print(f"  {scale}x {target.name} ...", flush=True)
            row = rows.setdefault(target.name, {"name": target.name})
            paths = {"page": target.page, "floor": target.floor, "admin": target.admin}
            row[scale] = {
                **timed(browser, paths, repeat),
                "queries": counted[(target.name, scale)],
            }
    return list(rows.values())


def print_pages(rows: list[dict]) -> bool:
    print()
    print(
        "| page | AVK ms (p95) | x floor | x admin | queries "
        "| 10x ms (p95) | x floor | x admin | queries | targets |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    all_met = True
    for row in rows:
        cells, notes = [row["name"]], []
        for scale in SCALES:
            m = row[scale]
            page, floor, admin = m["page"]["median"], m["floor"]["median"], m["admin"]["median"]
            cells += [
                f"{page:.0f} ({m['page']['p95']:.0f})",
                f"{page / floor:.1f}",
                f"{page / admin:.2f}",
                str(m["queries"]),
            ]
            if page > FLOOR_TARGET[scale] * floor:
                notes.append(f"{scale}x > {FLOOR_TARGET[scale]:g}x floor")
            if page >= admin:
                notes.append(f"{scale}x slower than admin")
        if row[1]["queries"] != row[10]["queries"]:
            notes.append("queries grow")
        all_met &= not notes
        cells.append("met" if not notes else "NOT met: " + "; ".join(notes))
        print("| " + " | ".join(cells) + " |")
    print()
    print("floors and admin, median ms (AVK / 10x):")
    for row in rows:
        print(
            f"  {row['name']:<14} floor {row[1]['floor']['median']:6.0f} / "
            f"{row[10]['floor']['median']:6.0f}   admin {row[1]['admin']['median']:6.0f} / "
            f"{row[10]['admin']['median']:6.0f}"
        )
    return all_met


def phase_plan_pdf(base: str, repeat: int) -> bool:
    """Plan 2 (a concept, rendered on each download) against WeasyPrint on the same HTML; the
    kept PDF of the adopted plan 1."""
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import timezone, translation
    from weasyprint import HTML

    from avk.pdf import StaticOnlyURLFetcher
    from programme.phases.models import PhasePlan
    from programme.phases.selectors import contents, thaw
    from programme.phases.services.documents import LANGUAGE, TEMPLATE

    plans = PhasePlan.objects.filter(programme__slug="avk").order_by("number")
    adopted = next((p for p in plans if p.is_frozen), None)
    concept = next((p for p in plans if p.is_concept), None)
    if adopted is None or concept is None:
        print("phase-plan PDF: the demo's plans are missing (run without --skip-demo)")
        return False
    browser = Browser(base).login("programmateam", "avk-demo")
    url = reverse("programme:phaseplan-pdf", args=["avk", concept.pk])
    kept_url = reverse("programme:phaseplan-pdf", args=["avk", adopted.pk])
    browser.time(url)
    browser.time(kept_url)  # the first download of an adopted plan renders and keeps it
    times = [browser.time(url) for _ in range(repeat)]
    kept = [browser.time(kept_url) for _ in range(max(repeat, 10))]

    with translation.override(LANGUAGE):
        html = render_to_string(
            TEMPLATE,
            {
                "plan": concept,
                "doc": thaw(contents(concept)),
                "concept": True,
                "printed_on": timezone.localdate(),
                "comparison": None,
            },
        )
    folder = tempfile.mkdtemp(prefix="avk-bench-pdf-")
    path = Path(folder) / "plan.html"
    path.write_text(html, encoding="utf-8")
    floors, pages_count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        document = HTML(filename=str(path), base_url="file:///", url_fetcher=StaticOnlyURLFetcher())
        rendered = document.render()
        rendered.write_pdf()
        floors.append(time.perf_counter() - start)
        pages_count = len(rendered.pages)
    page, floor = statistics.median(times), statistics.median(floors)
    ratio = page / floor
    met = ratio <= PDF_TARGET and page < PDF_LIMIT
    print()
    print(f"phase-plan PDF (demo AVK, plan {concept.number}, {pages_count} pages, {repeat} runs):")
    print(f"  download {page:.2f} s, WeasyPrint floor {floor:.2f} s: {ratio:.2f}x floor")
    print(f"  target within {PDF_TARGET}x floor and under {PDF_LIMIT:g} s: {mark(met)}")
    kept_ms = statistics.median(kept) * 1000
    print(f"  kept PDF of the adopted plan {adopted.number}: {kept_ms:.0f} ms")
    return met


def import_benchmark(database_url: str, rows: int) -> None:
    """bench/import_partners.py on a fresh database of its own."""
    url = database_url.rstrip("/") + "_import"
    create_database(url, fresh=True)
    env = dict(os.environ)
    env.update({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "avk.settings", "DEBUG": "true"})
    print()
    print(f"import of {rows} rows (bench/import_partners.py, PostgreSQL):", flush=True)
    subprocess.run([PYTHON, "bench/import_partners.py", str(rows)], cwd=ROOT, env=env, check=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8102)))
    parser.add_argument("--repeat", type=int, default=30, help="requests per page (30)")
    parser.add_argument("--fresh", action="store_true", help="make the database anew")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--import-rows", type=int, default=5000)
    args = parser.parse_args(argv)

    env = environment(args.database_url, args.port)
    began = time.perf_counter()
    print(f"preparing {args.database_url} ...", flush=True)
    prepare(env, scales=SCALES, demo=not args.skip_pdf, fresh=args.fresh)
    setup_django(env)
    from bench.generate import generate

    results = {scale: generate(scale) for scale in SCALES}
    print(f"prepared in {time.perf_counter() - began:.0f} s; measuring ...", flush=True)
    with gunicorn(env, args.port) as base:
        rows = pages(base, results, args.repeat)
        print_pages(rows)
        if not args.skip_pdf:
            phase_plan_pdf(base, max(5, args.repeat // 4))
    if not args.skip_import:
        import_benchmark(args.database_url, args.import_rows)
    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
