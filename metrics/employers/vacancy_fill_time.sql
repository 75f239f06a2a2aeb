-- vacancy_fill_time_days: vacancies with tulos = taytetty and sulkeutunut in [from, E];
-- numerator = the sum of (sulkeutunut - julkaistu) in days, denominator = the number of
-- vacancies (one per vacancy, whatever paikkoja). Area: the vacancy's kunta.
SELECT
    p.b_start,
    v.kunta,
    sum(date_diff('day', v.julkaistu, v.sulkeutunut))::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM tyopaikat AS v
JOIN kpi_days AS p ON p.d = v.sulkeutunut
WHERE v.tulos = 'taytetty'
GROUP BY p.b_start, v.kunta
