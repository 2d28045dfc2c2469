"""The portal's project package: settings, URLs and the site shell shared by every app."""

from importlib import metadata

try:
    __version__ = metadata.version("avk-portal")
except metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
