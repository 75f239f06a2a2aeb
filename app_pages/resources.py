"""Resurssit / Resources: person-years per service point and function, clients per person-year."""

from ui import blocks, resources_view

resources_view.render(blocks.require_context("nav_resources"))
