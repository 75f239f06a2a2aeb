-- Channel split of initial interviews and job-search discussions (both kinds): events of
-- these types dated in [from, E], by the client's kunta, event type and channel.
SELECT
    a.kunta,
    t.tyyppi,
    t.kanava,
    count(*) AS count
FROM tapahtumat AS t
JOIN kpi_days AS p ON p.d = t.pvm
JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
WHERE t.tyyppi IN ('alkuhaastattelu', 'tyonhakukeskustelu', 'taydentava_tyonhakukeskustelu')
GROUP BY a.kunta, t.tyyppi, t.kanava
