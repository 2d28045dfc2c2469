"""Load test (issue 15): wrk against gunicorn + PostgreSQL on loopback, a logged-in mix of the
DIN overview, the partner list, a partner's page and the decision list, beside the same load on
the floor views (bench/floors.py) of the same rows.

    .venv/bin/python -m bench.load [--duration 60] [--connections 32 64] [--scale 1]
    make load                       # LOAD_DURATION=30 for a shorter run

Needs wrk (`apt-get install wrk`). The portal runs as in bench/pages.py (gunicorn with 3
workers, DEBUG off, PostgreSQL, WhiteNoise; the same database, prepared when missing). A Lua
script (written to a temporary file) rotates the paths and sends the session cookie of a real
login as the programme team of `bench-<scale>x`. For each number of connections it prints the
throughput, the latency percentiles and the number of answers that were not 2xx (must be 0),
for the portal and for the floors; the target is a portal throughput of at least half the
floors'. The portal and the floors take turns (`--slices`, 4 by default: 15 s each of a 60 s
run, alternating), so that other work on a shared machine falls on both alike; the percentiles
printed are the highest of the turns. Every turn stops by itself (wrk -d), the whole script
after at most (2 x connections counts x duration + a few minutes of preparation).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import DEFAULT_DATABASE, Browser, environment, gunicorn, prepare  # noqa: E402

LUA = """
local paths = {%(paths)s}
local cookie = "%(cookie)s"
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  counter = 0
end

function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  return wrk.format("GET", path, {["Cookie"] = cookie})
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%%d seconds=%%.2f non2xx=%%d socket_errors=%%d "
    .. "p50=%%.0f p90=%%.0f p95=%%.0f p99=%%.0f max=%%.0f\\n",
    summary.requests, summary.duration / 1e6, total,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def mix(programme, partner_id: int) -> tuple[list[str], list[str]]:
    """The portal's paths and their floors, in the same rotation."""
    from django.urls import reverse

    slug = programme.slug
    portal = [
        reverse("programme:din", args=[slug]),
        reverse("partners:list", args=[slug]),
        reverse("partners:partner-detail", args=[slug, partner_id]),
        reverse("governance:decision-list", args=[slug]),
    ]
    floors = [
        f"/bench-floor/{slug}/din/",
        f"/bench-floor/{slug}/partners/",
        f"/bench-floor/{slug}/partner/?pk={partner_id}",
        f"/bench-floor/{slug}/decisions/",
    ]
    return portal, floors


def run_wrk(base: str, paths: list[str], cookie: str, connections: int, duration: int) -> dict:
    script = Path(tempfile.mkdtemp(prefix="avk-bench-wrk-")) / "mix.lua"
    script.write_text(
        LUA % {"paths": ", ".join(f'"{p}"' for p in paths), "cookie": f"sessionid={cookie}"}
    )
    command = [
        "wrk",
        f"--threads={min(connections, 2)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=30s",
        f"--script={script}",
        base,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60, check=True
    )
    line = next(row for row in done.stdout.splitlines() if row.startswith("RESULT "))
    result = {k: float(v) for k, v in (part.split("=") for part in line.split()[1:])}
    result["rps"] = result["requests"] / result["seconds"]
    return result


def combined(slices: list[dict]) -> dict:
    """One run's figures from its slices: requests, seconds and failures added up, each
    latency percentile the highest of the slices (wrk reports percentiles, not the latencies
    they come from: the highest is an upper bound, never a flattering average)."""
    added = ("requests", "seconds", "non2xx", "socket_errors")
    total = {key: sum(s[key] for s in slices) for key in added}
    for key in ("p50", "p90", "p95", "p99", "max"):
        total[key] = max(s[key] for s in slices)
    total["rps"] = total["requests"] / total["seconds"] if total["seconds"] else 0.0
    return total


def alternated(run, duration: int, slices: int) -> dict[str, dict]:
    """The portal and the floor, each for `duration` seconds in all, in `slices` turns of
    duration/slices seconds that alternate (portal, floor; then floor, portal; ...), so that a
    burst of other work on a shared machine falls on both alike (as bench/pages.py requests a
    page and its floor in turn). `run(name, seconds)` runs one turn."""
    parts: dict[str, list[dict]] = {"portal": [], "floor": []}
    seconds = max(1, round(duration / slices))
    for turn in range(slices):
        order = ("portal", "floor") if turn % 2 == 0 else ("floor", "portal")
        for name in order:
            parts[name].append(run(name, seconds))
    return {name: combined(found) for name, found in parts.items()}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8102)))
    parser.add_argument("--duration", type=int, default=60, help="seconds per run (60)")
    parser.add_argument("--connections", type=int, nargs="+", default=[32, 64])
    parser.add_argument("--scale", type=int, default=1, help="1 = AVK size (bench/generate.py)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument(
        "--slices", type=int, default=4, help="alternating turns per run (4: 4 x 15 s of 60 s)"
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")

    env = environment(args.database_url, args.port)
    prepare(env, scales=(args.scale,), demo=False)
    os.environ.update(env)
    import django

    django.setup()
    from bench.generate import PASSWORD, generate
    from partners.models import Partner

    result = generate(args.scale)
    partner = Partner.objects.filter(participations__programme=result.programme).order_by("pk")
    portal, floors = mix(result.programme, partner.first().pk)
    rows = []
    with gunicorn(env, args.port, workers=args.workers) as base:
        browser = Browser(base).login(result.user.username, PASSWORD)
        for path in portal + floors:  # every path answers before the load starts
            browser.time(path)
        cookie = browser.cookie("sessionid")
        paths = {"portal": portal, "floor": floors}
        for connections in args.connections:
            print(
                f"  portal and floor, {connections} connections, {args.duration} s each in "
                f"{args.slices} alternating turns ...",
                flush=True,
            )

            def run(name, seconds, connections=connections):
                return run_wrk(base, paths[name], cookie, connections, seconds)

            measured = alternated(run, args.duration, args.slices)
            rows += [(name, connections, measured[name]) for name in ("portal", "floor")]
    print()
    print(f"load on {result.programme.slug}: {', '.join(portal)} in turn; {args.workers} workers")
    print(
        "| mix | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, connections, r in rows:
        print(
            f"| {name} | {connections} | {r['rps']:.0f} | {r['p50']:.0f} | {r['p90']:.0f} "
            f"| {r['p99']:.0f} | {r['max']:.0f} | {r['non2xx']:.0f} | {r['socket_errors']:.0f} |"
        )
    print()
    for connections in args.connections:
        mine = next(r for n, c, r in rows if n == "portal" and c == connections)
        floor = next(r for n, c, r in rows if n == "floor" and c == connections)
        clean = mine["non2xx"] == 0 and floor["non2xx"] == 0
        errors = mine["socket_errors"] + floor["socket_errors"]
        if not floor["requests"] or not mine["requests"]:
            print(f"{connections} connections: no request finished (the machine is overloaded)")
            continue
        ratio = mine["rps"] / floor["rps"]
        print(
            f"{connections} connections: portal {ratio:.2f}x the floor's throughput "
            f"(target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'}); "
            f"non-2xx {'none' if clean else 'SOME (target: none)'}"
            + (f"; {errors:.0f} socket errors (timeouts: wrk --timeout 30s)" if errors else "")
        )


if __name__ == "__main__":
    main()
