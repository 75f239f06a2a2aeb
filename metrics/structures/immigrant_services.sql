-- immigrant_services_municipalities_used: municipalities named in tuottaja_kunta of
-- osaamiskartoitus events dated in [from, E]. One row per municipality of ref_kunnat:
-- numerator 1 when used, denominator 1, so an area's sums are (used, municipalities).
-- Area: the tuottaja_kunta.
WITH used AS (
    SELECT DISTINCT p.b_start, t.tuottaja_kunta AS kunta
    FROM tapahtumat AS t
    JOIN kpi_days AS p ON p.d = t.pvm
    WHERE t.tyyppi = 'osaamiskartoitus' AND t.tuottaja_kunta IS NOT NULL
)
SELECT
    b.b_start,
    k.kunta,
    count(u.kunta)::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM kpi_buckets AS b
CROSS JOIN ref_kunnat AS k
LEFT JOIN used AS u ON u.b_start = b.b_start AND u.kunta = k.kunta
GROUP BY b.b_start, k.kunta
