-- Monthly actuals of year Y per item and billed municipality (NULL = none): the ledger rows
-- with pvm in [$from, $to], for the bills by month and by quarter.
SELECT
    month(pvm) AS kuukausi,
    kustannuslaji,
    kunta,
    sum(summa) AS toteuma
FROM kustannukset
WHERE pvm BETWEEN $from AND $to
GROUP BY kuukausi, kustannuslaji, kunta
