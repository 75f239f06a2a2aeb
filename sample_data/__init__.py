"""Synthetic exports of docs/spec/DATA_CONTRACT.md for tests, demos and benchmarks.

Run as ``python -m sample_data``; see docs/sample_data.md.
"""
