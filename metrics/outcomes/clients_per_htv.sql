-- clients_per_customer_service_htv: numerator = clients with a job-search period open on E
-- (alkupvm <= E and loppupvm null or >= E), by home municipality; denominator = the person-years
-- budgeted for customer service (ref_henkilosto.asiakaspalvelu) in the municipality's service
-- point, from the staffing file of E's year (the latest earlier one when that year has none).
-- Jokerityö placed in Kitee and Lieksa counts there, as the file places it.
-- A client's job-search periods never overlap (the load rejects overlaps), so the periods open
-- on E are the clients: counted as starts on or before E minus ends before E, per day, which
-- keeps the join with the buckets small at any number of clients.
WITH daily AS (
    SELECT a.kunta, x.d, sum(x.n) AS n
    FROM tyonhakujaksot AS j
    JOIN asiakkaat AS a ON a.asiakas_id = j.asiakas_id
    CROSS JOIN LATERAL (VALUES (j.alkupvm, 1), (j.loppupvm + 1, -1)) AS x(d, n)
    WHERE x.d IS NOT NULL AND x.d <= (SELECT max(b_e) FROM kpi_buckets)
    GROUP BY a.kunta, x.d
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
