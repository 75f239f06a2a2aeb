-- The face-to-face family in one scan of the meetings (shared by its three metrics; each row
-- names its metric). Events dated in [from, E]; area: the client's kunta.
--
-- initial_interviews_face_to_face: alkuhaastattelu; numerator those held kasvokkain.
-- job_search_discussions_face_to_face: tyonhakukeskustelu and taydentava_tyonhakukeskustelu
--   together; numerator those held kasvokkain.
-- meetings_outside_home_municipality: all three types held kasvokkain with a palvelupiste;
--   numerator those whose palvelupiste differs from the client's kunta.
WITH counted AS (
    SELECT
        p.b_start,
        a.kunta,
        t.tyyppi = 'alkuhaastattelu' AS is_interview,
        count(*) AS meetings,
        count(*) FILTER (WHERE t.kanava = 'kasvokkain') AS face_to_face,
        count(*) FILTER (
            WHERE t.kanava = 'kasvokkain' AND t.palvelupiste IS NOT NULL
        ) AS at_a_point,
        count(*) FILTER (
            WHERE t.kanava = 'kasvokkain' AND t.palvelupiste <> a.kunta
        ) AS away
    FROM tapahtumat AS t
    JOIN kpi_days AS p ON p.d = t.pvm
    JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
    WHERE t.tyyppi IN ('alkuhaastattelu', 'tyonhakukeskustelu', 'taydentava_tyonhakukeskustelu')
    GROUP BY p.b_start, a.kunta, is_interview
)
SELECT
    CASE WHEN is_interview THEN 'initial_interviews_face_to_face'
         ELSE 'job_search_discussions_face_to_face' END AS metric_id,
    b_start,
    kunta,
    face_to_face::DOUBLE AS numerator,
    meetings::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM counted
UNION ALL
SELECT
    'meetings_outside_home_municipality' AS metric_id,
    b_start,
    kunta,
    sum(away)::DOUBLE AS numerator,
    sum(at_a_point)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM counted
GROUP BY b_start, kunta
