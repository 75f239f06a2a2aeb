-- service_points_with_youth_services: municipalities whose service point has
-- toiminta_alkanut <= E and nuorten_yhteispalvelu, over the municipalities of the area.
SELECT
    b.b_start,
    k.kunta,
    count(*) FILTER (
        WHERE s.toiminta_alkanut <= b.b_e AND s.nuorten_yhteispalvelu
    )::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM kpi_buckets AS b
CROSS JOIN ref_kunnat AS k
LEFT JOIN palvelupisteet AS s ON s.kunta = k.kunta
GROUP BY b.b_start, k.kunta
