"""metrics.digest_attachment: the board report attached to the Monday e-mail carries the
board's rule (metrics.disclosure), the same rows and monthly series as the board's screens."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import duckdb
import pytest
from polars.testing import assert_frame_equal

from metrics.digest_attachment import attachment_name, board_report_html, report_input
from metrics.digest_data import Digest, build_digest
from metrics.privacy import SUPPRESSED
from metrics.registry import GOALS, REGISTRY
from tests.metrics.digest_helpers import area_table, load_sample
from ui import kpi_view
from ui.i18n import Lang


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


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_report_lists_every_metric_under_its_goal(digest: Digest, lang: Lang) -> None:
    """Every registry metric, the national indicators of the Situation goal too, has its block
    under its own goal's heading, in the registry's order of the goal."""
    html = board_report_html(digest, lang)
    tables = re.findall(r'<table class="goal">(.*?)</table>', html, flags=re.S)
    shown: dict[str, list[str]] = {}
    for table in tables:
        heading = re.search(r"<h2>(.*?)</h2>", table)
        assert heading is not None
        shown[unescape(heading.group(1))] = [
            unescape(h) for h in re.findall(r'<div class="metric"[^>]*><h3>(.*?)</h3>', table)
        ]
    expected = {
        kpi_view.goal_title(goal, lang): [kpi_view.title(m, lang) for m in
                                          kpi_view.metrics_of_goal(goal)]
        for goal in GOALS
        if kpi_view.metrics_of_goal(goal)
    }  # fmt: skip
    assert shown == expected
    assert sum(len(v) for v in shown.values()) == len(REGISTRY)
    assert kpi_view.goal_title("tilanne", lang) in shown
