-- ecosystem_groups_started: working groups with kaynnistynyt <= E over all groups.
-- koko_alue only: the rows carry no municipality.
SELECT
    b.b_start,
    NULL::VARCHAR AS kunta,
    count(*) FILTER (WHERE g.kaynnistynyt <= b.b_e)::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM kpi_buckets AS b
CROSS JOIN tyoryhmat AS g
GROUP BY b.b_start
