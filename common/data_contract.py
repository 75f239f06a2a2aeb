"""The exports of docs/spec/DATA_CONTRACT.md as data: every export, its columns, types and codes.

This module is the shared interface of the project: the pipelines read and validate
against it, the loader creates the DuckDB tables from it (``ddl``), the sample-data
generator writes its columns, and the metrics' SQL queries the tables it defines.
Column names are the contract's Finnish (canonical) names; codes are stored in their
canonical Finnish form, municipalities by name (``Heinävesi``), dates as DATE.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Kind = Literal["str", "date", "int", "bool", "code", "municipality", "amount", "decimal"]

DUCKDB_TYPES: dict[str, str] = {
    "str": "VARCHAR",
    "date": "DATE",
    "int": "INTEGER",
    "bool": "BOOLEAN",
    "code": "VARCHAR",
    "municipality": "VARCHAR",
    # Money exactly, never binary floating point (docs/database.md); the cost-sharing
    # percentage with up to six decimals.
    "amount": "DECIMAL(18,2)",
    "decimal": "DECIMAL(12,6)",
}


class Code(BaseModel):
    model_config = ConfigDict(frozen=True)
    fi: str
    en: str


class Column(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    alias: str
    kind: Kind
    required: bool = True
    unique: bool = False
    codes: tuple[Code, ...] = ()


class Export(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    title_fi: str
    title_en: str
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def ddl(self) -> str:
        cols = ", ".join(f'"{c.name}" {DUCKDB_TYPES[c.kind]}' for c in self.columns)
        return f'CREATE TABLE "{self.name}" ({cols})'


def _codes(*pairs: tuple[str, str]) -> tuple[Code, ...]:
    return tuple(Code(fi=fi, en=en) for fi, en in pairs)


CHANNELS = _codes(
    ("kasvokkain", "face_to_face"), ("puhelin", "phone"), ("video", "video"), ("verkko", "online")
)
STATUSES = _codes(
    ("tyoton", "unemployed"),
    ("lomautettu", "laid_off"),
    ("tyollinen", "employed"),
    ("palveluissa", "in_services"),
    ("muu", "other"),
)
SERVICES = _codes(
    ("peruspalvelut", "basic"),
    ("tym", "multisector"),
    ("kotoutuminen", "integration"),
    ("uraohjaus", "career_guidance"),
)
EVENT_TYPES = _codes(
    ("alkuhaastattelu", "initial_interview"),
    ("taydentava_tyonhakukeskustelu", "supplementary_discussion"),
    ("tyonhakukeskustelu", "job_search_discussion"),
    ("palvelutarpeen_arviointi", "service_need_assessment"),
    ("kotoutumissuunnitelma", "integration_plan"),
    ("osaamiskartoitus", "skills_assessment"),
    ("tyotarjous", "job_offer"),
    ("tyopaikkatiedote", "vacancy_notice"),
    ("esittely", "candidate_presentation"),
)
UNITS = _codes(
    ("henkiloasiakkaat", "personal_customers"),
    ("tym", "multisector"),
    ("kotouttaminen", "integration"),
    ("tyonantajapalvelut", "employer_services"),
    ("keskitetyt", "central"),
    ("muu", "other"),
)
OUTCOMES = _codes(("taytetty", "filled"), ("ei_taytetty", "not_filled"), ("peruttu", "cancelled"))
TRAINING_KINDS = _codes(
    ("ammatillinen", "vocational"),
    ("kotoutuminen", "integration"),
    ("yrittajyys", "entrepreneurship"),
    ("muutosturva", "change_security"),
    ("vos", "state_funded_degree"),
)

# The cost items of the ledger (docs/spec/DATA_CONTRACT.md, kustannukset); the items in force
# and which are causation-based are dated data in reference/kustannuslajit.csv.
COST_ITEMS = _codes(
    ("ostopalvelut", "purchased_services"),
    ("palkkatuki", "pay_subsidy"),
    ("starttiraha", "start_up_grant"),
    ("kulukorvaukset", "expense_allowances"),
    ("tyollistamistuki_55", "employment_support_55"),
    ("tyoolosuhteiden_jarjestelytuki", "working_conditions_support"),
    ("matka_ja_yopyminen", "travel_and_accommodation"),
    ("henkilosto", "staff"),
    ("toimitilat", "premises"),
    ("ict", "ict"),
    ("muu", "other"),
)
# The person-related items: their rows require asiakas_id, and a municipality x item cell
# behind 1-4 clients is suppressed on the board's surfaces (docs/spec/METRICS.md, Costs).
PERSON_COST_ITEMS = (
    "palkkatuki",
    "starttiraha",
    "kulukorvaukset",
    "tyollistamistuki_55",
    "tyoolosuhteiden_jarjestelytuki",
    "matka_ja_yopyminen",
)

# Event types that need a channel, and those that need a caseworker (docs/spec/DATA_CONTRACT.md).
MEETING_TYPES = ("alkuhaastattelu", "taydentava_tyonhakukeskustelu", "tyonhakukeskustelu")
JOB_OFFER_TYPES = ("tyotarjous", "tyopaikkatiedote", "esittely")
CUSTOMER_WORK_UNITS = ("henkiloasiakkaat", "tym", "kotouttaminen")


def _c(name: str, alias: str, kind: Kind, required: bool = True, **kw: object) -> Column:
    return Column(name=name, alias=alias, kind=kind, required=required, **kw)


EXPORTS: tuple[Export, ...] = (
    Export(
        name="asiakkaat",
        title_fi="Asiakkaat",
        title_en="Clients",
        columns=(
            _c("asiakas_id", "client_id", "str", unique=True),
            _c("kunta", "municipality", "municipality"),
            _c("syntymavuosi", "birth_year", "int", False),
            _c("maahanmuuttaja", "immigrant", "bool", False),
        ),
    ),
    Export(
        name="tyonhakujaksot",
        title_fi="Työnhakujaksot",
        title_en="Job-search periods",
        columns=(
            _c("asiakas_id", "client_id", "str"),
            _c("alkupvm", "start_date", "date"),
            _c("loppupvm", "end_date", "date", False),
        ),
    ),
    Export(
        name="tilajaksot",
        title_fi="Tilajaksot",
        title_en="Status spells",
        columns=(
            _c("asiakas_id", "client_id", "str"),
            _c("tila", "status", "code", codes=STATUSES),
            _c("alkupvm", "start_date", "date"),
            _c("loppupvm", "end_date", "date", False),
        ),
    ),
    Export(
        name="palvelujaksot",
        title_fi="Palvelujaksot",
        title_en="Service-line customerships",
        columns=(
            _c("asiakas_id", "client_id", "str"),
            _c("palvelu", "service", "code", codes=SERVICES),
            _c("alkupvm", "start_date", "date"),
            _c("loppupvm", "end_date", "date", False),
        ),
    ),
    Export(
        name="tapahtumat",
        title_fi="Tapahtumat",
        title_en="Client events",
        columns=(
            _c("tapahtuma_id", "event_id", "str", unique=True),
            _c("asiakas_id", "client_id", "str"),
            _c("tyyppi", "type", "code", codes=EVENT_TYPES),
            _c("pvm", "date", "date"),
            _c("kanava", "channel", "code", False, codes=CHANNELS),
            _c("virkailija_id", "caseworker_id", "str", False),
            _c("tuottaja_kunta", "provider_municipality", "municipality", False),
            _c("palvelupiste", "service_point", "municipality", False),
        ),
    ),
    Export(
        name="virkailijat",
        title_fi="Virkailijat",
        title_en="Caseworkers",
        columns=(
            _c("virkailija_id", "caseworker_id", "str", unique=True),
            _c("yksikko", "unit", "code", codes=UNITS),
            _c("kunta", "municipality", "municipality"),
            _c("alkupvm", "start_date", "date", False),
            _c("loppupvm", "end_date", "date", False),
        ),
    ),
    Export(
        name="tyopaikat",
        title_fi="Työpaikat",
        title_en="Vacancies",
        columns=(
            _c("tyopaikka_id", "vacancy_id", "str", unique=True),
            _c("tyonantaja_id", "employer_id", "str", False),
            _c("kunta", "municipality", "municipality"),
            _c("julkaistu", "published", "date"),
            _c("sulkeutunut", "closed", "date", False),
            _c("tulos", "outcome", "code", False, codes=OUTCOMES),
            _c("paikkoja", "positions", "int", False),
        ),
    ),
    Export(
        name="yrityskontaktit",
        title_fi="Yrityskontaktit",
        title_en="Employer contacts",
        columns=(
            _c("kontakti_id", "contact_id", "str", unique=True),
            _c("tyonantaja_id", "employer_id", "str"),
            _c("pvm", "date", "date"),
            _c("kunta", "municipality", "municipality"),
            _c("kanava", "channel", "code", False, codes=CHANNELS),
            _c("virkailija_id", "caseworker_id", "str", False),
        ),
    ),
    Export(
        name="koulutukset",
        title_fi="Koulutukset",
        title_en="Training participations",
        columns=(
            _c("asiakas_id", "client_id", "str"),
            _c("koulutus_id", "training_id", "str"),
            _c("laji", "kind", "code", codes=TRAINING_KINDS),
            _c("alkupvm", "start_date", "date"),
            _c("loppupvm", "end_date", "date"),
            _c("suoritettu", "completed", "bool"),
        ),
    ),
    Export(
        name="tyoryhmat",
        title_fi="Ekosysteemin työryhmät",
        title_en="Ecosystem working groups",
        columns=(
            _c("ryhma", "group", "str", unique=True),
            _c("kaynnistynyt", "started", "date", False),
            _c("kokouksia", "meetings", "int", False),
        ),
    ),
    Export(
        name="palvelupisteet",
        title_fi="Palvelupisteet",
        title_en="Joint service points",
        columns=(
            _c("kunta", "municipality", "municipality", unique=True),
            _c("toiminta_alkanut", "operating_since", "date", False),
            _c("nuorten_yhteispalvelu", "youth_services", "bool"),
        ),
    ),
    # Added 2026-12 (the national indicators): statement_processing_days.
    Export(
        name="lausunnot",
        title_fi="Työvoimapoliittiset lausunnot",
        title_en="Labour-policy statements",
        columns=(
            _c("lausunto_id", "statement_id", "str", unique=True),
            _c("asiakas_id", "client_id", "str"),
            _c("vireille", "pending_since", "date"),
            _c("annettu", "issued", "date", False),
        ),
    ),
)

# The cost exports, added 2026-12 (each optional).
COST_EXPORTS: tuple[Export, ...] = (
    Export(
        name="kustannukset",
        title_fi="Kustannukset",
        title_en="Cost ledger",
        columns=(
            _c("kirjaus_id", "entry_id", "str", unique=True),
            _c("pvm", "date", "date"),
            _c("kustannuslaji", "cost_type", "code", codes=COST_ITEMS),
            _c("summa", "amount", "amount"),
            _c("kunta", "municipality", "municipality", False),
            _c("asiakas_id", "client_id", "str", False),
            _c("koulutus_id", "training_id", "str", False),
            _c("paatos_id", "decision_id", "str", False),
            _c("selite", "description", "str", False),
        ),
    ),
    Export(
        name="sitoumukset",
        title_fi="Sitoumukset",
        title_en="Commitments",
        columns=(
            _c("paatos_id", "decision_id", "str"),  # unique together with vuosi
            _c("paatospvm", "decided", "date"),
            _c("kustannuslaji", "cost_type", "code", codes=COST_ITEMS),
            _c("kunta", "municipality", "municipality", False),
            _c("asiakas_id", "client_id", "str", False),
            _c("vuosi", "year", "int"),
            _c("summa", "amount", "amount"),
        ),
    ),
    Export(
        name="talousarvio",
        title_fi="Talousarvio",
        title_en="Budget",
        columns=(
            _c("vuosi", "year", "int"),
            _c("kustannuslaji", "cost_type", "code", codes=COST_ITEMS),
            _c("summa", "amount", "amount"),
        ),
    ),
    Export(
        name="kustannusjako",
        title_fi="Kustannusjako",
        title_en="Cost-sharing percentages",
        columns=(
            _c("vuosi", "year", "int"),
            _c("kunta", "municipality", "municipality"),
            _c("osuus", "share", "decimal"),
        ),
    ),
)
EXPORTS = EXPORTS + COST_EXPORTS

EXPORTS_BY_NAME: dict[str, Export] = {e.name: e for e in EXPORTS}
# Small registers the area keeps by hand: the project ships defaults (reference/defaults/).
DEFAULTED_EXPORTS = ("tyoryhmat", "palvelupisteet")

# The columns whose latest date is the default as-of (extraction) date of a load
# (docs/spec/METRICS.md).
AS_OF_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tapahtumat", "pvm"),
    ("yrityskontaktit", "pvm"),
    ("tyopaikat", "julkaistu"),
    ("tyopaikat", "sulkeutunut"),
    ("tilajaksot", "alkupvm"),
    ("tyonhakujaksot", "alkupvm"),
    ("lausunnot", "vireille"),
    ("lausunnot", "annettu"),
    ("kustannukset", "pvm"),
)
