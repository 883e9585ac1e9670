"""The long-lived parts one server process shares between all connections.

Built once in the app's lifespan: loading the redactor and opening the store are
slow, and an adapter keeps a pooled HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass

from klarchat.adapters.base import Adapter
from klarchat.adapters.registry import load_adapter
from klarchat.clock import Clock, clock_from_environment
from klarchat.config import Settings
from klarchat.consent.ledger import Ledger
from klarchat.consent.policy import Policy
from klarchat.consent.signing import SigningKey, load_or_create_signing_key
from klarchat.consent.variants import Variants
from klarchat.identity import Identities, load_or_create_secret
from klarchat.metrics import ConsentMetrics
from klarchat.privacy.redactor import Redactor
from klarchat.sessions import SessionRegistry
from klarchat.store.base import Store
from klarchat.store.sqlite import SqliteStore

DATABASE_FILE = "klarchat.sqlite3"


@dataclass(slots=True)
class Services:
    settings: Settings
    store: Store
    ledger: Ledger
    policy: Policy
    redactor: Redactor
    adapter: Adapter
    identities: Identities
    signing_key: SigningKey
    sessions: SessionRegistry
    clock: Clock
    variants: Variants
    metrics: ConsentMetrics

    @classmethod
    async def start(cls, settings: Settings) -> Services:
        store = SqliteStore(settings.data_dir / DATABASE_FILE)
        await store.open()
        secret = settings.secret.get_secret_value() if settings.secret else None
        clock = clock_from_environment()
        variants = Variants(settings)
        return cls(
            settings=settings,
            store=store,
            ledger=Ledger(store, clock),
            policy=variants.base,
            redactor=Redactor(
                settings.languages,
                settings.privacy.score_threshold,
                pass_through=settings.privacy.pass_through,
                category_actions=settings.privacy.special_categories,
            ),
            adapter=load_adapter(settings.adapter, settings.adapter_options()),
            identities=Identities(load_or_create_secret(settings.data_dir, secret)),
            signing_key=load_or_create_signing_key(settings.data_dir),
            sessions=SessionRegistry(
                settings.limits.session_idle_minutes * 60,
                clock.monotonic,
                resume_seconds=settings.limits.resume_hours * 3600,
            ),
            clock=clock,
            variants=variants,
            metrics=ConsentMetrics(store, variants),
        )

    async def stop(self) -> None:
        try:  # the sessions still held end with the process: count who left undecided
            await self.metrics.ended(self.sessions.close())
        finally:
            await self.adapter.aclose()
            await self.store.close()
