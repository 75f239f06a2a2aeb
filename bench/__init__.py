"""Benchmarks: bench/run (the suite), the pandas baseline, the load benchmark."""
