"""Every text exists in both languages, and placeholders match between them."""

import re

import pytest

from metrics.registry import GOALS
from ui.i18n import TEXTS, coerce_lang, t

_PLACEHOLDER = re.compile(r"{(\w+)}")


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_present_with_the_same_placeholders(key: str) -> None:
    fi, en = TEXTS[key]
    assert fi.strip() and en.strip()
    assert set(_PLACEHOLDER.findall(fi)) == set(_PLACEHOLDER.findall(en))


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("no_such_text", "fi")


def test_placeholders_are_filled() -> None:
    assert t("pending", "fi", n="12") == "kesken 12"
    assert t("pending", "en", n="12") == "12 pending"


def test_unknown_language_falls_back_to_finnish() -> None:
    assert coerce_lang("sv") == "fi"
    assert coerce_lang(None) == "fi"
    assert coerce_lang("en") == "en"


@pytest.mark.parametrize("goal", list(GOALS))
def test_every_goal_has_a_short_title(goal: str) -> None:
    assert t(f"goal_short_{goal}", "fi") != t(f"goal_short_{goal}", "en")
