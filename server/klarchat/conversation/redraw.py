"""The conversation a resumed session still holds, for the widget to draw again after a
reload (otherwise the visitor reads "conversation resumed" above an empty log).

The lines are kept redacted; the visitor sees them as they saw them, with their own
values put back from the session's vault, and with who wrote each (the AI or a person),
so that an AI answer keeps its label and a person's does not get one. They go only to
the holder of the session token, and only while the visitor consents to keeping the
conversation (`transcript`).
"""

from __future__ import annotations

from klarchat.sessions import Session


def history(session: Session) -> list[dict[str, str]]:
    return [
        {"role": line.role, "name": line.author, "text": session.vault.restore(line.text)}
        for line in session.lines
    ]
