"""The few lines `klarchat serve` prints once it is ready: what runs, from which
configuration, where to open it, and what the site owner still has to do.

A first start otherwise shows only framework lines; the owner would have to read the
README to learn that the default adapter is a FAQ, where the data lives, or why a
browser on another machine is refused.
"""

from __future__ import annotations

from pathlib import Path

from klarchat.config import Settings
from klarchat.consent.policy import notice_issues
from klarchat.store.factory import store_location

WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def address(settings: Settings) -> str:
    """The address to open on this machine (a wildcard host is reached on loopback)."""
    host = "127.0.0.1" if settings.host in WILDCARD_HOSTS else settings.host
    return f"http://{host}:{settings.port}/"


def startup_summary(settings: Settings, source: Path | None, notice_warnings: list[str]) -> str:
    adapter = settings.adapter
    if adapter == "offline":
        adapter += (
            " (a built-in FAQ for trying Klarchat, not an AI; set adapter to answer with one)"
        )
    elif adapter == "openai":
        options = settings.adapter_options()
        adapter += f" ({options.get('model', '?')} at {options.get('base_url', 'the default URL')};"
        adapter += " klarchat check-config --probe tests it)"
    lines = [
        "Klarchat is ready.",
        f"  open:            {address(settings)}",
        f"  configuration:   {source or 'built-in defaults (no klarchat.toml)'}",
        f"  adapter:         {adapter}",
        f"  data directory:  {settings.data_dir.resolve()}",
        f"  database:        {store_location(settings)}",
        f"  allowed origins: {', '.join(sorted(settings.origins()))}",
    ]
    if settings.host in WILDCARD_HOSTS:
        lines.append(
            "  note: listening on every interface; a page opened through another address of"
            " this machine must be listed in allowed_origins (or be public_url)"
        )
    lines += [f"  to do: {warning}" for warning in notice_warnings]
    return "\n".join(lines)


def notice_warnings(settings: Settings) -> list[str]:
    """The warnings worth a line at every start: the notice names no controller. The
    rest (`klarchat check-config` lists all) would drown it."""
    missing = [
        issue.key.split(".", 1)[1]
        for issue in notice_issues(settings)
        if issue.key.startswith("controller.") and not issue.error
    ]
    if not missing:
        return []
    return [
        f"the privacy notice does not name the controller yet: set controller.{', controller.'.join(missing)}"
        " in klarchat.toml (klarchat check-config lists every warning)"
    ]
