"""The dashboard's CSS: cards, status badges and presentation mode.

Colours come from the theme (CSS variables of the light or dark theme) except the status
accents (Okabe–Ito, ui/status_style.py), which are always paired with an icon and a word.
A selected segment's label takes the text colour (in bold) instead of the primary colour:
the dark theme's primary blue is dark enough for a primary button's white label (WCAG AA)
and so too dark for text on the dark page. A card's value shrinks with the window
(``clamp``) and may wrap, so a long unit (``asiakasta/htv``) never runs past its card.
Presentation mode's type is 22 px on a 1920×1080 screen and shrinks with a smaller window
(``min(1.15vw, 2.04vh)``, at least 14 px), so a slide laid out for 1080 p fits 1440×900 too.
"""

from __future__ import annotations

import streamlit as st

BASE_CSS = """
<style>
.kpi-grid {display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
  gap: 1rem; margin-bottom: .5rem;}
.kpi-card {border: 1px solid rgba(128,128,128,.45); border-left: 8px solid var(--kpi-accent);
  border-radius: 6px; padding: .7rem .9rem .6rem .9rem; display: flex; flex-direction: column;
  gap: .3rem;}
.kpi-card {min-width: 0;}
.kpi-value {font-size: clamp(1.5rem, 1rem + 1.4vw, 2.25rem); line-height: 1.15;
  font-variant-numeric: tabular-nums; margin-top: .4rem; max-width: 100%;
  overflow-wrap: anywhere;}
.kpi-value .unit {font-size: .6em; white-space: nowrap;}
.kpi-scope {font-size: .9rem; font-weight: 700;}
.kpi-delta {font-size: .9rem; opacity: .9;}
.kpi-delta .chip {display: inline-block; padding: .05rem .45rem; border-radius: 1rem;
  font-variant-numeric: tabular-nums;}
.kpi-delta .good {background: rgba(0,158,115,.18);}
.kpi-delta .bad {background: rgba(213,94,0,.18);}
.kpi-delta .flat {background: rgba(128,128,128,.18);}
.kpi-target {font-size: .95rem; opacity: .9;}
.kpi-status {display: inline-block; font-weight: 700; padding: .05rem .5rem; border-radius: 1rem;
  border: 2px solid var(--kpi-accent); margin: .25rem 0; font-size: .95rem;}
.kpi-status .icon {color: var(--kpi-accent);}
.kpi-meta {font-size: .9rem; opacity: .9;}
.kpi-card-title {font-weight: 700; line-height: 1.3;}
button[data-variant="segmented_control"][aria-checked="true"] {color: inherit !important;
  font-weight: 700;}
</style>
"""

PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"],
[data-testid="stMainMenu"], header {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {padding-top: 1.2rem !important;
  max-width: 100% !important;}
html, body, [data-testid="stAppViewContainer"] {font-size: clamp(14px, min(1.15vw, 2.04vh), 22px);}
[data-testid="stMarkdownContainer"] p {font-size: 1.35rem;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 3.6rem !important;
  line-height: 1.15 !important;}
[data-testid="stMetricDelta"] *, [data-testid="stCaptionContainer"] * {
  font-size: 1.15rem !important;}
h1 {font-size: 2.6rem !important;}
.kpi-grid {grid-template-columns: repeat(3, 1fr);}
.kpi-value {font-size: 3.6rem;}
.kpi-delta {font-size: 1.15rem;}
.kpi-target, .kpi-status {font-size: 1.3rem;}
.kpi-card-title {font-size: 1.5rem;}
.kpi-meta {font-size: 1.15rem;}
</style>
"""


def apply(presentation: bool) -> None:
    st.html(BASE_CSS + (PRESENTATION_CSS if presentation else ""))


def uploader_in_finnish(max_mb: int) -> None:
    """Streamlit's file uploader has no translations: its button ("Upload") and its limit line
    ("1GB per file • CSV, …") are replaced in Finnish by CSS (the text nodes are hidden and
    the Finnish words drawn in their place). Screen readers read the field's own label."""
    size = f"{max_mb // 1024} Gt" if max_mb % 1024 == 0 else f"{max_mb} Mt"
    button = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    limit = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    st.html(
        "<style>"
        f"{button}, {limit} {{font-size: 0;}}"
        f'{button}::after {{content: "Valitse tiedostot"; font-size: 1rem;}}'
        f'{limit}::after {{content: "enintään {size} / tiedosto · CSV, XLSX, PARQUET, ZIP";'
        " font-size: .875rem;}"
        "</style>"
    )
