-- kpi_deadline_outcome: a deadline case's outcome at the as-of date A, the one rule of
-- docs/spec/METRICS.md for a deed due by a deadline (TYM assessment, integration plan,
-- initial contact). Registered on every metrics cursor (metrics.sql_context).
--   done_on          the first deed's date (NULL: none known at A)
--   deadline         the last day on which the deed is on time
--   ended            the day the case ended (NULL: open at A)
--   excluded_before  a case that ended before this day without the deed is excluded
-- On time: the deed by the deadline; late: the deed after it, or none once the deadline has
-- passed (deadline < A); otherwise pending.
CREATE OR REPLACE TEMP MACRO kpi_deadline_outcome(done_on, deadline, ended, excluded_before, as_of) AS
    CASE
        WHEN done_on IS NOT NULL AND done_on <= deadline THEN 'on_time'
        WHEN done_on IS NOT NULL THEN 'late'
        WHEN ended < excluded_before THEN 'excluded'
        WHEN deadline < as_of THEN 'late'
        ELSE 'pending'
    END
