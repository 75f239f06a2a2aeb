-- Customer-work caseworkers (units henkiloasiakkaat, tym, kotouttaminen) whose role overlaps
-- [from, E], with the number of tyotarjous, tyopaikkatiedote and esittely events under their
-- pseudonymous virkailija_id dated in [from, E] (the cases of caseworkers_making_job_offers).
WITH offers AS (
    SELECT t.virkailija_id, count(*) AS offers
    FROM tapahtumat AS t
    JOIN kpi_days AS p ON p.d = t.pvm
    WHERE t.tyyppi IN ('tyotarjous', 'tyopaikkatiedote', 'esittely')
      AND t.virkailija_id IS NOT NULL
    GROUP BY t.virkailija_id
)
SELECT
    v.yksikko,
    v.kunta,
    v.virkailija_id,
    coalesce(o.offers, 0) AS offers
FROM virkailijat AS v
JOIN kpi_buckets AS b
  ON coalesce(v.alkupvm, DATE '0001-01-01') <= b.b_e
 AND coalesce(v.loppupvm, DATE '9999-12-31') >= b.b_start
LEFT JOIN offers AS o ON o.virkailija_id = v.virkailija_id
WHERE v.yksikko IN ('henkiloasiakkaat', 'tym', 'kotouttaminen')
