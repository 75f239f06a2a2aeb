-- employer_contacts: contacts with pvm in [from, E]; numerator = their number, no
-- denominator. Area: the employer's kunta of the contact row.
SELECT
    p.b_start,
    c.kunta,
    count(*)::DOUBLE AS numerator,
    NULL::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM yrityskontaktit AS c
JOIN kpi_days AS p ON p.d = c.pvm
GROUP BY p.b_start, c.kunta
