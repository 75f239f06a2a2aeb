-- Commitments of year Y per item: for each decision of sitoumukset for Y (decided by E), its
-- summa for Y minus the ledger rows of Y (pvm in [$from, $to]) that name its paatos_id,
-- never below 0.
WITH paid AS (
    SELECT paatos_id, sum(summa) AS maksettu
    FROM kustannukset
    WHERE paatos_id IS NOT NULL AND pvm BETWEEN $from AND $to
    GROUP BY paatos_id
)
SELECT
    s.kustannuslaji,
    sum(greatest(s.summa - coalesce(p.maksettu, 0), 0)) AS sitoumus
FROM sitoumukset AS s
LEFT JOIN paid AS p ON p.paatos_id = s.paatos_id
WHERE s.vuosi = $year AND s.paatospvm <= $to
GROUP BY s.kustannuslaji
