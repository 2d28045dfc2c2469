"""Is the lock in step with pyproject.toml? Offline: reads both files, asks no index.

Every requirement of pyproject.toml (the dependencies, and the extras a lock file was made
with) must be pinned in the lock by a version its specifier allows, and the lock must name no
top-level requirement that pyproject.toml no longer has. Run by `make install` and `.ci/run`;
`make lock` regenerates the files when this fails.

    python requirements/check_lock.py            # checks every lock file below
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # a bare venv: pip carries its own copy
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
#: lock file -> the extras of pyproject.toml it holds besides the dependencies
LOCKS = {
    "requirements/deploy.txt": (),
    "requirements/test.txt": ("test",),
    "requirements/dev.txt": ("test", "dev"),
}
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
_VIA = re.compile(r"^\s+#\s+(?:via\s+)?(?:-r\s+)?avk-portal \(pyproject\.toml\)")


def read_lock(path: Path) -> tuple[dict[str, str], set[str]]:
    """The pins of a pip-compile file, and the names it says come from pyproject.toml."""
    pins, direct, current = {}, set(), None
    for line in path.read_text().splitlines():
        if match := _PIN.match(line):
            current = canonicalize_name(match.group(1))
            pins[current] = match.group(2)
        elif current and _VIA.match(line):
            direct.add(current)
    return pins, direct


def wanted(extras) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    found = [Requirement(r) for r in project.get("dependencies", [])]
    for extra in extras:
        found += [Requirement(r) for r in project.get("optional-dependencies", {}).get(extra, [])]
    return found


def check(lock: str, extras) -> list[str]:
    path = ROOT / lock
    if not path.is_file():
        return [f"{lock} is missing"]
    pins, direct = read_lock(path)
    problems = []
    names = set()
    for requirement in wanted(extras):
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        names.add(name)
        if name not in pins:
            problems.append(f"{lock}: {requirement} is not locked")
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{lock}: {name}=={pins[name]} does not satisfy {requirement}")
    for name in sorted(direct - names):
        problems.append(f"{lock}: {name} is locked as a requirement pyproject.toml no longer has")
    return problems


def main() -> int:
    problems = [p for lock, extras in LOCKS.items() for p in check(lock, extras)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("The lock is not in step with pyproject.toml: run `make lock`.", file=sys.stderr)
        return 1
    print(f"The lock is in step with pyproject.toml ({', '.join(LOCKS)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
