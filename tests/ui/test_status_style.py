"""ui.status_style: status as colour + icon + word, never colour alone, one distinct shape per
status, the colour-blind-safe palette."""

from __future__ import annotations

import pytest

from ui.status_style import (
    OKABE_ITO,
    STATUS_STYLES,
    status_badge_html,
    status_label,
    status_style,
)


@pytest.mark.parametrize(
    ("status", "has_target", "key"),
    [
        ("ok", True, "ok"),
        ("risk", True, "risk"),
        ("off", True, "off"),
        (None, True, "none"),
        ("unknown", True, "none"),
        ("ok", False, "notarget"),  # a figure without a target never shows a status
    ],
)
def test_the_style_of_each_status(status: str | None, has_target: bool, key: str) -> None:
    assert status_style(status, has_target).key == key


def test_shapes_differ_and_colours_come_from_the_palette() -> None:
    judged = [STATUS_STYLES[k] for k in ("ok", "risk", "off", "none")]
    assert len({s.icon for s in judged}) == 4  # readable without colour
    assert {s.colour for s in judged[:3]} <= set(OKABE_ITO.values())


@pytest.mark.parametrize(("lang", "word"), [("fi", "Tavoitteessa"), ("en", "On target")])
def test_label_and_badge_carry_icon_and_word(lang: str, word: str) -> None:
    assert status_label("ok", lang) == f"✔ {word}"  # type: ignore[arg-type]
    badge = status_badge_html("off", lang)  # type: ignore[arg-type]
    assert "✖" in badge and OKABE_ITO["vermillion"] in badge and 'aria-hidden="true"' in badge
