"""Consent wording variants in the ledger, and consent metrics.

`consent_events.variant` names the A/B wording variant (`consent.variants`) a visitor was
shown. It is NULL for every row written before this migration and for servers without
variants; the ledger leaves a NULL variant out of the hashed fields, so those rows verify
exactly as before. Adding a column is not an UPDATE, so the append-only triggers do not
fire and no row's content changes.

`consent_metrics` holds counts only, per policy version and variant ('' without one): no
subject, no token, no conversation, no time. A row is created at its first count and
incremented in place (it is not part of the ledger).
"""

from yoyo import step

steps = [
    step(
        "ALTER TABLE consent_events ADD COLUMN variant TEXT",
        "ALTER TABLE consent_events DROP COLUMN variant",
    ),
    step(
        """
        CREATE TABLE consent_metrics (
            policy_version TEXT NOT NULL,
            variant TEXT NOT NULL DEFAULT '',
            opened INTEGER NOT NULL DEFAULT 0,
            consented INTEGER NOT NULL DEFAULT 0,
            declined INTEGER NOT NULL DEFAULT 0,
            left_undecided INTEGER NOT NULL DEFAULT 0,
            withdrew INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (policy_version, variant)
        )
        """,
        "DROP TABLE consent_metrics",
    ),
]
