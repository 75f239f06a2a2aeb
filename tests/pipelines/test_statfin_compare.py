"""``official_beside_own``: the official count beside our own, and the area's rate beside the
country's. The official figures are those of the recorded answer (invented)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from common.settings import get_settings
from pipelines import PipelineError
from pipelines.database import open_readonly
from pipelines.statfin import update_statistics
from pipelines.statfin_compare import official_beside_own
from tests.pipelines.statfin_helpers import loaded_db, use_env
from tests.pipelines.statfin_server import DATA

SEP, OCT = date(2025, 9, 1), date(2025, 10, 1)
# Our own counts for October: Joensuu 10 % above the official 5912, Lieksa 2 % above 697,
# Outokumpu 6 % below; given on the month's last day (any day of the month will do).
OWN = pl.DataFrame(
    {
        "kunta": ["Joensuu", "Lieksa", "Outokumpu"],
        "month": [date(2025, 10, 31)] * 3,
        "count": [6503, 711, 0],
    }
)


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = loaded_db(tmp_path)
    update_statistics(path, DATA / "statfin_12r5.json", SEP)
    return path


def _rows(result: pl.DataFrame) -> dict[str, dict[str, object]]:
    return {r["kunta"]: r for r in result.filter(pl.col("month") == OCT).iter_rows(named=True)}


def test_official_beside_own_with_the_default_threshold(db: Path) -> None:
    own = OWN.with_columns(pl.Series("count", [6503, 711, 491]))  # Outokumpu official 522
    result = official_beside_own(open_readonly(db), [OCT], own)
    rows = _rows(result.municipalities)
    assert len(rows) == 13
    assert rows["Joensuu"]["official"] == 5912 and rows["Joensuu"]["own"] == 6503
    assert rows["Joensuu"]["difference"] == pytest.approx((6503 - 5912) / 5912)
    assert rows["Joensuu"]["differs"] is True
    assert rows["Lieksa"]["difference"] == pytest.approx((711 - 697) / 697)
    assert rows["Lieksa"]["differs"] is False
    assert rows["Outokumpu"]["difference"] == pytest.approx((491 - 522) / 522)
    assert rows["Outokumpu"]["differs"] is True
    assert rows["Heinävesi"]["own"] is None and rows["Heinävesi"]["differs"] is None


def test_the_threshold_is_a_setting_and_an_argument(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_env(monkeypatch, statfin_difference_threshold="0.15")
    rows = _rows(official_beside_own(open_readonly(db), [OCT], OWN).municipalities)
    assert rows["Joensuu"]["differs"] is False
    rows = _rows(official_beside_own(open_readonly(db), [OCT], OWN, threshold=0.01).municipalities)
    assert rows["Lieksa"]["differs"] is True


def test_area_rate_beside_the_country(db: Path) -> None:
    rates = official_beside_own(open_readonly(db), [OCT, SEP], OWN).rates.sort("month")
    assert rates["month"].to_list() == [SEP, OCT]
    # The 13 municipalities' unemployed over their labour force, from the recorded answer.
    assert rates["area_rate"].to_list() == pytest.approx([10566 / 74760, 10866 / 74760])
    assert rates["country_rate"].to_list() == pytest.approx([0.105, 0.109])
    assert rates["difference_pp"][1] == pytest.approx(10866 / 74760 - 0.109)


def test_a_month_without_statistics_is_empty_not_invented(db: Path) -> None:
    result = official_beside_own(open_readonly(db), [date(2025, 11, 1)], OWN)
    assert result.municipalities["official"].null_count() == 13
    assert result.rates["area_rate"].to_list() == [None]


def test_without_statistics_it_says_how_to_fetch_them(tmp_path: Path) -> None:
    db = loaded_db(tmp_path)
    with pytest.raises(PipelineError, match="python -m pipelines statfin"):
        official_beside_own(open_readonly(db), [OCT], OWN)
