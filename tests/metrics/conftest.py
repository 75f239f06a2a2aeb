from __future__ import annotations

import pytest

from tests.metrics.kpidb import KpiDb


@pytest.fixture
def db() -> KpiDb:
    return KpiDb()
