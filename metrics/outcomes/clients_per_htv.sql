-- clients_per_customer_service_htv: numerator = clients with a job-search period open on E
-- (alkupvm <= E and loppupvm null or >= E), by home municipality; denominator = the person-years
-- budgeted for customer service (ref_henkilosto.asiakaspalvelu) in the municipality's service
-- point, from the staffing file of E's year (the latest earlier one when that year has none).
-- Jokerityö placed in Kitee and Lieksa counts there, as the file places it.
-- A client's job-search periods never overlap (the load rejects overlaps), so the periods open
-- on E are the clients: counted as starts on or before E minus ends before E, per day, which
-- keeps the join with the buckets small at any number of clients. A period that starts after the
-- last E has both its days after it (loppupvm >= alkupvm, the load checks it): the join on the
-- raw alkupvm lets DuckDB skip those row groups (tables are stored by year, docs/pipelines.md).
WITH periods AS MATERIALIZED (
    SELECT a.kunta, j.alkupvm, j.loppupvm, e.last_e
    FROM (SELECT max(b_e) AS last_e FROM kpi_buckets) AS e
    JOIN tyonhakujaksot AS j ON j.alkupvm <= e.last_e
    JOIN asiakkaat AS a ON a.asiakas_id = j.asiakas_id
),
daily AS (
    SELECT kunta, d, sum(n) AS n
    FROM (
        SELECT kunta, alkupvm AS d, 1 AS n FROM periods
        UNION ALL
        SELECT kunta, loppupvm + 1 AS d, -1 AS n FROM periods WHERE loppupvm + 1 <= last_e
    )
    GROUP BY kunta, d
),
open_clients AS (
    SELECT b.b_start, x.kunta, sum(x.n) AS clients
    FROM kpi_buckets AS b
    JOIN daily AS x ON x.d <= b.b_e
    GROUP BY b.b_start, x.kunta
),
staff_year AS (
    SELECT
        b.b_start,
        coalesce(max(y.vuosi) FILTER (WHERE y.vuosi <= year(b.b_e)), min(y.vuosi)) AS vuosi
    FROM kpi_buckets AS b
    CROSS JOIN (SELECT DISTINCT vuosi FROM ref_henkilosto) AS y
    GROUP BY b.b_start
),
htv AS (
    SELECT y.b_start, h.kunta, sum(h.htv) AS htv
    FROM staff_year AS y
    JOIN ref_henkilosto AS h ON h.vuosi = y.vuosi AND h.asiakaspalvelu
    GROUP BY y.b_start, h.kunta
)
SELECT
    b.b_start,
    k.kunta,
    coalesce(o.clients, 0)::DOUBLE AS numerator,
    coalesce(h.htv, 0)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM kpi_buckets AS b
CROSS JOIN ref_kunnat AS k
LEFT JOIN open_clients AS o ON o.b_start = b.b_start AND o.kunta = k.kunta
LEFT JOIN htv AS h ON h.b_start = b.b_start AND h.kunta = k.kunta
