-- time_to_employment_days: job-search periods whose client is tyoton or lomautettu on their
-- alkupvm, i.e. in an unemployment spell (kpi_unemployment_spells,
-- metrics/situation/unemployment_spells.sql) on that day; for each, the first tyollinen row
-- that starts on or after its alkupvm and not after its loppupvm + 1 day (open search: no
-- upper bound). A client unemployed on alkupvm has no tyollinen row covering it (rows do not
-- overlap), so the first tyollinen row starting in that window is the start of a tyollinen
-- spell. The case belongs to the period in which that spell starts; days = its alkupvm - the
-- job search's alkupvm. Area: the client's kunta.
WITH searches AS MATERIALIZED (
    SELECT j.asiakas_id, j.alkupvm, j.loppupvm
    FROM tyonhakujaksot AS j
    JOIN kpi_unemployment_spells AS u
      ON u.asiakas_id = j.asiakas_id
     AND u.spell_start <= j.alkupvm
     AND (u.spell_end IS NULL OR u.spell_end >= j.alkupvm)
),
employed AS (
    SELECT s.asiakas_id, s.alkupvm AS search_start, min(t.alkupvm) AS employed_on
    FROM searches AS s
    JOIN tilajaksot AS t
      ON t.asiakas_id = s.asiakas_id
     AND t.tila = 'tyollinen'
     AND t.alkupvm >= s.alkupvm
     AND (s.loppupvm IS NULL OR t.alkupvm <= s.loppupvm + 1)
    GROUP BY s.asiakas_id, s.alkupvm
)
SELECT
    p.b_start,
    a.kunta,
    sum(date_diff('day', e.search_start, e.employed_on))::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM employed AS e
JOIN kpi_days AS p ON p.d = e.employed_on
JOIN asiakkaat AS a ON a.asiakas_id = e.asiakas_id
GROUP BY p.b_start, a.kunta
