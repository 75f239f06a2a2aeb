-- Open cases of integration_plan_within_30_days at A: kotoutuminen customerships started on
-- or before A and still going on at A (loppupvm empty or after A) with no
-- kotoutumissuunnitelma dated from alkupvm to A. D = alkupvm + 29 days, the last day on time
-- (a plan on day 30 is late). Area: the client's kunta.
SELECT
    j.asiakas_id,
    a.kunta,
    j.alkupvm AS started,
    j.alkupvm + 29 AS deadline
FROM palvelujaksot AS j
JOIN asiakkaat AS a ON a.asiakas_id = j.asiakas_id
WHERE j.palvelu = 'kotoutuminen'
  AND j.alkupvm <= $as_of
  AND (j.loppupvm IS NULL OR j.loppupvm > $as_of)
  AND NOT EXISTS (
      SELECT 1 FROM tapahtumat AS t
      WHERE t.asiakas_id = j.asiakas_id
        AND t.tyyppi = 'kotoutumissuunnitelma'
        AND t.pvm BETWEEN j.alkupvm AND $as_of
  )
