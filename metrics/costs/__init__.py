"""The money (docs/spec/METRICS.md, "Costs"; service plan section 3).

``cost_data`` reads a year's ledger, commitments, budget and percentages (SQL beside it, bound
parameters); ``cent_allocation`` shares the pool to the municipalities to the cent;
``cost_tables`` builds the five tables of ``python -m metrics costs``; ``course_results`` the
cost per result; ``cost_suppression`` the board's view of the municipality x item cells.
"""
