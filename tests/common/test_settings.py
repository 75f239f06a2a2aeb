"""common/settings.py is the only reader of the environment, and it follows a change of it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from common.settings import PROJECT_ROOT, get_settings

# The product's code (tests may read CI and the like for themselves).
PACKAGES = ("access", "app_pages", "bench", "common", "metrics", "pipelines", "sample_data", "ui")
READER = PROJECT_ROOT / "common" / "settings.py"


def _sources() -> list[Path]:
    files = [PROJECT_ROOT / "app.py"]
    for package in PACKAGES:
        files.extend(sorted((PROJECT_ROOT / package).rglob("*.py")))
    return [f for f in files if f != READER]


def _is_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def environment_reads(source: str) -> list[int]:
    """Lines that read the environment: ``os.getenv``, ``os.environ[...]``, ``.get``, ``in``
    and the like. Copying it whole for a child process (``{**os.environ, ...}``,
    ``os.environ | {...}``, ``os.environ.copy()``) is writing the child's, not reading."""
    tree = ast.parse(source)
    copies: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            copies |= {id(v) for k, v in zip(node.keys, node.values, strict=True) if k is None}
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            copies.add(id(node.left))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "copy"
        ):
            copies.add(id(node.func.value))
    getenv = {"getenv"}
    return [
        getattr(node, "lineno", 0)
        for node in ast.walk(tree)
        if (isinstance(node, ast.Attribute) and node.attr in getenv)
        or (isinstance(node, ast.Name) and node.id in getenv)
        or (_is_environ(node) and id(node) not in copies)
    ]


def test_no_module_but_settings_reads_the_environment() -> None:
    found = {
        str(path.relative_to(PROJECT_ROOT)): lines
        for path in _sources()
        if (lines := environment_reads(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "read it through common.settings.get_settings()"


@pytest.mark.parametrize(
    ("source", "reads"),
    [
        ("import os\nx = os.environ.get('KPI_DB')\n", True),
        ("import os\nx = os.getenv('KPI_DB')\n", True),
        ("import os\nx = os.environ['KPI_DB']\n", True),
        ("import os\nx = 'KPI_DB' in os.environ\n", True),
        ("from os import environ\nx = environ.get('A')\n", True),
        ("import os\nenv = {**os.environ, 'KPI_DB': 'x'}\n", False),
        ("import os\nenv = os.environ | {'A': '1'}\n", False),
        ("import os\nenv = os.environ.copy()\n", False),
    ],
)
def test_the_check_tells_a_read_from_a_copy_for_a_child(source: str, reads: bool) -> None:
    assert bool(environment_reads(source)) == reads


def test_settings_follow_a_change_of_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_DB", str(tmp_path / "a.duckdb"))
    assert get_settings().db == tmp_path / "a.duckdb"
    monkeypatch.setenv("KPI_DB", str(tmp_path / "b.duckdb"))
    assert get_settings().db == tmp_path / "b.duckdb"
    assert get_settings() is get_settings()  # the same environment: the same object
