"""A tiny, hand-made, valid set of the four cost exports (added 2026-12) beside
``fixtures.GOOD``: the ledger refers to GOOD's clients (A1, A2) and courses (C1, C2)."""

from __future__ import annotations

# Example percentages (not the area's real ones): 13 municipalities adding up to 100.
SHARES = {
    "Joensuu": "52,5", "Heinävesi": "2,5", "Ilomantsi": "3", "Kontiolahti": "7,25",
    "Liperi": "5,75", "Outokumpu": "4", "Polvijärvi": "2,5", "Kitee": "5",
    "Rääkkylä": "1,5", "Tohmajärvi": "2,5", "Juuka": "2,5", "Lieksa": "6", "Nurmes": "5",
}  # fmt: skip

GOOD_COSTS: dict[str, str] = {
    "kustannukset": """\
kirjaus_id;pvm;kustannuslaji;summa;kunta;asiakas_id;koulutus_id;paatos_id;selite
K1;2025-01-31;henkilosto;"1 234,56";;;;;palkat tammikuu
K2;14.2.2025;palkkatuki;850,00;Joensuu;A1;;D1;
K3;2025-03-01;ostopalvelut;12000.50;Joensuu;;C1;;koulutus
K4;2025-03-15;palkkatuki;-45,00;Joensuu;A1;;D1;oikaisu
K5;2025-04-01;ict;1\u00a0000,00;;;;;
""",
    "sitoumukset": """\
paatos_id;paatospvm;kustannuslaji;kunta;asiakas_id;vuosi;summa
D1;2025-01-20;palkkatuki;Joensuu;A1;2025;5100,00
D1;2025-01-20;palkkatuki;Joensuu;A1;2026;1700,00
""",
    "talousarvio": """\
vuosi;kustannuslaji;summa
2025;henkilosto;100000
2025;palkkatuki;20000
2025;ostopalvelut;50000,00
""",
    "kustannusjako": "vuosi;kunta;osuus\n"
    + "".join(f"2025;{kunta};{osuus}\n" for kunta, osuus in SHARES.items()),
}


def replaced(export: str, old: str, new: str) -> str:
    assert old in GOOD_COSTS[export], old
    return GOOD_COSTS[export].replace(old, new, 1)


def with_costs(**changes: str) -> dict[str, str | bytes | None]:
    """The four cost exports (for ``write_folder``), some of them changed."""
    files: dict[str, str | bytes | None] = dict(GOOD_COSTS)
    files.update(changes)
    return files
