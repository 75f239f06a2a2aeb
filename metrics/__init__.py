"""KPIs of the North Karelia employment area: definitions, targets, rules and computation."""
