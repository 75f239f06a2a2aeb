"""One POST to the PxWeb API (httpx), every way it can fail said in Finnish and English."""

from __future__ import annotations

from datetime import date

import httpx

from common.settings import Settings
from pipelines.statfin_jsonstat import Statistics, parse_jsonstat
from pipelines.statfin_query import MonthRange, build_query, table_url
from pipelines.validation_report import PipelineError

_UNCHANGED_FI = "Tallennetut tilastot ovat ennallaan."
_UNCHANGED_EN = "The stored statistics are unchanged."


def _status_advice(status: int) -> tuple[str, str]:
    if status in (400, 404):
        return (
            "Taulukkoa tai pyydettyä arvoa ei ole (esim. kuukautta ei ole vielä julkaistu). "
            "Tarkista --from/--to ja asetukset KPI_STATFIN_*.",
            "The table or a value asked for does not exist (e.g. the month is not published "
            "yet). Check --from/--to and the KPI_STATFIN_* settings.",
        )
    if status in (403, 429):
        return (
            "Palvelu rajoittaa kyselyjä tai kysely on liian suuri. Odota hetki tai lyhennä jaksoa.",
            "The service limits queries or the query is too large. Wait a moment or shorten the "
            "period.",
        )
    return (
        "Palvelussa on häiriö. Yritä myöhemmin uudelleen.",
        "The service has a problem. Try again later.",
    )


def fetch(months: MonthRange, settings: Settings, today: date) -> Statistics:
    """The table's cells for ``months``; PipelineError on HTTP errors, timeouts, bad JSON."""
    url = table_url(settings)
    query = build_query(months, settings, today)
    try:
        response = httpx.post(url, json=query, timeout=settings.statfin_timeout_s)
        response.raise_for_status()
    except httpx.TimeoutException as exc:
        raise PipelineError.single(
            url,
            f"Tilastokeskus ei vastannut {settings.statfin_timeout_s:g} sekunnissa. "
            f"Yritä myöhemmin uudelleen. {_UNCHANGED_FI}",
            f"Statistics Finland did not answer within {settings.statfin_timeout_s:g} seconds. "
            f"Try again later. {_UNCHANGED_EN}",
            "statfin_timeout",
        ) from exc
    except httpx.HTTPStatusError as exc:
        fi, en = _status_advice(exc.response.status_code)
        code = exc.response.status_code
        raise PipelineError.single(
            url,
            f"Tilastokeskus vastasi virheellä HTTP {code}. {fi} {_UNCHANGED_FI}",
            f"Statistics Finland answered with error HTTP {code}. {en} {_UNCHANGED_EN}",
            "statfin_http",
        ) from exc
    except httpx.HTTPError as exc:
        raise PipelineError.single(
            url,
            f"Yhteys Tilastokeskukseen ei onnistunut ({type(exc).__name__}). Tarkista verkko ja "
            f"osoite (KPI_STATFIN_API_URL). {_UNCHANGED_FI}",
            f"Could not connect to Statistics Finland ({type(exc).__name__}). Check the network "
            f"and the address (KPI_STATFIN_API_URL). {_UNCHANGED_EN}",
            "statfin_connection",
        ) from exc
    return parse_jsonstat(response.content, url, settings)
