"""The lock files (requirements/) are in step with pyproject.toml, and the check says when not."""

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def check_lock():
    spec = importlib.util.spec_from_file_location("check_lock", ROOT / "requirements/check_lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_lock_is_in_step(check_lock):
    assert check_lock.main() == 0
    for lock in check_lock.LOCKS:
        text = (ROOT / lock).read_text()
        assert "--hash=sha256:" in text and "--index-url" not in text and "/opt/" not in text


@pytest.fixture
def copy(tmp_path, check_lock, monkeypatch):
    (tmp_path / "requirements").mkdir()
    for lock in check_lock.LOCKS:
        shutil.copy(ROOT / lock, tmp_path / lock)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.setattr(check_lock, "ROOT", tmp_path)
    return tmp_path


def test_a_new_requirement_or_a_narrower_one_is_noticed(copy, check_lock, capsys):
    pyproject = copy / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(
        text.replace('"django>=5.2,<5.3",', '"django>=5.2,<5.2.1",\n    "requests>=2",', 1)
    )
    assert check_lock.main() == 1
    err = capsys.readouterr().err
    assert "requests>=2 is not locked" in err
    assert "does not satisfy django<5.2.1,>=5.2" in err
    assert "make lock" in err


def test_a_requirement_dropped_from_pyproject_is_noticed(copy, check_lock, capsys):
    pyproject = copy / "pyproject.toml"
    lines = [line for line in pyproject.read_text().splitlines() if '"icalendar' not in line]
    pyproject.write_text("\n".join(lines) + "\n")
    assert check_lock.main() == 1
    assert "icalendar is locked as a requirement pyproject.toml no longer has" in (
        capsys.readouterr().err
    )
