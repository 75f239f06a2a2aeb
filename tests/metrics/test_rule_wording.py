"""The rules in words come from the rules table: a new row changes the words."""

from __future__ import annotations

import re
from pathlib import Path

from metrics.deadline_rules import load_rules
from metrics.registry import REGISTRY
from metrics.rule_wording import (
    INITIAL_CONTACT,
    JOB_SEARCH_DISCUSSION,
    SUPPLEMENTARY,
    rule_change_in_period,
    rule_text,
    wording_in_period,
)
from tests.metrics.kpidb import d

HEADER = "metric_id,voimassa_alkaen,voimassa_asti,raja,raja_jos_aiempi,tapahtumat,lahde\n"


def test_the_words_of_2025_and_2026_follow_the_table() -> None:
    fi, en = wording_in_period(INITIAL_CONTACT, d("1.1.2025"), d("31.12.2025")) or ("", "")
    assert fi == (
        "Alkuhaastattelu tai täydentävä työnhakukeskustelu 5 arkipäivän kuluessa "
        "työnhaun alkamisesta"
    )
    assert "within 5 working days" in en
    fi, en = wording_in_period(INITIAL_CONTACT, d("1.1.2026"), d("30.11.2026")) or ("", "")
    assert fi == "Alkuhaastattelu 10 arkipäivän kuluessa työnhaun alkamisesta"
    assert en == "An initial interview within 10 working days of the start of the job search"


def test_a_period_across_the_change_dates_both_rules() -> None:
    fi, en = wording_in_period(INITIAL_CONTACT, d("1.6.2025"), d("31.3.2026")) or ("", "")
    assert fi.startswith("31.12.2025 asti: alkuhaastattelu tai täydentävä")
    assert "; 1.1.2026 alkaen: alkuhaastattelu 10 arkipäivän kuluessa" in fi
    assert en.startswith("Until 31 Dec 2025: an initial interview or")
    assert "; From 1 Jan 2026: an initial interview within 10 working days" in en
    change = rule_change_in_period(INITIAL_CONTACT, d("1.6.2025"), d("31.3.2026"))
    assert change is not None and change[0] == d("1.1.2026")
    assert (change[1].raja, change[2].raja) == (5, 10)
    assert rule_change_in_period(INITIAL_CONTACT, d("1.1.2026"), d("31.3.2026")) is None


def test_a_new_row_in_the_table_changes_the_words(tmp_path: Path) -> None:
    (tmp_path / "maaraajat.csv").write_text(
        HEADER
        + "initial_contact_within_deadline,2027-01-01,,7,,alkuhaastattelu,x\n"
        + "supplementary_discussions_first_3_months,2027-01-01,,3,2,"
        "taydentava_tyonhakukeskustelu,y\n",
        encoding="utf-8",
    )
    fi, _ = wording_in_period(INITIAL_CONTACT, d("1.1.2027"), d("1.2.2027"), tmp_path) or ("", "")
    assert "7 arkipäivän" in fi
    fi, en = wording_in_period(SUPPLEMENTARY, d("1.1.2027"), d("1.2.2027"), tmp_path) or ("", "")
    assert fi.startswith("3 täydentävää") and "(2, jos täydentävä edelsi" in fi
    assert en.startswith("3 supplementary discussions") and "(2 when one came before" in en
    # each rule's earliest row also applies to the days before it (docs/spec/METRICS.md)
    fi, _ = wording_in_period(INITIAL_CONTACT, d("1.1.2026"), d("1.2.2026"), tmp_path) or ("", "")
    assert "7 arkipäivän" in fi


def test_a_metric_without_rules_has_no_words() -> None:
    assert wording_in_period("employer_contacts", d("1.1.2025"), d("31.1.2025")) is None
    assert wording_in_period(SUPPLEMENTARY, d("1.1.2026"), d("31.1.2026")) is None  # ended


# A limit written into a text, in figures or words, instead of read from the rules table.
FIXED_LIMIT = re.compile(
    r"\b(\d+|viisi|viiden|kymmenen|neljä)\s+(arkipäiv|täydentäv)|\b(five|ten|four)\s+"
    r"(working days|supplementary)|\(\d+, tai \d+",
    re.IGNORECASE,
)


def test_no_metric_description_repeats_a_rules_limit() -> None:
    for m in REGISTRY:
        for text in (m.description_fi, m.description_en):
            assert not FIXED_LIMIT.search(text), (m.id, text)


def test_rule_text_is_lower_case_for_use_inside_a_sentence() -> None:
    fi, en = rule_text(next(r for r in load_rules() if r.metric_id == INITIAL_CONTACT))
    assert fi.startswith("alkuhaastattelu") and en.startswith("an initial interview")


def test_the_three_monthly_rule_in_words_comes_from_its_row() -> None:
    fi, en = wording_in_period(JOB_SEARCH_DISCUSSION, d("1.1.2026"), d("31.1.2026")) or ("", "")
    assert fi == (
        "Työnhakukeskustelu viimeistään 3 kuukauden kuluttua alkuhaastattelusta tai "
        "edellisestä työnhakukeskustelusta"
    )
    assert en.startswith("A job-search discussion within 3 months")
