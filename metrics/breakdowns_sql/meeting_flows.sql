-- Where face-to-face meetings took place: alkuhaastattelu, tyonhakukeskustelu and
-- taydentava_tyonhakukeskustelu with kanava = kasvokkain and a palvelupiste, dated in
-- [from, E], from the client's home kunta to the service point's municipality.
SELECT
    a.kunta AS kotikunta,
    t.palvelupiste,
    count(*) AS count
FROM tapahtumat AS t
JOIN kpi_days AS p ON p.d = t.pvm
JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
WHERE t.tyyppi IN ('alkuhaastattelu', 'tyonhakukeskustelu', 'taydentava_tyonhakukeskustelu')
  AND t.kanava = 'kasvokkain'
  AND t.palvelupiste IS NOT NULL
GROUP BY a.kunta, t.palvelupiste
