"""Goal page: the plan's goal "ekosysteemi" with drill-down by area, trend and breakdowns."""

from ui.goal_view import render_goal

render_goal("ekosysteemi")
