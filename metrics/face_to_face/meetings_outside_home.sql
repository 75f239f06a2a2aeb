-- meetings_outside_home_municipality: face-to-face alkuhaastattelu, tyonhakukeskustelu and
-- taydentava_tyonhakukeskustelu with a palvelupiste, dated in [from, E]; numerator those
-- whose palvelupiste differs from the client's kunta. Area: the client's kunta.
SELECT
    p.b_start,
    a.kunta,
    count(*) FILTER (WHERE t.palvelupiste <> a.kunta)::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM tapahtumat AS t
JOIN kpi_days AS p ON p.d = t.pvm
JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
WHERE t.tyyppi IN ('alkuhaastattelu', 'tyonhakukeskustelu', 'taydentava_tyonhakukeskustelu')
  AND t.kanava = 'kasvokkain'
  AND t.palvelupiste IS NOT NULL
GROUP BY p.b_start, a.kunta
