"""The Monday e-mail's plain-text part (for mail readers that show no HTML)."""

from __future__ import annotations

from metrics import registry
from metrics.digest_data import Digest, MetricLine
from metrics.digest_due import DueSection
from metrics.digest_html import due_cell, due_rule_name, subject, targets_label
from metrics.digest_text import Lang, say
from metrics.privacy import DEFAULT_THRESHOLD, small_token
from ui import kpi_view
from ui.formatting import fmt_change, fmt_date, fmt_period
from ui.i18n import t


def _line(line: MetricLine, lang: Lang) -> str:
    s = kpi_view.shown_row(line.row, lang)
    change = fmt_change(line.change, s.metric.unit, lang) if line.before is not None else "–"
    return (
        f"- {kpi_view.title(s.metric, lang)}: {s.value} ({t('target', lang)} {s.target}; "
        f"{s.status_text}; {say('col_change', lang).lower()} {change})"
    )


def _due(due: DueSection, lang: Lang) -> list[str]:
    out = ["", say("due", lang) + ":", say("due_intro", lang, as_of=fmt_date(due.as_of, lang),
           n=due.within, until=fmt_date(due.until, lang))]  # fmt: skip
    overdue, coming = t("due_col_overdue", lang), t("due_col_due", lang, n=due.within)
    out.extend(
        f"- {due_rule_name(r.rule, lang)}: {overdue.lower()} {due_cell(r.overdue, lang)}; "
        f"{coming.lower()} {due_cell(r.due, lang)}"
        for r in due.rows
    )
    return out


def render_text(d: Digest, lang: Lang, dashboard_url: str, attached: bool) -> str:
    out = [
        subject(d, lang),
        t("area_name", lang),
        say("intro", lang, as_of=fmt_date(d.as_of, lang),
            period=fmt_period(d.start, d.end, lang), targets=targets_label(d, lang)),
        f"{say('open_dashboard', lang)}: {dashboard_url}",
        "",
        say("attention", lang) + ":",
    ]  # fmt: skip
    attention = d.attention()
    out.extend(_line(x, lang) for x in attention)
    if not attention:
        out.append(say("attention_none", lang))
    out += ["", say("changed", lang) + ":"]
    if d.week_ago_end is None:
        out.append(say("no_week", lang, start=fmt_date(d.start, lang)))
    else:
        changed = d.changed()
        for x in changed:
            before = kpi_view.shown_row(x.before, lang).status_text if x.before else "–"
            now = kpi_view.shown_row(x.row, lang).status_text
            out.append(f"- {kpi_view.title(registry.get(x.metric_id), lang)}: {before} → {now}")
        if not changed:
            out.append(say("changed_none", lang))
    if d.due is not None:
        out += _due(d.due, lang)
    out += ["", say("all_metrics", lang) + ":"]
    out.extend(_line(x, lang) for x in d.lines)
    out += ["", say("small_note", lang, n=DEFAULT_THRESHOLD, small=small_token())]
    if d.week_ago_end is not None:
        out.append(say("week_ago_note", lang, end=fmt_date(d.week_ago_end, lang)))
    if attached:
        out.append(say("attachment_note", lang))
    out.append(say("sent_by", lang))
    return "\n".join(out) + "\n"
