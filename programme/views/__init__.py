"""HTTP views of the programme app, one module per area, re-exported here."""

from .din import *  # noqa: F403
from .din_transfer import *  # noqa: F403
from .programme import *  # noqa: F403
from .visuals import *  # noqa: F403
