"""Fixtures shared by the portal's test modules: one crawled and indexed tiny replica per session.

Modules that need a different archive (a hostile one, a copy to change) define their own fixtures
of the same names, which take precedence over these.
"""

from __future__ import annotations

import pytest
from litestar.testing import TestClient

from minutes.archive import Archive
from tests.portal_support import crawled, make_app, sample


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    return crawled(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def ids(data):
    return sample(data)


@pytest.fixture(scope="session")
def archive(data):
    return Archive(data)


@pytest.fixture
def client(data):
    with TestClient(make_app(data)) as c:
        yield c
