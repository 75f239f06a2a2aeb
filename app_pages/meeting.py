"""Viikkopalaveri / Weekly meeting: every target in one table, the municipality × target
matrix and the changes of status (ui/meeting_view.py)."""

from ui import blocks, meeting_view

meeting_view.render(blocks.require_context("nav_meeting"))
