"""A tiny, hand-made, valid folder of every export, and helpers to break it one way at a time."""

from __future__ import annotations

import hashlib
from pathlib import Path

AS_OF = "2026-10-31"

GOOD: dict[str, str] = {
    "asiakkaat": """asiakas_id;kunta;syntymavuosi;maahanmuuttaja
A1;Joensuu;1990;ei
A2;Heinävesi;1999;kyllä
A3;Lieksa;;
""",
    "virkailijat": """virkailija_id;yksikko;kunta;alkupvm;loppupvm
V1;henkiloasiakkaat;Joensuu;;
V2;tyonantajapalvelut;Lieksa;1.3.2025;
""",
    "tyonhakujaksot": """asiakas_id;alkupvm;loppupvm
A1;2025-01-10;2025-06-30
A1;2025-06-30;
A2;3.2.2025;
A3;2024-05-01;2024-12-01
""",
    "tilajaksot": """asiakas_id;tila;alkupvm;loppupvm
A1;tyoton;2025-01-10;2025-06-29
A1;tyollinen;2025-06-30;
A2;lomautettu;2025-02-03;
""",
    "palvelujaksot": """asiakas_id;palvelu;alkupvm;loppupvm
A2;tym;2025-02-10;
A2;kotoutuminen;2025-02-10;2025-12-31
""",
    "tapahtumat": """\
tapahtuma_id;asiakas_id;tyyppi;pvm;kanava;virkailija_id;tuottaja_kunta;palvelupiste
T1;A1;alkuhaastattelu;2025-01-14;kasvokkain;V1;;Joensuu
T2;A1;tyotarjous;2025-02-01;;V1;;
T3;A2;osaamiskartoitus;2025-03-01;;;Heinävesi;
T4;A2;tyonhakukeskustelu;2026-10-30;puhelin;V1;;
""",
    "tyopaikat": """tyopaikka_id;tyonantaja_id;kunta;julkaistu;sulkeutunut;tulos;paikkoja
P1;Y1;Joensuu;2025-02-01;2025-03-01;taytetty;2
P2;;Outokumpu;2025-04-01;;;
""",
    "yrityskontaktit": """kontakti_id;tyonantaja_id;pvm;kunta;kanava;virkailija_id
K1;Y1;2025-05-05;Joensuu;kasvokkain;V2
""",
    "koulutukset": """asiakas_id;koulutus_id;laji;alkupvm;loppupvm;suoritettu
A1;C1;ammatillinen;2025-02-01;2025-05-31;1
A2;C2;kotoutuminen;2026-09-01;2027-05-31;0
""",
}


def write_folder(folder: Path, **changes: str | bytes | None) -> Path:
    """Writes the good folder with some exports replaced (text/bytes) or removed (None).

    A key may name a file with its suffix (``tapahtumat.xlsx``) to add it as such.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str | bytes | None] = {f"{k}.csv": v for k, v in GOOD.items()}
    for key, value in changes.items():
        name = key if "." in key else f"{key}.csv"
        files[name] = value
    for name, content in files.items():
        if content is None:
            continue
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
