"""Palveluprosessi / Service process: the legal deadlines of service plan section 5."""

from ui.goal_view import render_goal

render_goal("palveluprosessi")
