-- initial_interviews_face_to_face: events alkuhaastattelu dated in [from, E];
-- numerator those held kasvokkain. Area: the client's kunta.
SELECT
    p.b_start,
    a.kunta,
    count(*) FILTER (WHERE t.kanava = 'kasvokkain')::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM tapahtumat AS t
JOIN kpi_days AS p ON p.d = t.pvm
JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
WHERE t.tyyppi = 'alkuhaastattelu'
GROUP BY p.b_start, a.kunta
