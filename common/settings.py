"""Runtime configuration, read from the environment (prefix ``KPI_``) by pydantic-settings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Where things live. Every value can be set as an environment variable, e.g. ``KPI_DB``."""

    model_config = SettingsConfigDict(env_prefix="KPI_", frozen=True)

    db: Path = PROJECT_ROOT / "data" / "kpi.duckdb"
    reference_dir: Path = PROJECT_ROOT / "reference"
    sample_dir: Path = PROJECT_ROOT / "sample_data" / "sample"
    small_number_threshold: int = 5
    # Allow-list of e-mail -> role, used when the sign-in token carries no roles claim.
    roles_file: Path = PROJECT_ROOT / ".streamlit" / "roles.toml"

    # Official statistics: Statistics Finland's PxWeb API, table 12r5 (docs/statistics.md).
    statfin_api_url: str = "https://pxdata.stat.fi/PXWeb/api/v1/fi/StatFin"
    statfin_table: str = "tyonv/statfin_tyonv_pxt_12r5.px"
    statfin_area_variable: str = "Alue"
    statfin_month_variable: str = "Kuukausi"
    statfin_indicator_variable: str = "Tiedot"
    statfin_country_code: str = "SSS"
    statfin_municipality_prefix: str = "KU"
    statfin_unemployed_code: str = "TYOTTOMATLOPUSSA"
    statfin_rate_code: str = "TYOTOSUUS"
    statfin_vacancies_code: str = "AVPAIKATLOPUSSA"
    statfin_labour_force_code: str = "TYOVOIMATK"
    statfin_timeout_s: float = 30.0
    # Official and own counts of unemployed job seekers differ "too much" above this share.
    statfin_difference_threshold: float = 0.05

    # The director's Monday e-mail (docs/production.md "The Monday e-mail").
    dashboard_url: str = "http://localhost:8501"
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_starttls: bool = True
    # The CA certificate(s) that sign the mail server's certificate (default: the system's).
    smtp_ca_file: Path | None = None
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_s: float = 30.0
    digest_from: str = "kpi@localhost"
    digest_to: list[str] = []


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
