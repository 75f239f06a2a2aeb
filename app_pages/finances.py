"""Talous / Finances: costs against the budget, the municipalities' bills, cost per result."""

from ui import blocks, finance_view

finance_view.render(blocks.require_context("nav_finances"))
