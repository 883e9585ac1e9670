"""The one throw-away PostgreSQL cluster of a test run, started when a test first asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.postgres import Cluster


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
