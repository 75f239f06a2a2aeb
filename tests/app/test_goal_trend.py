"""A goal page's trend when the small-number rule hides every month (AppTest on the sample).

In the sample, the training outcome of Joensuu (the municipality) over 1.1.–31.10.2026 has
11 resolved cases, but no month has five: the rule hides every month, and so the headline
too (docs/privacy.md: a period is shown only when each of its months is, else 72,7 % minus
the months of a shorter period would give a month away). The page must say that the trend
is hidden, not "no rows"."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import open_page
from tests.app.test_smoke import start
from ui.i18n import t

TRAINING = "training_unemployment_ended_3_months"


def test_a_trend_hidden_by_the_small_number_rule_says_so(kpi_env: Path) -> None:
    at = start("fi", taso="kunta", alue="Joensuu")
    open_page(at, "koulutukset").run()
    assert not at.exception, [e.value for e in at.exception]
    assert next(m.value for m in at.metric) == "<5"  # was 72,7 % before the month rule
    captions = [c.value for c in at.caption]
    hidden = t("trend_hidden_small", "fi", buckets=t("chart_buckets_month", "fi"))
    assert hidden in captions
    assert t("no_rows", "fi") not in captions
    assert not at.get("plotly_chart")  # nothing to draw: every month is hidden


def test_the_whole_area_draws_the_trend_with_its_pending_cases_in_the_hover(
    kpi_env: Path,
) -> None:
    at = start("en")
    open_page(at, "koulutukset").run()
    assert not at.exception, [e.value for e in at.exception]
    (chart,) = at.get("plotly_chart")
    # Every bucket's hover names its pending cases ("3 pending", or "<5 pending" when the
    # small-number rule hides them); the bars under the share appear only when some bucket
    # has pending cases to show (tests/ui/test_charts.py).
    assert " pending" in chart.proto.spec
