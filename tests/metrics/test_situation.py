"""The area's situation (metrics.situation): the four counts on E, the flow of unemployment
reaching 3 months, time to employment and the processing time of statements, by hand."""

from __future__ import annotations

import pytest

from metrics.engine import compute
from tests.metrics.kpidb import KpiDb, d

COUNTS = ("unemployed_job_seekers", "unemployed_under_25", "long_term_unemployed",
          "unemployed_immigrants")  # fmt: skip


def _spell(db: KpiDb, cid: str, tila: str, start: str, end: str | None = None) -> None:
    db.add("tilajaksot", asiakas_id=cid, tila=tila, alkupvm=d(start),
           loppupvm=d(end) if end else None)  # fmt: skip


def _client(db: KpiDb, cid: str, kunta: str, born: int | None = None,
            immigrant: bool | None = None) -> None:  # fmt: skip
    db.add("asiakkaat", asiakas_id=cid, kunta=kunta, syntymavuosi=born, maahanmuuttaja=immigrant)


def _count(db: KpiDb, metric: str, end: str, area: str = "Pohjois-Karjala") -> float | None:
    rows = db.kpi(metric, d("1.1.2025"), d(end), as_of=d("31.12.2025"))
    return rows[area]["value"]


def test_the_count_is_taken_on_e_and_laid_off_counts_as_unemployed(db: KpiDb) -> None:
    _client(db, "A", "Joensuu")
    _spell(db, "A", "tyoton", "1.3.2025", "30.6.2025")  # ends on E = 30.6: counted
    _client(db, "B", "Lieksa")
    _spell(db, "B", "lomautettu", "1.6.2025")
    _client(db, "C", "Lieksa")
    _spell(db, "C", "palveluissa", "1.6.2025")  # in services: not unemployed
    _client(db, "D", "Kitee")
    _spell(db, "D", "tyoton", "1.7.2025")  # starts after E
    rows = db.kpi("unemployed_job_seekers", d("1.1.2025"), d("30.6.2025"), as_of=d("31.12.2025"))
    assert rows["Pohjois-Karjala"]["value"] == 2
    assert (rows["Joensuu"]["value"], rows["Lieksa"]["value"], rows["Kitee"]["value"]) == (1, 1, 0)
    assert rows["Pielisen Karjala"]["numerator"] == 1
    assert rows["Joensuu"]["denominator"] is None and rows["Joensuu"]["pending"] is None
    assert _count(db, "unemployed_job_seekers", "1.7.2025") == 2  # A ended, D started


def test_e_is_the_as_of_date_when_the_period_ends_later(db: KpiDb) -> None:
    _client(db, "A", "Joensuu")
    _spell(db, "A", "tyoton", "1.3.2025", "15.6.2025")
    rows = db.kpi("unemployed_job_seekers", d("1.1.2025"), d("31.12.2025"), as_of=d("15.6.2025"))
    assert rows["Pohjois-Karjala"]["value"] == 1


@pytest.mark.parametrize(
    ("born", "end", "counted"),
    [(2001, "31.12.2025", 1), (2000, "31.12.2025", 0), (2001, "31.12.2026", 0),
     (2002, "1.1.2026", 1), (None, "31.12.2025", 0)],
)  # fmt: skip
def test_under_25_is_the_age_reached_in_the_year_of_e(
    db: KpiDb, born: int | None, end: str, counted: int
) -> None:
    _client(db, "A", "Joensuu", born=born)
    _spell(db, "A", "tyoton", "1.1.2025")
    rows = db.kpi("unemployed_under_25", d("1.1.2025"), d(end), as_of=d("31.12.2026"))
    assert rows["Joensuu"]["value"] == counted
    # a client without a birth year is left out of this count only
    total = db.kpi("unemployed_job_seekers", d("1.1.2025"), d(end), as_of=d("31.12.2026"))
    assert total["Joensuu"]["value"] == 1


def test_immigrants_leave_out_clients_without_the_flag(db: KpiDb) -> None:
    for cid, flag in (("A", True), ("B", False), ("C", None)):
        _client(db, cid, "Outokumpu", immigrant=flag)
        _spell(db, cid, "tyoton", "1.2.2025")
    assert _count(db, "unemployed_immigrants", "31.3.2025") == 1
    assert _count(db, "unemployed_job_seekers", "31.3.2025") == 3


