"""metrics.digest_attachment: the board report attached to the Monday e-mail carries the
board's rule (metrics.disclosure), the same rows and monthly series as the board's screens."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from polars.testing import assert_frame_equal

from metrics.digest_attachment import attachment_name, board_report_html, report_input
from metrics.digest_data import Digest, build_digest
from metrics.privacy import SUPPRESSED
from tests.metrics.digest_helpers import area_table, load_sample


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_sample(tmp_path_factory.mktemp("digest_attachment"))


@pytest.fixture(scope="module")
def digest(sample_db: Path) -> Digest:
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        return build_digest(con)
    finally:
        con.close()


def test_the_report_shows_the_disclosed_rows_and_months(sample_db: Path, digest: Digest) -> None:
    data = report_input(digest, "fi")
    assert_frame_equal(data.rows, area_table(sample_db))
    assert_frame_equal(data.monthly, area_table(sample_db, monthly=True))
    assert data.monthly[SUPPRESSED].any()  # the sample has months of 1..4 people
    assert (data.start, data.end) == (digest.start, digest.end)


def test_the_report_is_english_without_the_plan_indicators(digest: Digest) -> None:
    assert report_input(digest, "en").indicators == {}
    assert report_input(digest, "en").area_label.startswith("Whole area")


def test_the_attached_html_and_its_name(digest: Digest) -> None:
    html = board_report_html(digest, "fi")
    assert html.startswith("<!DOCTYPE html>") and "lautakunnan raportti" in html
    start, end = digest.start.isoformat(), digest.end.isoformat()
    assert attachment_name(digest) == f"lautakuntaraportti_{start}_{end}.html"
