"""Shared pieces of the KPI dashboard: settings and the service plan's reference data."""
