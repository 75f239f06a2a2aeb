"""metrics.digest_text: the Monday e-mail's own words, in Finnish and English, with the same
placeholders in both."""

from __future__ import annotations

import string

import pytest

from metrics.digest_text import TEXTS, say


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    fi, en = TEXTS[key]
    assert (fi.strip() and en.strip() and fi != en) or key == "title"
    assert _fields(fi) == _fields(en)


def test_say_fills_the_placeholders() -> None:
    assert say("subject", "fi", date="3.3.2025", off=2, risk=1) == (
        "Tavoiteseuranta 3.3.2025: 2 ei tavoitteessa, 1 riskissä"
    )
    assert say("subject", "en", date="3 Mar 2025", off=0, risk=4).startswith("KPI summary")
    assert "people" in say("week_ago_note", "en", end="24 Feb 2025")
