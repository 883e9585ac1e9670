"""Data-subject rights and retention: which conversations belong to a subject, and a log
of erasures.

The ledger's `subject` and a transcript's `conversation` are derived from the session
token separately, so neither can be computed from the other: without the token, only
`subject_conversations` finds a subject's transcript and audit rows for export and
erasure. A link is an ordinary row that erasure and the retention purge delete.

`erasures` records that an erasure happened (subject, time, counts; no content). It is
append-only like the ledger, but outside its hash chain, so the chain is never touched.
The time indexes serve the retention purge; the audit index serves export and erasure.
"""

from yoyo import step

steps = [
    step(
        """
        CREATE TABLE subject_conversations (
            subject TEXT NOT NULL,
            conversation TEXT NOT NULL,
            linked_at TEXT NOT NULL,
            PRIMARY KEY (subject, conversation)
        )
        """,
        "DROP TABLE subject_conversations",
    ),
    step(
        """
        CREATE TABLE erasures (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            at TEXT NOT NULL,
            messages INTEGER NOT NULL,
            audit INTEGER NOT NULL,
            links INTEGER NOT NULL
        )
        """,
        "DROP TABLE erasures",
    ),
    step(
        "CREATE INDEX erasures_by_subject ON erasures (subject, id)",
        "DROP INDEX erasures_by_subject",
    ),
    step(
        """
        CREATE TRIGGER erasures_append_only_update BEFORE UPDATE ON erasures
        BEGIN SELECT RAISE(ABORT, 'erasures is append-only'); END
        """,
        "DROP TRIGGER erasures_append_only_update",
    ),
    step(
        """
        CREATE TRIGGER erasures_append_only_delete BEFORE DELETE ON erasures
        BEGIN SELECT RAISE(ABORT, 'erasures is append-only'); END
        """,
        "DROP TRIGGER erasures_append_only_delete",
    ),
    step(
        "CREATE INDEX audit_by_conversation ON audit (conversation, id)",
        "DROP INDEX audit_by_conversation",
    ),
    step("CREATE INDEX messages_by_time ON messages (at)", "DROP INDEX messages_by_time"),
    step("CREATE INDEX audit_by_time ON audit (finished_at)", "DROP INDEX audit_by_time"),
]
