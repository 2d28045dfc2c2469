"""Dutch first: every string in every Dutch catalogue is translated, and the committed .mo
files match their .po files (no gettext tools are needed at install time)."""

import ast
import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/nl/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: entries with msgid, msgid_plural, msgstr(s) and flags."""
    entries, current, key = [], None, None

    def flush():
        if current and "msgid" in current:
            entries.append(current)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,"):
            flush()
            current, key = {"flags": line[2:].replace(" ", "").split(",")}, None
        elif line.startswith("#") or not line.strip():
            continue
        else:
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if match:
                key = match.group(1)
                if key in {"msgid", "msgctxt"} and current and "msgid" in current:
                    flush()
                    current = None
                if current is None:
                    current = {"flags": []}
                current[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current is not None and key:
                current[key] += ast.literal_eval(line)
    flush()
    return [e for e in entries if e["msgid"]]  # skip the header


def test_there_are_catalogues():
    assert ROOT / "locale/nl/LC_MESSAGES/django.po" in CATALOGUES
    assert len(CATALOGUES) >= 2


@pytest.mark.parametrize("po", CATALOGUES, ids=[str(p.relative_to(ROOT)) for p in CATALOGUES])
def test_every_string_is_translated_and_compiled(po):
    entries = parse_po(po)
    untranslated = [
        e["msgid"]
        for e in entries
        if "fuzzy" in e["flags"]
        or not (e.get("msgstr") or e.get("msgstr[0]"))
        or ("msgid_plural" in e and not e.get("msgstr[1]"))
    ]
    assert untranslated == [], f"{po}: {len(untranslated)} untranslated: {untranslated[:10]}"
    with open(po.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = f"{po.with_suffix('.mo')} is older than its .po: run make messages"
    for entry in entries:
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            args = (entry["msgid"], entry["msgid_plural"], 1)
            found = compiled.npgettext(context, *args) if context else compiled.ngettext(*args)
            assert found == entry["msgstr[0]"], stale
        else:
            found = (
                compiled.pgettext(context, entry["msgid"])
                if context
                else compiled.gettext(entry["msgid"])
            )
            assert found == entry["msgstr"], stale
