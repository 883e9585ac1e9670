"""Klarchat: a consent-first AI chat widget server."""

__version__ = "0.1.0"
