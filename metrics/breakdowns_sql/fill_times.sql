-- Fill time of each vacancy filled in [from, E] (the cases of vacancy_fill_time_days):
-- days from julkaistu to sulkeutunut, by the vacancy's kunta.
SELECT
    v.kunta,
    v.tyopaikka_id,
    date_diff('day', v.julkaistu, v.sulkeutunut) AS days
FROM tyopaikat AS v
JOIN kpi_days AS p ON p.d = v.sulkeutunut
WHERE v.tulos = 'taytetty'
