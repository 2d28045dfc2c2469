"""Test data (factory-boy), one module per app, all importable from `tests.factories`."""

from tests.factories.din import *  # noqa: F403
from tests.factories.governance import *  # noqa: F403
from tests.factories.partners import *  # noqa: F403
from tests.factories.programme import *  # noqa: F403
