-- caseworkers_making_job_offers: caseworkers of units henkiloasiakkaat, tym, kotouttaminen
-- whose role overlaps [from, E] (null alkupvm = before the data, null loppupvm = still);
-- numerator those with at least one tyotarjous, tyopaikkatiedote or esittely under their
-- virkailija_id dated in [from, E]. Area: the caseworker's kunta.
WITH offered AS (
    SELECT DISTINCT p.b_start, t.virkailija_id
    FROM tapahtumat AS t
    JOIN kpi_days AS p ON p.d = t.pvm
    WHERE t.tyyppi IN ('tyotarjous', 'tyopaikkatiedote', 'esittely')
      AND t.virkailija_id IS NOT NULL
)
SELECT
    b.b_start,
    v.kunta,
    count(o.virkailija_id)::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM virkailijat AS v
JOIN kpi_buckets AS b
  ON coalesce(v.alkupvm, DATE '0001-01-01') <= b.b_e
 AND coalesce(v.loppupvm, DATE '9999-12-31') >= b.b_start
LEFT JOIN offered AS o ON o.b_start = b.b_start AND o.virkailija_id = v.virkailija_id
WHERE v.yksikko IN ('henkiloasiakkaat', 'tym', 'kotouttaminen')
GROUP BY b.b_start, v.kunta
