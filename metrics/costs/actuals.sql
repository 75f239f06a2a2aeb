-- Actuals of year Y (docs/spec/METRICS.md, Costs): the ledger rows with pvm in [$from, $to]
-- (1 Jan Y .. E) per item and billed municipality (NULL = no kunta), corrections included as
-- negative rows; with the distinct clients behind each cell (the small-number rule).
SELECT
    kustannuslaji,
    kunta,
    sum(summa) AS toteuma,
    count(DISTINCT asiakas_id) AS asiakkaita
FROM kustannukset
WHERE pvm BETWEEN $from AND $to
GROUP BY kustannuslaji, kunta
