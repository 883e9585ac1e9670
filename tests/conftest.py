"""The one throw-away PostgreSQL cluster of a test run, started when a test first asks, and
the `store` every backend is tested through."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from klarchat.store.base import Store
from klarchat.store.postgres import PostgresStore
from klarchat.store.sqlite import SqliteStore
from tests.support.postgres import Cluster

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    cluster = Cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """A fresh, empty database of the throw-away cluster."""
    return pg_cluster.database()


@pytest.fixture(params=BACKENDS)
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], Store]:
    """Unopened stores on one fresh database of the backend: several of them are several
    instances (or connections) sharing it. PostgreSQL's cluster starts only when asked."""
    if request.param == "postgres":
        url = request.getfixturevalue("pg_url")
        return lambda: PostgresStore(url)
    path = tmp_path / "klarchat.sqlite3"
    return lambda: SqliteStore(path)


@pytest.fixture
async def store(make_store: Callable[[], Store]) -> AsyncIterator[Store]:
    opened = make_store()
    await opened.open()
    try:
        yield opened
    finally:
        await opened.close()
