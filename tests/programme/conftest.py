"""Fixtures shared by the programme app's tests: the phase plans' (tests/programme/
phase_plans_setup.py). A module that defines a fixture of the same name uses its own."""

from tests.programme.phase_plans_setup import (  # noqa: F401 - fixtures
    adopted,
    board,
    budget,
    concept,
    din,
    foreign,
)
