"""The conversation a resumed session still holds, for the widget to draw again after a
reload (otherwise the visitor reads "conversation resumed" above an empty log).

The history is kept redacted; the visitor sees it as they saw it, with their own values
put back from the session's vault. It goes only to the holder of the session token, and
only while the visitor consents to keeping the conversation (`transcript`).
"""

from __future__ import annotations

from klarchat.sessions import Session


def history(session: Session) -> list[dict[str, str]]:
    return [
        {"role": message.role, "text": session.vault.restore(message.content)}
        for message in session.history
        if message.role in ("user", "assistant")
    ]
