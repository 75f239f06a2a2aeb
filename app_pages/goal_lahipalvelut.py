"""Goal page: the plan's goal "lahipalvelut" with drill-down by area, trend and breakdowns."""

from ui.goal_view import render_goal

render_goal("lahipalvelut")
