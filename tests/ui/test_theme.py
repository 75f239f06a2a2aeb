"""The themes' colours (.streamlit/config.toml) meet WCAG AA (the browser check in dark mode:
tests/browser/test_screens.py)."""

from __future__ import annotations

import tomllib

import pytest

from common.settings import PROJECT_ROOT

CONFIG = PROJECT_ROOT / ".streamlit" / "config.toml"
WHITE = "#FFFFFF"  # Streamlit writes a primary button's label in white on primaryColor


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#RRGGBB``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def theme(name: str) -> dict[str, str]:
    with CONFIG.open("rb") as handle:
        return dict(tomllib.load(handle)["theme"][name])


def test_the_contrast_formula() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#56B4E9", WHITE) == pytest.approx(2.3, abs=0.05)  # the old dark primary
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_primary_buttons_label_has_aa_contrast(name: str) -> None:
    assert contrast(theme(name)["primaryColor"], WHITE) >= 4.5


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_and_links_have_aa_contrast_on_the_background(name: str) -> None:
    colours = theme(name)
    for key in ("textColor", "linkColor"):
        assert contrast(colours[key], colours["backgroundColor"]) >= 4.5, key
        assert contrast(colours[key], colours["secondaryBackgroundColor"]) >= 4.5, key


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_primary_colour_stands_out_from_the_background(name: str) -> None:
    """A control drawn in the primary colour (a selected segment, a focus ring) is a
    graphical object: at least 3:1 against the page (WCAG 1.4.11)."""
    colours = theme(name)
    assert contrast(colours["primaryColor"], colours["backgroundColor"]) >= 3.0
