"""The operator console: accounts, login sessions, the oversight log, and who wrote a message.

`operator_sessions` keeps only the SHA-256 of each session token, so a copy of the database
does not log anybody in. `oversight_events` records every look at and every action on a
conversation by staff (view, reveal, claim, release, close, message): hash-chained like the
consent ledger and append-only by trigger. It holds who, what, when and why, never message
text or a revealed value.

`messages.author` is NULL for the visitor's and the AI's rows and the display name of the
person who wrote a row at the console.
"""

from yoyo import step

steps = [
    step(
        """
        CREATE TABLE operators (
            username TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('operator', 'admin')),
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        "DROP TABLE operators",
    ),
    step(
        """
        CREATE TABLE operator_sessions (
            token_sha256 TEXT PRIMARY KEY,
            username TEXT NOT NULL REFERENCES operators (username) ON DELETE CASCADE,
            csrf TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            seen_at_ms INTEGER NOT NULL
        )
        """,
        "DROP TABLE operator_sessions",
    ),
    step(
        """
        CREATE TABLE oversight_events (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            operator TEXT NOT NULL,
            operator_name TEXT NOT NULL,
            action TEXT NOT NULL
                CHECK (action IN ('view', 'reveal', 'claim', 'release', 'close', 'message')),
            conversation TEXT NOT NULL,
            subject TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            reason TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "DROP TABLE oversight_events",
    ),
    step(
        "CREATE INDEX oversight_by_subject ON oversight_events (subject, seq)",
        "DROP INDEX oversight_by_subject",
    ),
    step(
        """
        CREATE TRIGGER oversight_append_only_update BEFORE UPDATE ON oversight_events
        BEGIN SELECT RAISE(ABORT, 'oversight_events is append-only'); END
        """,
        "DROP TRIGGER oversight_append_only_update",
    ),
    step(
        """
        CREATE TRIGGER oversight_append_only_delete BEFORE DELETE ON oversight_events
        BEGIN SELECT RAISE(ABORT, 'oversight_events is append-only'); END
        """,
        "DROP TRIGGER oversight_append_only_delete",
    ),
    step(
        "ALTER TABLE messages ADD COLUMN author TEXT",
        "ALTER TABLE messages DROP COLUMN author",
    ),
]
