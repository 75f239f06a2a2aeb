"""Goal page: the plan's goal "maahanmuuttajat" with drill-down by area, trend and breakdowns."""

from ui.goal_view import render_goal

render_goal("maahanmuuttajat")
