-- service_points_operating: municipalities whose service point has toiminta_alkanut <= E,
-- over the municipalities of the area (a municipality without a row does not operate).
SELECT
    b.b_start,
    k.kunta,
    count(*) FILTER (WHERE s.toiminta_alkanut <= b.b_e)::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM kpi_buckets AS b
CROSS JOIN ref_kunnat AS k
LEFT JOIN palvelupisteet AS s ON s.kunta = k.kunta
GROUP BY b.b_start, k.kunta
