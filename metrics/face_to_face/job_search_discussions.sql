-- job_search_discussions_face_to_face: events tyonhakukeskustelu and
-- taydentava_tyonhakukeskustelu together, dated in [from, E]; numerator those held
-- kasvokkain. Area: the client's kunta.
SELECT
    p.b_start,
    a.kunta,
    count(*) FILTER (WHERE t.kanava = 'kasvokkain')::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM tapahtumat AS t
JOIN kpi_days AS p ON p.d = t.pvm
JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
WHERE t.tyyppi IN ('tyonhakukeskustelu', 'taydentava_tyonhakukeskustelu')
GROUP BY p.b_start, a.kunta
