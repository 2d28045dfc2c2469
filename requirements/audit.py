"""`make audit`: pip-audit against the locked versions (no resolving, nothing installed).

Known vulnerabilities fail. Where the advisory service (PyPI's vulnerability data, through
pip-audit) cannot be reached, or does not know the locked releases (a mirror, an offline CI),
this says so plainly and passes: nothing was checked then, and `make audit` must be run again
where pypi.org is reachable.

    python requirements/audit.py requirements/dev.txt
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

SERVICE = "https://pypi.org/pypi/pip/json"


def reachable() -> str | None:
    """None when the advisory service answers, else why not."""
    try:
        urllib.request.urlopen(SERVICE, timeout=15).close()
    except Exception as error:  # noqa: BLE001 - any failure means: not reachable
        return str(error)
    return None


def main(lock: str) -> int:
    if (why := reachable()) is not None:
        print(f"pip-audit: the advisory service (pypi.org) cannot be reached ({why}).")
        print("pip-audit: audit SKIPPED, nothing was checked. Run `make audit` where it can.")
        return 0
    command = [sys.executable, "-m", "pip_audit", "--requirement", lock, "--require-hashes"]
    command += ["--disable-pip", "--progress-spinner", "off", "--format", "json"]
    run = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        print(run.stdout + run.stderr, file=sys.stderr)
        print("pip-audit failed (see above).", file=sys.stderr)
        return 1
    found = [d for d in report.get("dependencies", []) if d.get("vulns")]
    skipped = [d for d in report.get("dependencies", []) if d.get("skip_reason")]
    total = len(report.get("dependencies", []))
    for dependency in found:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    if found:
        print(f"pip-audit: {len(found)} locked packages have known vulnerabilities.")
        return 1
    if skipped and len(skipped) == total:
        print(
            f"pip-audit: the advisory service does not know the {total} locked releases "
            "(a mirror without vulnerability data?): audit SKIPPED, nothing was checked."
        )
        return 0
    if skipped:
        names = ", ".join(f"{d['name']} {d['version']}" for d in skipped)
        print(f"pip-audit: not audited (unknown to the advisory service): {names}")
    print(f"pip-audit: no known vulnerabilities in {total - len(skipped)} audited packages.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements/dev.txt"))
