-- Cost per course without the koulutukset or tilajaksot export: the cost only.
SELECT
    koulutus_id,
    CAST(NULL AS VARCHAR) AS laji,
    sum(summa) AS kustannus,
    0 AS osallistujat,
    0 AS suorittaneet,
    0 AS tyottomyys_paattynyt,
    0 AS kesken
FROM kustannukset
WHERE kustannuslaji = 'ostopalvelut' AND koulutus_id IS NOT NULL AND pvm <= $to
GROUP BY koulutus_id
ORDER BY koulutus_id