def test_long_term_spells_that_touch_merge_and_a_gap_restarts(db: KpiDb) -> None:
    _client(db, "A", "Joensuu")  # tyoton then lomautettu the next day: one spell from 1.3.2024
    _spell(db, "A", "tyoton", "1.3.2024", "31.8.2024")
    _spell(db, "A", "lomautettu", "1.9.2024")
    _client(db, "B", "Joensuu")  # a one-day gap: a new spell from 3.9.2024
    _spell(db, "B", "tyoton", "1.3.2024", "1.9.2024")
    _spell(db, "B", "tyoton", "3.9.2024")
    _client(db, "C", "Joensuu")  # working between: a new spell
    _spell(db, "C", "tyoton", "1.1.2024", "28.2.2024")
    _spell(db, "C", "tyollinen", "29.2.2024", "31.5.2024")
    _spell(db, "C", "tyoton", "1.6.2024")
    assert _count(db, "long_term_unemployed", "1.3.2025") == 1  # A: 1.3.2024 <= E - 12 months
    assert _count(db, "long_term_unemployed", "28.2.2025") == 0
    assert _count(db, "long_term_unemployed", "1.6.2025") == 2  # C from 1.6.2024: A and C
    assert _count(db, "long_term_unemployed", "2.9.2025") == 2  # B's gap: not yet
    assert _count(db, "long_term_unemployed", "3.9.2025") == 3  # B reaches 12 months on 3.9


@pytest.mark.parametrize(("start", "end", "long_term"), [
    ("28.2.2024", "28.2.2025", 1),  # 28.2.2025 - 12 months = 28.2.2024 (the months rule)
    ("29.2.2024", "28.2.2025", 0),  # not 29.2.2024: that would be "one year earlier"
    ("28.2.2023", "29.2.2024", 1),  # 29.2.2024 - 12 months = 28.2.2023
    ("31.10.2024", "30.11.2025", 1),
    ("30.11.2024", "30.11.2025", 1),
    ("1.12.2024", "30.11.2025", 0),
])  # fmt: skip
def test_e_minus_12_months_at_month_ends(db: KpiDb, start: str, end: str, long_term: int) -> None:
    _client(db, "A", "Ilomantsi")
    _spell(db, "A", "tyoton", start)
    rows = db.kpi("long_term_unemployed", d("1.1.2024"), d(end), as_of=d("31.12.2025"))
    assert rows["Ilomantsi"]["value"] == long_term


REACHING = "unemployment_reaching_3_months"


