"""Reading a folder of CSV exports with plain pandas, as an analyst would script it.

Part of the pandas baseline (bench/pandas_baseline.py): deliberately independent of
pipelines/ (no validation, no DuckDB), but it reads what the exports of docs/spec/DATA_CONTRACT.md
look like: `;` or `,` delimiter, UTF-8 (with or without BOM) or Windows-1252, ISO or
Finnish dates, Finnish booleans, municipalities by name or by code.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REFERENCE = PROJECT_ROOT / "reference"

DATE_COLUMNS = {
    "asiakkaat": (),
    "tyonhakujaksot": ("alkupvm", "loppupvm"),
    "tilajaksot": ("alkupvm", "loppupvm"),
    "palvelujaksot": ("alkupvm", "loppupvm"),
    "tapahtumat": ("pvm",),
    "virkailijat": ("alkupvm", "loppupvm"),
    "tyopaikat": ("julkaistu", "sulkeutunut"),
    "yrityskontaktit": ("pvm",),
    "koulutukset": ("alkupvm", "loppupvm"),
    "tyoryhmat": ("kaynnistynyt",),
    "palvelupisteet": ("toiminta_alkanut",),
    "lausunnot": ("vireille", "annettu"),
}
BOOL_COLUMNS = {"koulutukset": "suoritettu", "palvelupisteet": "nuorten_yhteispalvelu"}
MUNICIPALITY_COLUMNS = {
    "asiakkaat": ("kunta",),
    "tapahtumat": ("tuottaja_kunta", "palvelupiste"),
    "virkailijat": ("kunta",),
    "tyopaikat": ("kunta",),
    "yrityskontaktit": ("kunta",),
    "palvelupisteet": ("kunta",),
}
TRUE_WORDS = {"1", "true", "kyllä", "kylla", "k", "yes", "x"}


def kunnat() -> pd.DataFrame:
    """The 13 municipalities with code and service area, in the reference order."""
    return pd.read_csv(REFERENCE / "kunnat.csv", dtype=str)


def _header(name: str) -> str:
    name = name.strip().lower().replace("ä", "a").replace("ö", "o")
    return name.replace(" ", "_").replace("-", "_")


def _sniff(path: Path) -> tuple[str, str]:
    raw = path.open("rb").read(65536)
    try:
        raw.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1252"
    first_line = raw.decode(encoding, errors="ignore").splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return encoding, delimiter


def _dates(column: pd.Series) -> pd.Series:
    sample = column.dropna()
    if sample.empty:
        return pd.to_datetime(column)
    text = sample.iloc[0]
    fmt = "%d.%m.%Y" if "." in text else "ISO8601"
    return pd.to_datetime(column.str.slice(0, 10) if fmt == "ISO8601" else column, format=fmt)


def _municipalities(column: pd.Series, names: dict[str, str]) -> pd.Series:
    mapped = column.map(names)
    return mapped.where(column.isna() | mapped.notna(), column)


def read_export(folder: Path, export: str) -> pd.DataFrame | None:
    """One export of the folder as a DataFrame (canonical column names), or None if absent."""
    path = folder / f"{export}.csv"
    if not path.exists():
        default = REFERENCE / "defaults" / f"{export}.csv"
        if not default.exists():
            return None
        path = default
    encoding, delimiter = _sniff(path)
    df = pd.read_csv(
        path,
        sep=delimiter,
        encoding=encoding,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        quoting=csv.QUOTE_MINIMAL,
    )
    df.columns = [_header(c) for c in df.columns]
    for col in DATE_COLUMNS.get(export, ()):
        if col in df:
            df[col] = _dates(df[col])
    if export in BOOL_COLUMNS:
        col = BOOL_COLUMNS[export]
        df[col] = df[col].fillna("").str.strip().str.lower().isin(TRUE_WORDS)
    ref = kunnat()
    names = {
        **dict(zip(ref["koodi"], ref["kunta"], strict=True)),
        **{str(int(c)): k for c, k in zip(ref["koodi"], ref["kunta"], strict=True)},
        **dict(zip(ref["kunta"], ref["kunta"], strict=True)),
    }
    for col in MUNICIPALITY_COLUMNS.get(export, ()):
        if col in df:
            df[col] = _municipalities(df[col], names)
    return df


def ledger_dates(folder: Path) -> pd.Series | None:
    """The cost ledger's booking dates (``kustannukset.pvm``, for the default as-of) alone."""
    path = folder / "kustannukset.csv"
    if not path.exists():
        return None
    encoding, delimiter = _sniff(path)
    df = pd.read_csv(
        path, sep=delimiter, encoding=encoding, dtype=str, usecols=lambda c: _header(c) == "pvm"
    )
    return _dates(df.iloc[:, 0]) if len(df.columns) else None


def read_folder(folder: Path) -> dict[str, pd.DataFrame]:
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder of exports at {folder}")
    out: dict[str, pd.DataFrame] = {}
    for export in DATE_COLUMNS:
        df = read_export(folder, export)
        if df is not None:
            out[export] = df
    return out
