-- statement_processing_days: statements with annettu in [from, E]; days = annettu - vireille;
-- numerator = the sum, denominator = how many. pending = the backlog on each bucket's elapsed
-- end b_e: vireille <= b_e and no annettu on or before b_e, whenever they became pending.
-- Area: the client's kunta.
WITH issued AS (
    SELECT p.b_start, l.asiakas_id, date_diff('day', l.vireille, l.annettu) AS days, 0 AS backlog
    FROM lausunnot AS l
    JOIN kpi_days AS p ON p.d = l.annettu
),
waiting AS (
    SELECT b.b_start, l.asiakas_id, NULL::BIGINT AS days, 1 AS backlog
    FROM kpi_buckets AS b
    JOIN lausunnot AS l
      ON l.vireille <= b.b_e
     AND (l.annettu IS NULL OR l.annettu > b.b_e)
),
cases AS (
    SELECT * FROM issued
    UNION ALL
    SELECT * FROM waiting
)
SELECT
    c.b_start,
    a.kunta,
    coalesce(sum(c.days), 0)::DOUBLE AS numerator,
    count(c.days)::DOUBLE AS denominator,
    sum(c.backlog)::BIGINT AS pending
FROM cases AS c
JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
GROUP BY c.b_start, a.kunta
