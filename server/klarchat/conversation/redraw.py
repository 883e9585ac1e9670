"""The conversation a resumed session still holds, for the widget to draw again after a
reload (otherwise the visitor reads "conversation resumed" above an empty log).

The lines are kept redacted; the visitor sees them as they saw them, with their own
values put back from the session's vault, and with who wrote each (the AI or a person),
so that an AI answer keeps its label and a person's does not get one. They go only to
the holder of the session token: after a reload only while the visitor consents to
keeping the conversation (`transcript`); to a client that reconnects saying which number
it saw last (`hello.last_seq`, e.g. after its instance went away), the messages after it.
"""

from __future__ import annotations

from klarchat.sessions import Session


def history(session: Session, after_seq: int = 0) -> list[dict[str, str | int]]:
    return [
        {
            "role": line.role,
            "name": line.author,
            "text": session.vault.restore(line.text),
            "seq": line.seq,
        }
        for line in sorted(session.lines, key=lambda line: line.seq)
        if line.seq > after_seq
    ]
