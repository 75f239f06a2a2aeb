-- kpi_unemployment_spells(asiakas_id, spell_start, spell_end): every client's unemployment
-- spells, the one merging of docs/spec/METRICS.md ("Unemployment spell"): a client's
-- tilajaksot rows with tila tyoton or lomautettu where each next row starts on the day after
-- the previous ends form one spell; it starts with its first row's alkupvm and ends with its
-- last row's loppupvm (NULL: still on). Rows of one client do not overlap (DATA_CONTRACT.md),
-- so a spell covers exactly the days of its rows, [spell_start, spell_end], and a client is in
-- at most one spell on a day. Read by metrics/situation/unemployed_on_day.sql,
-- reaching_3_months.sql and time_to_employment.sql. metrics.sql_context creates it as a temp
-- table of the cursor the first time one of them runs on it, so the four counts, their
-- year-earlier run and the other two metrics share one computation. It holds all of the data,
-- not one period's, so it does not depend on kpi_days or kpi_buckets.
CREATE TEMP TABLE kpi_unemployment_spells AS
WITH unemployed_rows AS (
    SELECT asiakas_id, alkupvm, loppupvm
    FROM tilajaksot
    WHERE tila IN ('tyoton', 'lomautettu')
),
marked AS (
    SELECT
        *,
        CASE
            WHEN lag(loppupvm) OVER (PARTITION BY asiakas_id ORDER BY alkupvm) + 1 = alkupvm
            THEN 0 ELSE 1
        END AS starts_spell
    FROM unemployed_rows
),
numbered AS (
    SELECT
        *,
        sum(starts_spell) OVER (
            PARTITION BY asiakas_id ORDER BY alkupvm ROWS UNBOUNDED PRECEDING
        ) AS spell_no
    FROM marked
)
SELECT
    asiakas_id,
    min(alkupvm) AS spell_start,
    -- only the last row can be open: one open row leaves the spell open
    CASE WHEN count(*) = count(loppupvm) THEN max(loppupvm) END AS spell_end
FROM numbered
GROUP BY asiakas_id, spell_no
