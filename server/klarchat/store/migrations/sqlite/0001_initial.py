"""The first schema: ledger, consent texts, redacted transcripts, audit.

The ledger refuses UPDATE and DELETE by trigger; the hash chain is what proves
integrity, the triggers only stop accidents.
"""

from yoyo import step

steps = [
    step(
        """
        CREATE TABLE consent_texts (
            sha256 TEXT PRIMARY KEY,
            purpose TEXT NOT NULL,
            lang TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            text TEXT NOT NULL,
            first_shown_at TEXT NOT NULL
        )
        """,
        "DROP TABLE consent_texts",
    ),
    step(
        """
        CREATE TABLE consent_events (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            subject TEXT NOT NULL,
            purpose TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('given', 'declined', 'withdrawn', 'expired')),
            policy_version TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            lang TEXT NOT NULL,
            origin TEXT NOT NULL,
            at TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "DROP TABLE consent_events",
    ),
    step(
        "CREATE INDEX consent_events_by_subject ON consent_events (subject, purpose, seq)",
        "DROP INDEX consent_events_by_subject",
    ),
    step(
        """
        CREATE TRIGGER consent_events_append_only_update BEFORE UPDATE ON consent_events
        BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END
        """,
        "DROP TRIGGER consent_events_append_only_update",
    ),
    step(
        """
        CREATE TRIGGER consent_events_append_only_delete BEFORE DELETE ON consent_events
        BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END
        """,
        "DROP TRIGGER consent_events_append_only_delete",
    ),
    step(
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
            text TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """,
        "DROP TABLE messages",
    ),
    step(
        "CREATE INDEX messages_by_conversation ON messages (conversation, id)",
        "DROP INDEX messages_by_conversation",
    ),
    step(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            conversation TEXT NOT NULL,
            message_id TEXT NOT NULL,
            adapter TEXT NOT NULL,
            model TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            entities TEXT NOT NULL,
            outcome TEXT NOT NULL,
            error_code TEXT NOT NULL
        )
        """,
        "DROP TABLE audit",
    ),
]
