-- Commitments of year Y per item when there is no ledger: each decision's summa for Y.
SELECT kustannuslaji, sum(greatest(summa, 0)) AS sitoumus
FROM sitoumukset
WHERE vuosi = $year AND paatospvm <= $to
GROUP BY kustannuslaji
