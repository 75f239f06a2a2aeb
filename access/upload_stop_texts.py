"""The bilingual messages for a check or load of an upload that did not finish: the worker
was refused, killed (SIGKILL, an abort, a memory or CPU limit), crashed or ran too long.
They say what happened and that the current data stays, never a traceback."""

from __future__ import annotations

from access.upload_protocol import Command, WorkerLimits
from access.upload_safety import UploadRefused

Reason = tuple[str, str]  # (Finnish, English), each a full sentence

_PHASE = {
    "check": ("Tiedostojen tarkistus keskeytyi", "The check of the files stopped"),
    "load": ("Aineiston lataus keskeytyi", "The load of the data stopped"),
}


def stop_reason(kind: str, detail: str, limits: WorkerLimits | None = None) -> Reason:
    """Why the worker stopped: ``timeout``, ``cpu``, ``memory``, ``signal`` (``detail``
    the signal's name) or ``crashed`` (``detail`` the exception type or exit code)."""
    mib = limits.memory_mib if limits else 0
    secs = limits.seconds if limits else 0
    if kind == "timeout":
        return (f"se kesti yli {secs} s.", f"it took longer than {secs} s.")
    if kind == "cpu":
        return (
            f"se käytti yli {secs} s suoritinaikaa.",
            f"it used more than {secs} s of processor time.",
        )
    if kind == "memory":
        return (
            f"se olisi tarvinnut enemmän muistia kuin sallitut {mib} MiB.",
            f"it would have needed more memory than the allowed {mib} MiB.",
        )
    if kind == "signal":
        return (
            "tiedoston lukija kaatui tai olisi tarvinnut enemmän muistia kuin sallitut "
            f"{mib} MiB ({detail}).",
            f"a file reader crashed or would have needed more than the allowed {mib} MiB "
            f"of memory ({detail}).",
        )
    return (f"odottamaton virhe ({detail}).", f"an unexpected error ({detail}).")


def stopped(label: str, phase: Command, why: Reason) -> UploadRefused:
    """The refusal the Data page shows for a worker that did not finish."""
    head_fi, head_en = _PHASE[phase]
    return UploadRefused(
        label,
        f"{head_fi}: {why[0]} Nykyinen aineisto säilyy ennallaan. Tarkista tiedostot "
        "(esimerkiksi tallenna Excel-tiedosto uudelleen tai vie aineisto CSV-muodossa) ja "
        "yritä uudelleen.",
        f"{head_en}: {why[1]} The current data stays as it was. Check the files (for "
        "example, save the Excel file again or export the data as CSV) and try again.",
    )
