-- Monthly actuals of year Y per item: ledger rows with pvm in [$from, $to].
SELECT
    month(pvm) AS kuukausi,
    kustannuslaji,
    sum(summa) AS toteuma
FROM kustannukset
WHERE pvm BETWEEN $from AND $to
GROUP BY kuukausi, kustannuslaji
