-- Open cases of tym_assessment_within_3_months at A: TYM customerships started on or before A
-- and still going on at A (loppupvm empty or after A) with no palvelutarpeen_arviointi in
-- [alkupvm, A]. D = alkupvm + 3 calendar months (clipped to the month's last day). The
-- customership goes on at A, so the exclusion "ended before D" cannot hold. Area: the
-- client's kunta.
SELECT
    j.asiakas_id,
    a.kunta,
    j.alkupvm AS started,
    CAST(j.alkupvm + INTERVAL 3 MONTH AS DATE) AS deadline
FROM palvelujaksot AS j
JOIN asiakkaat AS a ON a.asiakas_id = j.asiakas_id
WHERE j.palvelu = 'tym'
  AND j.alkupvm <= $as_of
  AND (j.loppupvm IS NULL OR j.loppupvm > $as_of)
  AND NOT EXISTS (
      SELECT 1 FROM tapahtumat AS t
      WHERE t.asiakas_id = j.asiakas_id
        AND t.tyyppi = 'palvelutarpeen_arviointi'
        AND t.pvm BETWEEN j.alkupvm AND $as_of
  )
