"""Every change to programme data: one function per verb, each module re-exported here."""

from .din import *  # noqa: F403
from .din_reminders import *  # noqa: F403
from .din_transfer import *  # noqa: F403
from .programme import *  # noqa: F403
from .programme import invitation_link, send_invitation  # noqa: F401
