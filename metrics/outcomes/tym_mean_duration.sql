-- tym_mean_duration_months: TYM customerships with loppupvm in [from, E]; numerator = the sum
-- of (loppupvm - alkupvm) in days / 30.4375 (months), denominator = their number.
-- The days are added as integers and divided once, so the sum does not depend on the order
-- the rows are stored or read in (a sum of fractions would differ in its last digits).
-- Area: the client's kunta.
SELECT
    p.b_start,
    a.kunta,
    (sum(date_diff('day', j.alkupvm, j.loppupvm)) / 30.4375)::DOUBLE AS numerator,
    count(*)::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM palvelujaksot AS j
JOIN kpi_days AS p ON p.d = j.loppupvm
JOIN asiakkaat AS a ON a.asiakas_id = j.asiakas_id
WHERE j.palvelu = 'tym'
GROUP BY p.b_start, a.kunta
