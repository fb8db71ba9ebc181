"""Dealdesk: a desktop CRM for deals."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dealdesk")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
