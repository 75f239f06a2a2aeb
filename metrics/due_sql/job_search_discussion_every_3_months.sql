-- Open cases of job_search_discussion_every_3_months at A: each client's latest anchor on or
-- before A (an earlier anchor has its next one by A: done, on time or late). D = anchor +
-- raja months, by the kpi_rules row in force on D (the earliest row also covers earlier
-- days). Not excluded and still going on: the anchor lies in a job-search period that goes on
-- at A (loppupvm empty or after A; then it did not end before D either), and the client is
-- tyoton or lomautettu on D when D <= A; for D > A, judged on the data as they stand at A: a
-- tyoton or lomautettu spell open at A (begun by A, loppupvm empty or after A) is taken to go
-- on, so a client palveluissa at A is excluded. Area: the client's kunta.
WITH rules AS (
    SELECT
        raja,
        tapahtumat,
        CASE
            WHEN voimassa_alkaen = min(voimassa_alkaen) OVER () THEN DATE '0001-01-01'
            ELSE voimassa_alkaen
        END AS valid_from,
        voimassa_asti AS valid_to
    FROM kpi_rules
    WHERE metric_id = 'job_search_discussion_every_3_months'
),
latest AS (
    SELECT t.asiakas_id, max(t.pvm) AS pvm
    FROM tapahtumat AS t
    WHERE t.pvm <= $as_of
      AND t.tyyppi IN (SELECT unnest(tapahtumat) FROM rules)
    GROUP BY t.asiakas_id
),
cases AS (
    SELECT l.asiakas_id, l.pvm, CAST(l.pvm + to_months(r.raja) AS DATE) AS deadline
    FROM latest AS l
    JOIN rules AS r
      ON CAST(l.pvm + to_months(r.raja) AS DATE) BETWEEN r.valid_from AND r.valid_to
)
SELECT c.asiakas_id, a.kunta, c.pvm AS started, c.deadline
FROM cases AS c
JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
WHERE EXISTS (
    SELECT 1 FROM tyonhakujaksot AS j
    WHERE j.asiakas_id = c.asiakas_id
      AND c.pvm BETWEEN j.alkupvm AND coalesce(j.loppupvm, DATE '9999-12-31')
      AND (j.loppupvm IS NULL OR j.loppupvm > $as_of)
)
  AND EXISTS (
    SELECT 1 FROM tilajaksot AS s
    WHERE s.asiakas_id = c.asiakas_id
      AND s.tila IN ('tyoton', 'lomautettu')
      AND CASE
          WHEN c.deadline <= $as_of
              THEN c.deadline BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
          ELSE s.alkupvm <= $as_of AND (s.loppupvm IS NULL OR s.loppupvm > $as_of)
      END
)
