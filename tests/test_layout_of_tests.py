"""Tests mirror the code: every module of metrics/, pipelines/, ui/ and access/ has its test
file (tests/<package>/test_<module>.py) or is named below with the test file that covers it.
A new module with neither fails here. Keep COVERED_BY a plain dict (merges extend it)."""

from __future__ import annotations

from pathlib import Path

from common.settings import PROJECT_ROOT

PACKAGES = ("metrics", "pipelines", "ui", "access")

# module -> the test file that exercises it (through the module that uses it, or the app).
COVERED_BY: dict[str, str] = {
    "metrics.__main__": "tests/metrics/test_cli.py",
    "pipelines.__main__": "tests/pipelines/test_cli_and_swap.py",
    "pipelines.csv_bytes": "tests/pipelines/test_reading_rules.py",
    "pipelines.database": "tests/metrics/test_kpi_file_sample.py",
    "pipelines.exports.asiakkaat": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.koulutukset": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.lausunnot": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.palvelujaksot": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.palvelupisteet": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.tapahtumat": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.tilajaksot": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.tyonhakujaksot": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.tyopaikat": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.tyoryhmat": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.virkailijat": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.yrityskontaktit": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.kustannukset": "tests/pipelines/test_cost_exports.py",
    "pipelines.exports.sitoumukset": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.talousarvio": "tests/pipelines/test_bad_files.py",
    "pipelines.exports.kustannusjako": "tests/pipelines/test_cost_exports.py",
    "metrics.costs.cost_year": "tests/metrics/test_costs.py",
    "metrics.costs.cost_bills": "tests/metrics/test_costs.py",
    "metrics.costs.cost_data": "tests/metrics/test_costs.py",
    "metrics.costs.cost_report": "tests/metrics/test_costs.py",
    "metrics.costs.cost_tables": "tests/metrics/test_costs.py",
    "ui.finance_view": "tests/app/test_smoke.py",
    "ui.finance_data": "tests/app/test_smoke.py",
    "pipelines.folder": "tests/sample_data/test_validates.py",
    "pipelines.reading": "tests/pipelines/test_reading_rules.py",
    "pipelines.staging": "tests/access/test_reload_while_viewing.py",
    "pipelines.validation": "tests/pipelines/test_bad_files.py",
    "ui.blocks": "tests/app/test_smoke.py",
    "ui.data_view": "tests/app/test_smoke.py",
    "ui.downloads": "tests/app/test_downloads.py",
    "ui.goal_view": "tests/ui/test_indicators.py",
    "ui.kpi_view": "tests/app/test_smoke.py",
    "ui.page_context": "tests/app/test_smoke.py",
    "ui.pages": "tests/app/test_layout.py",
    "ui.presentation": "tests/app/test_smoke.py",
    "ui.meeting_queries": "tests/app/test_meeting.py",
    "ui.meeting_view": "tests/app/test_meeting.py",
    "ui.resources_view": "tests/app/test_smoke.py",
    "ui.sidebar": "tests/app/test_broken_database.py",
    "access.texts": "tests/access/test_gate.py",
    "metrics.digest": "tests/metrics/test_digest_html.py",
    "metrics.digest_cli": "tests/metrics/test_digest_mail.py",
    "metrics.digest_mail": "tests/metrics/test_digest_mail.py",
    "pipelines.csv_encoding": "tests/pipelines/test_bad_files.py",
    "pipelines.line_endings": "tests/pipelines/test_bad_files.py",
    "pipelines.shape_rules": "tests/pipelines/test_bad_files.py",
    "pipelines.raw_table": "tests/pipelines/test_bad_files.py",
    "pipelines.parquet_reading": "tests/pipelines/test_parquet_types.py",
    "pipelines.statfin": "tests/pipelines/test_statfin_fetch.py",
    "pipelines.statfin_check": "tests/pipelines/test_statfin_fetch.py",
    "pipelines.statfin_cli": "tests/pipelines/test_statfin_fetch.py",
    "pipelines.rollback_cli": "tests/pipelines/test_backups.py",
    "pipelines.statfin_codes": "tests/pipelines/test_statfin_fetch.py",
    "pipelines.statfin_jsonstat": "tests/pipelines/test_statfin_fetch.py",
    "pipelines.statfin_query": "tests/pipelines/test_statfin_fetch.py",
    "pipelines.statfin_store": "tests/pipelines/test_statfin_carry.py",
    "pipelines.statfin_csv": "tests/pipelines/test_statfin_files.py",
    "ui.backup_view": "tests/access/test_data_page_backups.py",
    "ui.upload_view": "tests/access/test_data_page_upload.py",
    "ui.chart_buckets": "tests/ui/test_charts.py",
    "ui.chart_style": "tests/ui/test_charts.py",
    "ui.document_language": "tests/app/test_pages.py",
    "access.upload_stop_texts": "tests/access/test_upload_runner.py",
}


def modules() -> list[str]:
    """Every module of the packages, dotted (a package's own __init__ as the package)."""
    out = []
    for package in PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            if len(parts) > 1:
                out.append(".".join(parts))
    return out


def own_test_file(module: str) -> Path:
    parts = module.split(".")
    return PROJECT_ROOT / "tests" / parts[0] / f"test_{parts[-1]}.py"


def test_every_module_has_its_test_file_or_a_named_one() -> None:
    missing = [m for m in modules() if not own_test_file(m).exists() and m not in COVERED_BY]
    assert not missing, f"no test file for {missing}: add tests/<package>/test_<module>.py"


def test_every_named_test_file_exists_and_names_a_real_module() -> None:
    known = set(modules())
    for module, test_file in COVERED_BY.items():
        assert module in known, module
        assert (PROJECT_ROOT / test_file).exists(), (module, test_file)


def test_the_finder_sees_a_module_without_tests(tmp_path: Path) -> None:
    assert "ui.cards" in modules() and own_test_file("ui.cards").exists()
    assert "metrics.rule_wording" in modules()
    assert not own_test_file("ui.no_such_module").exists()