def test_unemployment_reaching_3_months_resolves_as_the_spec_says(db: KpiDb) -> None:
    # start 30.11.2024: S3 = 28.2.2025 (no 30 Feb in 2025)
    _client(db, "A", "Joensuu")
    _spell(db, "A", "tyoton", "30.11.2024", "28.2.2025")  # ended on S3: not reached
    _client(db, "B", "Joensuu")
    _spell(db, "B", "tyoton", "30.11.2024", "1.3.2025")  # ended the day after S3: reached
    _client(db, "C", "Joensuu")  # touching rows form one spell: open, S3 < A: reached
    _spell(db, "C", "tyoton", "2.11.2024", "10.12.2024")
    _spell(db, "C", "lomautettu", "11.12.2024")
    _client(db, "D", "Lieksa")  # starts 1.12: S3 = 1.3.2025 = A, open: pending
    _spell(db, "D", "tyoton", "1.12.2024")
    _client(db, "E", "Lieksa")  # the second row of a spell is no new spell
    _spell(db, "E", "tyoton", "1.10.2024", "14.11.2024")
    _spell(db, "E", "tyoton", "15.11.2024", "20.11.2024")
    rows = db.kpi(REACHING, d("1.11.2024"), d("31.12.2024"), as_of=d("1.3.2025"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (2, 3)
    assert rows["Joensuu"]["pending"] == 0
    assert (rows["Lieksa"]["denominator"], rows["Lieksa"]["pending"]) == (0, 1)
    assert rows["Lieksa"]["value"] is None
    assert (
        rows["Pohjois-Karjala"]["target_op"] is None and rows["Pohjois-Karjala"]["status"] is None
    )


def test_a_spell_ending_before_s3_is_resolved_even_while_s3_is_ahead(db: KpiDb) -> None:
    _client(db, "A", "Joensuu")
    _spell(db, "A", "tyoton", "1.12.2024", "31.12.2024")
    rows = db.kpi(REACHING, d("1.12.2024"), d("31.12.2024"), as_of=d("31.1.2025"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (0, 1)


TIME = "time_to_employment_days"


def test_time_to_employment(db: KpiDb) -> None:
    def search(cid: str, start: str, end: str | None = None) -> None:
        db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=d(start),
               loppupvm=d(end) if end else None)  # fmt: skip

    _client(db, "A", "Joensuu")  # employed the day after the search ended: counts (+1 day)
    search("A", "1.2.2025", "31.3.2025")
    _spell(db, "A", "tyoton", "1.2.2025", "31.3.2025")
    _spell(db, "A", "tyollinen", "1.4.2025")
    _client(db, "B", "Joensuu")  # two days after the end: not a case
    search("B", "1.2.2025", "31.3.2025")
    _spell(db, "B", "tyoton", "1.2.2025", "1.4.2025")
    _spell(db, "B", "tyollinen", "2.4.2025")
    _client(db, "C", "Joensuu")  # not unemployed when the search started: not a case
    search("C", "1.2.2025")
    _spell(db, "C", "palveluissa", "1.2.2025", "28.2.2025")
    _spell(db, "C", "tyollinen", "1.3.2025")
    _client(db, "D", "Joensuu")  # laid off; open search; the first tyollinen spell counts
    search("D", "10.3.2025")
    _spell(db, "D", "lomautettu", "1.3.2025", "19.3.2025")
    _spell(db, "D", "tyollinen", "20.3.2025", "30.4.2025")
    _spell(db, "D", "tyollinen", "5.5.2025")
    _client(db, "F", "Kitee")  # pay-subsidised work is palveluissa, not employment
    search("F", "1.1.2025")
    _spell(db, "F", "tyoton", "1.1.2025", "31.1.2025")
    _spell(db, "F", "palveluissa", "1.2.2025")
    rows = db.kpi(TIME, d("1.3.2025"), d("30.4.2025"), as_of=d("31.12.2025"))
    # A: 1.4 - 1.2 = 59 days; D: 20.3 - 10.3 = 10 days
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (69, 2)
    assert rows["Joensuu"]["value"] == pytest.approx(34.5)
    assert rows["Kitee"]["denominator"] == 0 and rows["Kitee"]["value"] is None
    # the case belongs to the period in which employment starts
    march = db.kpi(TIME, d("1.3.2025"), d("31.3.2025"), as_of=d("31.12.2025"))
    assert march["Joensuu"]["denominator"] == 1


STATEMENTS = "statement_processing_days"


def test_statement_processing_days_and_the_backlog_on_e() -> None:
    db = KpiDb()
    _client(db, "A", "Joensuu")
    _client(db, "B", "Nurmes")
    for vireille, annettu, who in [
        ("1.3.2025", "11.3.2025", "A"),  # 10 days, issued in March
        ("20.3.2025", "31.3.2025", "A"),  # 11 days
        ("25.3.2025", "2.4.2025", "A"),  # issued after E = 31.3: backlog on E
        ("1.1.2025", None, "B"),  # still pending, became pending long before
        ("1.4.2025", None, "B"),  # pending after E: not in the backlog of March
    ]:
        db.add("lausunnot", asiakas_id=who, vireille=d(vireille),
               annettu=d(annettu) if annettu else None)  # fmt: skip
    rows = db.kpi(STATEMENTS, d("1.3.2025"), d("31.3.2025"), as_of=d("30.4.2025"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (21, 2)
    assert rows["Joensuu"]["pending"] == 1 and rows["Nurmes"]["pending"] == 1
    assert rows["Pohjois-Karjala"]["pending"] == 2
    assert rows["Nurmes"]["value"] is None and rows["Nurmes"]["denominator"] == 0


def test_without_lausunnot_the_statements_say_no_data() -> None:
    db = KpiDb(exports=("asiakkaat", "tilajaksot"))
    _client(db, "A", "Joensuu")
    rows = db.kpi(STATEMENTS, d("1.3.2025"), d("31.3.2025"), as_of=d("30.4.2025"))
    assert all(r["value"] is None and r["pending"] is None for r in rows.values())


def test_a_monthly_series_counts_on_each_month_end(db: KpiDb) -> None:
    _client(db, "A", "Joensuu")
    _spell(db, "A", "tyoton", "15.1.2025", "27.2.2025")
    _client(db, "B", "Joensuu")
    _spell(db, "B", "tyoton", "31.3.2025")
    rows = compute(db.con, d("1.1.2025"), d("15.4.2025"), grain="month", as_of=d("15.4.2025"),
                   levels=("koko_alue",), metric_ids=["unemployed_job_seekers"])  # fmt: skip
    assert rows["period_start"].to_list() == [d("1.1.2025"), d("1.2.2025"), d("1.3.2025"),
                                              d("1.4.2025")]  # fmt: skip
    assert rows["value"].to_list() == [1, 0, 1, 1]
    weeks = compute(db.con, d("24.2.2025"), d("9.3.2025"), grain="week", as_of=d("15.4.2025"),
                    levels=("koko_alue",), metric_ids=["unemployed_job_seekers"])  # fmt: skip
    assert weeks["value"].to_list() == [0, 0]  # on Sun 2.3 and Sun 9.3


def test_the_cohort_table_of_unemployment_reaching_3_months(db: KpiDb) -> None:
    from metrics.breakdowns import cohort_outcomes

    for cid, start, end in (("A", "30.11.2024", "28.2.2025"), ("B", "30.11.2024", "1.3.2025"),
                            ("C", "30.11.2024", None), ("D", "1.12.2024", None)):  # fmt: skip
        _client(db, cid, "Joensuu")
        _spell(db, cid, "tyoton", start, end)
    table = cohort_outcomes(db.con, REACHING, d("1.11.2024"), d("31.12.2024"),
                            as_of=d("1.3.2025"), level="kunta", area="Joensuu")  # fmt: skip
    counts = dict(zip(table["outcome"], table["count"], strict=True))
    # S3 = 28.2.2025 < A: A ended on S3 (not reached), B and C reached; D: S3 = 1.3 = A, pending
    assert counts == {"reached": 2, "not_reached": 1, "pending": 1}
