"""Where a page's CPU goes, from the server's profiles (bench/server_profile.py): milliseconds
per page run by package, the functions with the most time of their own, and the project's
functions with the most time in all (with what they call)."""

from __future__ import annotations

import pstats
from pathlib import Path
from typing import Any

from bench.child import ROOT

SITE = "site-packages/"
# package -> where its time is counted; the project's own code by top folder
AREAS = ("streamlit", "polars", "duckdb", "google", "pyarrow", "tornado", "pandas", "plotly")
# Named costs of a page run: (what, file suffix, function); each is the function's time in
# all (they overlap: the cache lookups include their key hashing)
NAMED = (
    ("st.cache_data lookups (every cached call)", "caching/cache_utils.py", "__call__"),
    ("  of which hashing the arguments", "caching/cache_utils.py", "_make_value_key"),
    ("  of which inspect.signature per argument", "caching/cache_utils.py",
     "_get_positional_arg_name"),
    ("  of which unpickling the cached value", "~", "<built-in method _pickle.loads>"),
    ("download menus (ui/downloads.py buttons)", "ui/downloads.py", "buttons"),
    ("widget registration (every widget)", "state/widgets.py", "register_widget"),
    ("polars DataFrame.filter in page code", "polars/dataframe/frame.py", "filter"),
    ('"auth" in st.secrets (access/gate.py)', "runtime/secrets.py", "__contains__"),
    ("config.get_option", "streamlit/config.py", "get_option"),
    ("compiling a page script (cache miss)", "scriptrunner/script_cache.py", "get_bytecode"),
)  # fmt: skip


def label(file: str, line: int, function: str) -> str:
    """``ui/cards.py:42(card_data)``, ``streamlit/…/x.py:10(f)`` or ``~(built-in)``."""
    if SITE in file:
        file = file.split(SITE, 1)[1]
    elif file.startswith(str(ROOT)):
        file = file[len(str(ROOT)) + 1 :]
    return f"{file}:{line}({function})" if line or file != "~" else function


def area(file: str) -> str:
    """The package or project folder a function belongs to."""
    if SITE in file:
        top = file.split(SITE, 1)[1].split("/", 1)[0]
        return top if top in AREAS else "other libraries"
    if file.startswith(str(ROOT)) and ".venv" not in file:
        rel = file[len(str(ROOT)) + 1 :]
        return f"project: {rel.split('/', 1)[0] if '/' in rel else rel}"
    return "Python and built-ins"


def summary(
    path: Path, runs: int, top: int = 15
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Per-page figures (ms) of one pstats file whose profile covers ``runs`` page runs."""
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    per_area: dict[str, float] = {}
    rows = []
    for (file, line, function), (_, calls, tt, ct, _) in stats.items():
        per_area[area(file)] = per_area.get(area(file), 0.0) + tt
        rows.append(
            {
                "function": label(file, line, function),
                "project": area(file).startswith("project"),
                "self_ms": tt / runs * 1000,
                "cum_ms": ct / runs * 1000,
                "calls": calls / runs,
            }
        )
    named = {what: _time_in_all(stats, suffix, name) / runs * 1000 for what, suffix, name in NAMED}
    own = sorted(rows, key=lambda r: -float(r["self_ms"]))[:top]
    project = [r for r in rows if r["project"]]
    project = sorted(project, key=lambda r: -float(r["cum_ms"]))[:top]
    areas = {k: v / runs * 1000 for k, v in sorted(per_area.items(), key=lambda kv: -kv[1])}
    head = {"runs": runs, "ms_per_run": total / runs * 1000, "areas_ms": areas, "named_ms": named}
    return head, own, project


def _time_in_all(stats: dict[Any, Any], suffix: str, function: str) -> float:
    return sum(
        entry[3]
        for (file, _, name), entry in stats.items()
        if file.endswith(suffix) and name == function
    )


def tables(profile: dict[str, Any]) -> str:
    """The markdown bench/capacity.py prints for ``--profile``."""
    out = [
        f"Profile of {profile['script']['runs']} page runs (CPU per thread, under cProfile, "
        f"which slows Python code about twofold: read the shares): script thread "
        f"{profile['script']['ms_per_run']:.1f} ms a page; sending its messages (event loop) "
        f"{profile['loop']['ms_per_run']:.1f} ms a page.",
        "",
        "| where (script thread) | ms a page | share |",
        "|---|---|---|",
    ]
    whole = profile["script"]["ms_per_run"]
    for name, ms in list(profile["script"]["areas_ms"].items())[:10]:
        out.append(f"| {name} | {ms:.1f} | {ms / whole:.0%} |")
    out += ["", "| named costs (time in all; they overlap) | ms a page | share |", "|---|---|---|"]
    for name, ms in profile["script"]["named_ms"].items():
        out.append(f"| {name} | {ms:.1f} | {ms / whole:.0%} |")
    for title, key, figure in (
        ("most time of their own", "own", "self_ms"),
        ("the project's functions, time in all", "project", "cum_ms"),
    ):
        out += ["", f"| {title} | ms a page | calls a page |", "|---|---|---|"]
        for r in profile[key]:
            out.append(f"| `{r['function']}` | {r[figure]:.2f} | {r['calls']:.1f} |")
    return "\n".join(out)


def read(prefix: Path, top: int = 15) -> dict[str, Any]:
    """Both profiles bench/server_profile.py wrote under ``prefix``."""
    runs, _ = (int(n) for n in Path(f"{prefix}.runs").read_text().split())
    script, own, project = summary(Path(f"{prefix}.script.prof"), runs, top)
    loop, _, _ = summary(Path(f"{prefix}.loop.prof"), runs, top)
    return {"script": script, "loop": loop, "own": own, "project": project}
