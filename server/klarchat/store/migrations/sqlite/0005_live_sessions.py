"""Sessions that are not tied to a process: live sessions, their numbered lines, presence.

`live_sessions` holds what every instance needs to continue a chat: consent is not here
(it is read from the ledger), and the pseudonym map (`vault`) is sealed with a key
derived from the visitor's session token, which no table holds. `live_lines` hold the
redacted messages, sealed with the same key, numbered per conversation so that a
resuming client gets exactly what it missed. Both are deleted when the session ends.

The unique indexes on `prev_hash` make a fork of either hash chain impossible: two rows
can never follow the same predecessor, whatever a writer does.
"""

from yoyo import step

steps = [
    step(
        """
        CREATE TABLE live_sessions (
            conversation TEXT PRIMARY KEY,
            subject TEXT NOT NULL,
            lang TEXT NOT NULL,
            variant TEXT,
            created_ms INTEGER NOT NULL,
            seen_ms INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            last_activity_at TEXT NOT NULL,
            entities TEXT NOT NULL,
            handoff_state TEXT NOT NULL
                CHECK (handoff_state IN ('ai', 'consent', 'waiting', 'human', 'closed')),
            operator TEXT,
            operator_name TEXT,
            waiting_since_ms INTEGER,
            vault BLOB NOT NULL,
            vault_version INTEGER NOT NULL,
            staff_key BLOB,
            last_seq INTEGER NOT NULL
        )
        """,
        "DROP TABLE live_sessions",
    ),
    step("CREATE INDEX live_sessions_seen ON live_sessions (seen_ms)"),
    step(
        """
        CREATE TABLE live_lines (
            conversation TEXT NOT NULL
                REFERENCES live_sessions (conversation) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            role TEXT NOT NULL,
            author TEXT NOT NULL,
            at TEXT NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (conversation, seq)
        )
        """,
        "DROP TABLE live_lines",
    ),
    step(
        """
        CREATE TABLE operator_willing (
            username TEXT PRIMARY KEY REFERENCES operators (username) ON DELETE CASCADE,
            willing INTEGER NOT NULL
        )
        """,
        "DROP TABLE operator_willing",
    ),
    step(
        """
        CREATE TABLE operator_streams (
            username TEXT NOT NULL,
            instance TEXT NOT NULL,
            seen_ms INTEGER NOT NULL,
            PRIMARY KEY (username, instance)
        )
        """,
        "DROP TABLE operator_streams",
    ),
    step("CREATE UNIQUE INDEX consent_events_prev_hash ON consent_events (prev_hash)"),
    step("CREATE UNIQUE INDEX oversight_events_prev_hash ON oversight_events (prev_hash)"),
]
