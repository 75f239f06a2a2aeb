"""Every user-facing text of the dashboard, in Finnish (the default) and English.

Texts are looked up by key with :func:`t`; a missing key raises at once (a test walks the
table), so no page can show an untranslated string. Placeholders use ``str.format``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")
DEFAULT_LANG: Lang = "fi"

TEXTS: dict[str, tuple[str, str]] = {
    # app and navigation
    "app_title": ("Työllisyysalueen tavoiteseuranta", "Employment area KPI dashboard"),
    "area_name": ("Pohjois-Karjalan työllisyysalue", "North Karelia employment area"),
    "nav_overview": ("Yleiskuva", "Overview"),
    "nav_resources": ("Resurssit", "Resources"),
    "nav_data": ("Aineisto", "Data"),
    "nav_goals": ("Tavoitteet", "Goals"),
    "nav_more": ("Muut", "More"),
    "tab_title": ("{page} · Tavoiteseuranta", "{page} · Tavoiteseuranta"),
    "not_found_title": ("Sivua ei löydy", "Page not found"),
    "not_found_body": (
        "Osoitteessa ei ole tämän sovelluksen sivua. Tarkista linkki tai siirry yleiskuvaan.",
        "This address is no page of the dashboard. Check the link or go to the overview.",
    ),
    "goal_short_lahipalvelut": ("Lähipalvelut ja kasvokkaisuus", "Local, face-to-face services"),
    "goal_short_maahanmuuttajat": ("Maahanmuuttajien työllisyys", "Immigrant employment"),
    "goal_short_kohtaanto": ("Kohtaanto ja työnvälitys", "Matching and placement"),
    "goal_short_ekosysteemi": ("Työllisyyden ekosysteemi", "Employment ecosystem"),
    "goal_short_koulutukset": ("Koulutusten vaikuttavuus", "Training effectiveness"),
    "goal_short_palvelupisteet": ("Yhteiset palvelupisteet", "Joint service points"),
    "goal_short_palveluprosessi": ("Palveluprosessin määräajat", "Service-process deadlines"),
    "goal_short_seuranta": ("Seurattavat luvut", "Figures to follow"),
    # sidebar
    "language": ("Kieli / Language", "Kieli / Language"),
    "period": ("Ajanjakso", "Period"),
    "period_ytd": ("Vuoden alusta", "Year to date"),
    "period_4w": ("Viimeiset 4 viikkoa", "Last 4 weeks"),
    "period_month": ("Kuukausi", "A month"),
    "period_year": ("Vuosi", "A year"),
    "period_range": ("Oma aikaväli", "Custom range"),
    "month": ("Kuukausi", "Month"),
    "year": ("Vuosi", "Year"),
    "range_from": ("Alkaen", "From"),
    "range_to": ("Päättyen", "To"),
    "area": ("Alue", "Area"),
    "area_whole": ("Koko alue", "Whole area"),
    "level_palvelualue": ("Palvelualue", "Service area"),
    "level_kunta": ("Kunta", "Municipality"),
    "level_koko_alue": ("Koko alue", "Whole area"),
    "presentation_on": ("Esitystila", "Presentation mode"),
    "presentation_help": (
        "Lautakunnan näkymä: suuri teksti, yksi tavoite kerrallaan.",
        "For the board: large type, one goal per screen.",
    ),
    "copy_link_hint": (
        "Valinnat ovat osoitteessa: kopioi osoiterivi, niin linkki avaa saman näkymän.",
        "The choices are in the address: copy the address bar to share this exact view.",
    ),
    "range_reversed": (
        "Alkupäivä on loppupäivän jälkeen; päivät vaihdettiin.",
        "The start date was after the end date; the dates were swapped.",
    ),
    # freshness
    "freshness": (
        "Tiedot {as_of} asti · ladattu {loaded} · tarkastelujakso {period} · {targets}",
        "Data up to {as_of} · loaded {loaded} · period {period} · {targets}",
    ),
    "targets_of_year": ("vuoden {year} tavoitteet", "targets of {year}"),
    "targets_of_earlier_year": (
        "vuoden {year} tavoitteet (vuodelle {end_year} ei ole vielä omia)",
        "targets of {year} ({end_year} has none yet)",
    ),
    # no database
    "no_db_title": ("Tietokantaa ei löydy", "No database found"),
    "no_db_body": (
        "Tiedostoa {path} ei ole. Lataa aineisto komennolla "
        "`python -m pipelines load KANSIO` (tai `make run`, joka lataa esimerkkiaineiston), "
        "tai lataa kansio tämän sivun Aineisto-osiossa.",
        "The file {path} does not exist. Load the data with "
        "`python -m pipelines load FOLDER` (or `make run`, which loads the sample data), "
        "or upload a folder in the Data section below.",
    ),
    "db_error_title": ("Tietokantaa ei voitu avata", "The database could not be opened"),
    "broken_db_body": (
        "Tiedosto {path} on rikki tai keskeneräinen, joten lukuja ei voi näyttää. Lataa "
        "aineisto uudelleen komennolla `python -m pipelines load KANSIO`, tai analyytikkona "
        "tämän sovelluksen Aineisto-sivulla. Lataus korvaa rikkinäisen tiedoston.",
        "The file {path} is broken or incomplete, so no figures can be shown. Load the data "
        "again with `python -m pipelines load FOLDER`, or as an analyst on the Data page of "
        "this app. The load replaces the broken file.",
    ),
    "metrics_missing": (
        "Mittarien laskenta ei ole käytettävissä tässä asennuksessa: {error}",
        "The metrics are not available in this installation: {error}",
    ),
    # status
    "status_ok": ("Tavoitteessa", "On target"),
    "status_risk": ("Riskissä", "At risk"),
    "status_off": ("Ei tavoitteessa", "Off target"),
    "status_none": ("Ei arvoa", "No value"),
    "status_notarget": ("Seurantaluku", "For monitoring"),
    "status_areaonly": ("Tavoite koko alueelle", "Target for the whole area"),
    # cards
    "target": ("Tavoite", "Target"),
    "value": ("Arvo", "Value"),
    "change_week": ("viikossa", "in a week"),
    "pending": ("kesken {n}", "{n} pending"),
    "pace": (
        "Vauhti: {so_far} tähän mennessä, vuoden lopussa arviolta {projected} (tavoite {target})",
        "Pace: {so_far} so far, about {projected} by year end (target {target})",
    ),
    "pace_ok": ("vauhti riittää", "on pace"),
    "pace_short": ("vauhti ei riitä", "behind pace"),
    "cohort_note": (
        "Kohorttimittari: mukana tapaukset, joiden lopputulos on tiedossa.",
        "Cohort metric: counts the cases whose outcome is known.",
    ),
    "indicator": ("Mittari", "Indicator"),
    "goal": ("Tavoite", "Goal"),
    "small_number": ("alle 5", "under 5"),
    "open_goal": ("Avaa tavoitteen sivu", "Open the goal's page"),
    "trend_weekly": ("Viikoittain", "Weekly"),
    "trend_monthly": ("Kuukausittain", "Monthly"),
    "overview_intro": (
        "Kaikki palvelusuunnitelman tavoitteet: arvo, tavoite ja tila valitulla jaksolla "
        "ja alueella.",
        "Every target of the service plan: value, target and status for the chosen period "
        "and area.",
    ),
    "summary_counts": (
        "{ok} tavoitteessa · {risk} riskissä · {off} ei tavoitteessa · {none} ilman arvoa",
        "{ok} on target · {risk} at risk · {off} off target · {none} without a value",
    ),
    # drill-down
    "by_service_area": ("Palvelualueittain", "By service area"),
    "by_municipality": ("Kunnittain", "By municipality"),
    "trend": ("Kehitys", "Trend"),
    "target_line": ("tavoite", "target"),
    "breakdowns": ("Erittelyt", "Breakdowns"),
    "channel_split": ("Kanavat", "Channels"),
    "fill_time_distribution": ("Täyttymisajan jakauma", "Fill-time distribution"),
    "fill_time_mean_median": (
        "Keskiarvo {mean}, mediaani {median}",
        "Mean {mean}, median {median}",
    ),
    "cohort_outcomes": ("Kohorttien lopputulokset", "Cohort outcomes"),
    "on_time": ("ajallaan", "on time"),
    "late": ("myöhässä", "late"),
    "excluded": ("rajattu pois", "excluded"),
    "pending_word": ("kesken", "pending"),
    "caseworkers_without_offers": (
        "Asiakastyötä tekevät, joilla ei työtarjouksia jaksolla",
        "Caseworkers without job offers in the period",
    ),
    "caseworker_pseudonym_note": (
        "Virkailijat näytetään pseudonyymitunnuksella, ei nimellä.",
        "Caseworkers are shown by pseudonymous id, not by name.",
    ),
    "meeting_flows": (
        "Asiointi toisen kunnan palvelupisteessä",
        "Meetings in another municipality",
    ),
    "no_rows": ("Ei rivejä valitulla jaksolla.", "No rows in the chosen period."),
    "definition": ("Määritelmä", "Definition"),
    "kpi_table": ("Tunnuslukutaulukko", "KPI table"),
    "kpi_table_full": ("Koko näkymän tunnuslukutaulukko", "The view's full KPI table"),
    # downloads
    "download": ("Lataa", "Download"),
    "download_fi_csv": ("CSV, koodit (suomalainen Excel)", "CSV, codes (Finnish Excel)"),
    "download_csv": ("CSV, koodit (standardi)", "CSV, codes (standard)"),
    "download_xlsx": ("XLSX, koodit", "XLSX, codes"),
    "download_data": ("Lataa tiedot", "Download data"),
    "download_unsuppressed": (
        "Lataa suojaamattomat luvut (vain sisäiseen käyttöön)",
        "Download unsuppressed numbers (internal use only)",
    ),
    "board_report": ("Lautakunnan raportti (HTML)", "Board report (HTML)"),
    "report_title": ("Tavoiteseuranta: lautakunnan raportti", "Targets: report to the board"),
    "board_report_help": (
        "Yksi tiedosto, toimii ilman verkkoa, tulostuu A4:lle tavoite per sivu.",
        "One file, works offline, prints to A4 with one goal per page.",
    ),
    # presentation
    "prev": ("Edellinen", "Previous"),
    "next": ("Seuraava", "Next"),
    "exit_presentation": ("Poistu esitystilasta", "Leave presentation mode"),
    "slide_of": ("{i} / {n}", "{i} / {n}"),
    # service process
    "process_intro": (
        "Lakisääteiset määräajat (palvelusuunnitelma 5.1, laki 380/2023).",
        "Legal service deadlines (service plan 5.1, law 380/2023).",
    ),
    "rule_change": (
        "Sääntö muuttui {date}: ennen {before}, nyt {after} ({source}). Jakso ulottuu "
        "muutoksen molemmin puolin: kukin tapaus arvioidaan aloituspäivänään voimassa "
        "olleen säännön mukaan.",
        "The rule changed on {date}: before, {before}; now {after} ({source}). The period "
        "spans the change: each case is judged by the rule in force on its start date.",
    ),
    # resources
    "resources_intro": (
        "Palvelusuunnitelman budjetoidut henkilötyövuodet (htv) ja asiakkaita "
        "per asiakaspalvelun htv.",
        "Budgeted person-years (FTE) of the service plan, and clients per customer-service FTE.",
    ),
    "htv_by_point": ("Henkilötyövuodet palvelupisteittäin", "Person-years per service point"),
    "htv_by_function": ("Henkilötyövuodet tehtävittäin", "Person-years per function"),
    "clients_per_htv": ("Asiakkaita per asiakaspalvelun htv", "Clients per customer-service FTE"),
    "staffing_year": ("Henkilöstösuunnitelma {year}", "Staffing plan {year}"),
    "col_service_point": ("Palvelupiste", "Service point"),
    "col_address": ("Osoite", "Address"),
    "col_municipality": ("Kunta", "Municipality"),
    "col_service_area": ("Palvelualue", "Service area"),
    "col_function": ("Tehtävä", "Function"),
    "col_group": ("Ryhmä", "Group"),
    "col_htv": ("htv", "FTE"),
    "col_customer_htv": ("Asiakaspalvelun htv", "Customer-service FTE"),
    "col_clients": ("Asiakkaita", "Clients"),
    "col_ratio": ("Asiakkaita / htv", "Clients / FTE"),
    "col_area": ("Alue", "Area"),
    "col_level": ("Taso", "Level"),
    "col_metric": ("Mittari", "Metric"),
    "col_value": ("Arvo", "Value"),
    "col_target": ("Tavoite", "Target"),
    "col_status": ("Tila", "Status"),
    "col_pending": ("Kesken", "Pending"),
    "col_numerator": ("Osoittaja", "Numerator"),
    "col_denominator": ("Nimittäjä", "Denominator"),
    "col_period": ("Jakso", "Period"),
    "col_count": ("Lukumäärä", "Count"),
    "total": ("Yhteensä", "Total"),
    # codes and breakdown columns
    "code_alkuhaastattelu": ("Alkuhaastattelu", "Initial interview"),
    "code_tyonhakukeskustelu": ("Työnhakukeskustelu", "Job-search discussion"),
    "code_taydentava_tyonhakukeskustelu": (
        "Täydentävä työnhakukeskustelu",
        "Supplementary discussion",
    ),
    "code_kasvokkain": ("Kasvokkain", "Face to face"),
    "code_puhelin": ("Puhelin", "Phone"),
    "code_video": ("Video", "Video"),
    "code_verkko": ("Verkko", "Online"),
    "code_henkiloasiakkaat": ("Henkilöasiakkaat", "Personal customers"),
    "code_tym": ("TYM", "Multisectoral (TYM)"),
    "code_kotouttaminen": ("Kotouttaminen", "Integration"),
    "code_on_time": ("Ajallaan", "On time"),
    "code_late": ("Myöhässä", "Late"),
    "code_excluded": ("Rajattu pois", "Excluded"),
    "code_pending": ("Kesken", "Pending"),
    "bcol_outcome": ("Lopputulos", "Outcome"),
    "bcol_area": ("Alue", "Area"),
    "bcol_level": ("Taso", "Level"),
    "bcol_tyyppi": ("Tapahtuma", "Event"),
    "bcol_kanava": ("Kanava", "Channel"),
    "bcol_count": ("Lukumäärä", "Count"),
    "bcol_share": ("Osuus", "Share"),
    "bcol_bucket": ("Päiviä", "Days"),
    "bcol_vacancies": ("Työpaikkoja", "Vacancies"),
    "bcol_on_time": ("Ajallaan", "On time"),
    "bcol_late": ("Myöhässä", "Late"),
    "bcol_excluded": ("Rajattu pois", "Excluded"),
    "bcol_pending": ("Kesken", "Pending"),
    "bcol_resolved": ("Ratkenneet", "Resolved"),
    "bcol_cases": ("Tapauksia", "Cases"),
    "bcol_kunta": ("Kunta", "Municipality"),
    "bcol_yksikko": ("Yksikkö", "Unit"),
    "bcol_virkailija_id": ("Virkailija (pseudonyymi)", "Caseworker (pseudonym)"),
    "bcol_offers": ("Tarjouksia", "Offers"),
    "bcol_caseworkers": ("Virkailijoita", "Caseworkers"),
    "bcol_without_offers": ("Ilman tarjouksia", "Without offers"),
    "bcol_home_kunta": ("Kotikunta", "Home municipality"),
    "bcol_palvelupiste": ("Palvelupiste", "Service point"),
    "bcol_ryhma": ("Ryhmä", "Group"),
    "bcol_kaynnistynyt": ("Käynnistynyt", "Started"),
    "bcol_kokouksia": ("Kokouksia", "Meetings"),
    "bcol_toiminta_alkanut": ("Toiminta alkanut", "Operating since"),
    "bcol_nuorten_yhteispalvelu": ("Nuorten yhteispalvelu", "Youth one-stop service"),
    "bcol_metric_id": ("Mittari", "Metric"),
    # data page
    "data_intro": ("Ladattu aineisto ja uuden aineiston lataus.", "Loaded data and new uploads."),
    "as_of": ("Tiedot päivään", "Data as of"),
    "loaded_at": ("Ladattu", "Loaded"),
    "source": ("Lähde", "Source"),
    "load_log": ("Latausloki", "Load log"),
    "row_counts": ("Rivejä aineistoittain", "Rows per export"),
    "warnings": ("Varoitukset", "Warnings"),
    "no_warnings": ("Ei varoituksia.", "No warnings."),
    "col_export": ("Aineisto", "Export"),
    "col_file": ("Tiedosto", "File"),
    "col_rows": ("Rivejä", "Rows"),
    "col_format": ("Muoto", "Format"),
    "col_encoding": ("Merkistö", "Encoding"),
    "col_delimiter": ("Erotin", "Delimiter"),
    "col_sha256": ("Tarkiste (SHA-256)", "Checksum (SHA-256)"),
    "col_row": ("Rivi", "Row"),
    "col_column": ("Sarake", "Column"),
    "col_message": ("Viesti", "Message"),
    "upload_title": ("Lataa uusi aineisto", "Load new data"),
    "upload_help": (
        "Valitse vientikansion kaikki tiedostot (CSV, XLSX, Parquet) tai yksi zip-tiedosto. "
        "Aineisto tarkistetaan ensin; se ladataan vain, jos virheitä ei ole.",
        "Choose every file of the export folder (CSV, XLSX, Parquet) or one zip file. "
        "The data is checked first and loaded only when there are no errors.",
    ),
    "upload_files": ("Tiedostot tai zip", "Files or a zip"),
    "validate_button": ("Tarkista", "Check"),
    "load_button": ("Lataa tietokantaan", "Load into the database"),
    "validating": ("Tarkistetaan…", "Checking…"),
    "loading": ("Ladataan…", "Loading…"),
    "validation_ok": (
        "Aineisto on kunnossa: {files} tiedostoa, ei virheitä.",
        "The data is clean: {files} files, no errors.",
    ),
    "validation_failed": (
        "Aineistossa on {n} virhettä. Mitään ei ladattu; nykyinen aineisto säilyy.",
        "The data has {n} errors. Nothing was loaded; the current data stays.",
    ),
    "load_done": (
        "Ladattu: tiedot {as_of} asti. Näkymät päivittyvät.",
        "Loaded: data up to {as_of}. The views refresh.",
    ),
    "bad_zip": (
        "Zip-tiedostoa ei voitu avata: {error}",
        "The zip file could not be opened: {error}",
    ),
    "upload_rejected_name": (
        "Tiedosto {name} ohitettiin: vain CSV, XLSX, Parquet ja zip.",
        "File {name} was skipped: only CSV, XLSX, Parquet and zip.",
    ),
    "stage_read": ("Luetaan tiedostoja", "Reading the files"),
    "stage_validate": ("Tarkistetaan sääntöjä", "Checking the rules"),
    "stage_load": ("Rakennetaan uusi tietokanta", "Building the new database"),
    "stage_swap": ("Otetaan uusi tietokanta käyttöön", "Switching to the new database"),
    # upload in a child process, exports that would be emptied, earlier databases
    "upload_stopped": (
        "Tiedostoja ei hyväksytty tai niitä ei voitu tarkistaa loppuun. Mitään ei ladattu; "
        "nykyinen aineisto säilyy.",
        "The files were refused or could not be checked to the end. Nothing was loaded; "
        "the current data stays.",
    ),
    "confirm_empty": (
        "Uudessa aineistossa ei ole yhtään riviä näissä vienneissä, joissa nykyisessä "
        "tietokannassa on rivejä. Jos lataat silti, niiden luvut häviävät näkymistä.",
        "The new data has no rows in these exports, which have rows in the current "
        "database. If you load anyway, their figures disappear from the views.",
    ),
    "confirm_empty_yes": ("Lataa silti", "Load anyway"),
    "cancel": ("Peruuta", "Cancel"),
    "backups_title": ("Aiemmat tietokannat", "Earlier databases"),
    "backups_help": (
        "Lataus säilyttää kolme edellistä tietokantaa. Palautus ottaa valitun takaisin "
        "käyttöön kaikille käyttäjille.",
        "A load keeps the three previous databases. Restoring one puts it back in use for "
        "every user.",
    ),
    "no_backups": ("Aiempia tietokantoja ei ole tallessa.", "No earlier databases are kept."),
    "backup_line": (
        "**Tiedot {as_of} asti** · ladattu {loaded_at} · {rows} riviä",
        "**Data up to {as_of}** · loaded {loaded_at} · {rows} rows",
    ),
    "restore_button": ("Palauta tämä", "Restore this"),
    "restore_confirm": (
        "Palautetaanko tietokanta, jonka tiedot ovat {as_of} asti (ladattu {loaded_at})? "
        "Se korvaa nykyisen aineiston kaikille käyttäjille.",
        "Restore the database with data up to {as_of} (loaded {loaded_at})? It replaces "
        "the current data for every user.",
    ),
    "restore_yes": ("Kyllä, palauta", "Yes, restore"),
    "restore_done": ("Palautettu: tiedot {as_of} asti.", "Restored: data up to {as_of}."),
    "restore_failed": (
        "Palautus ei onnistunut; nykyinen aineisto säilyy.",
        "The restore failed; the current data stays.",
    ),
    # training cohort outcomes (metrics.breakdowns_people.outcome_codes)
    "code_unemployment_ended": ("Työttömyys päättyi", "Unemployment ended"),
    "code_unemployed": ("Työtön tai lomautettu", "Unemployed or laid off"),
    # a whole-area figure under a service area or municipality
    "whole_area_figure": ("◆ Koko alueen luku", "◆ Figure for the whole area"),
    "summary_whole_area_left_out": (
        "koko alueen tavoitteita ei laskettu mukaan: {n}",
        "whole-area targets not counted: {n}",
    ),
    "rule_in_force": ("Sääntö jaksolla", "The rule in the period"),
    # table cells (ui/formatting.py fmt_bool)
    "yes": ("Kyllä", "Yes"),
    "no": ("Ei", "No"),
    "bcol_kotikunta": ("Kotikunta", "Home municipality"),
    "bcol_outside": ("Toisessa kunnassa", "In another municipality"),
    # charts (ui/charts.py, ui/chart_buckets.py, ui/trend_notes.py)
    "chart_week": ("Viikko", "Week"),
    "chart_value": ("arvo", "value"),
    "chart_partial_week": ("osittainen viikko {days}", "partial week {days}"),
    "chart_partial_month": ("osittainen kuukausi {days}", "partial month {days}"),
    "chart_partial_legend": (
        "Ontto piste ja pisteviiva: osittainen {bucket} (jakso tai aineisto kattaa siitä "
        "vain osan).",
        "Hollow point and dotted line: a partial {bucket} (the period or the data cover only part "
        "of it).",
    ),
    "chart_bucket_week": ("viikko", "week"),
    "chart_bucket_month": ("kuukausi", "month"),
    "trend_hidden_small": (
        "Kehitys ei näy: jokaisessa {buckets} on alle 5 henkilöä, joten pienten lukujen sääntö "
        "piilottaa luvut. Koko jakson arvo yllä lasketaan kaikista jakson tapauksista.",
        "The trend is not shown: each {buckets} has fewer than 5 people, so the small-number "
        "rule hides the figures. The value above is over all cases of the whole period.",
    ),
    "trend_some_hidden": (
        "{n} {buckets} piilotettu pienten lukujen säännöllä (alle 5 henkilöä).",
        "{n} {buckets} hidden by the small-number rule (fewer than 5 people).",
    ),
    "trend_all_pending": (
        "Kehitys ei näy vielä: jakson tapausten lopputulos ei ole vielä tiedossa (kesken {n}).",
        "No trend yet: the outcome of the period's cases is not known yet ({n} pending).",
    ),
    "trend_pending_large": (
        "Huom. {buckets}: kesken olevia on enemmän kuin ratkenneita; osuus lasketaan vain "
        "ratkenneista ja voi vielä muuttua.",
        "Note, {buckets}: more cases are pending than resolved; the share counts only the "
        "resolved ones and may still change.",
    ),
    "chart_buckets_week": ("viikossa", "week"),
    "chart_buckets_month": ("kuukaudessa", "month"),
    "chart_hidden_week": ("viikkoa", "weeks"),
    "chart_hidden_month": ("kuukautta", "months"),
    # The mapping file (mapping.toml) in the Data page's upload
    "upload_mapping_help": (
        "Jos vientien sarakkeilla tai koodeilla on lähdejärjestelmän omat nimet, lisää "
        "tiedostojen joukkoon mapping.toml, joka kertoo, mikä sarake ja koodi on mikäkin.",
        "If the exports' columns or codes have the source system's own names, add "
        "mapping.toml, which says which column and code is which, to the files.",
    ),
    # --- national indicators and the Situation page (metrics.situation, ui/situation_view.py)
    "code_reached": ("Jatkui yli 3 kk", "Lasted over 3 months"),
    "code_not_reached": ("Päättyi 3 kk:n kuluessa", "Ended within 3 months"),
    # Deadlines coming up (the weekly list; ui/due_view.py)
    "deadlines_due": ("Määräajat lähipäivinä", "Deadlines coming up"),
    "due_within": ("Erääntyy työpäivän kuluessa", "Due within working days"),
    "due_intro": (
        "Avoimet tapaukset {as_of}: myöhässä (määräpäivä ennen {as_of}) ja {n} työpäivän "
        "kuluessa erääntyvät (määräpäivä {as_of}–{until}). Tehty toimenpide, myös myöhässä "
        "tehty, sulkee tapauksen; päättyneen työnhaun tai asiakkuuden tapaukset eivät ole "
        "listalla.",
        "Open cases on {as_of}: overdue (deadline before {as_of}) and due within {n} working "
        "days (deadline {as_of} – {until}). A deed, also a late one, closes a case; cases "
        "whose job search or customership has ended are not listed.",
    ),
    "due_col_rule": ("Määräaika", "Deadline rule"),
    "due_col_overdue": ("Myöhässä", "Overdue"),
    "due_col_due": ("Erääntyy {n} työpäivän kuluessa", "Due within {n} working days"),
    "due_total": ("Kaikki määräajat", "All deadline rules"),
    "due_by_area": ("Alueittain, kaikki määräajat", "By area, all deadline rules"),
    "due_cases_note": (
        "Tapausluettelo (pseudonyymit asiakastunnukset) on vain sisäiseen käyttöön.",
        "The case list (pseudonymous client ids) is for internal use only.",
    ),
    "due_card_title": ("Määräajat tällä viikolla", "Deadlines this week"),
    "due_card_overdue": ("myöhässä", "overdue"),
    "due_card_due": ("erääntyy {until} mennessä", "due by {until}"),
    "due_card_link": ("Palveluprosessin määräajat →", "Service-process deadlines →"),
    # a year earlier (issue 13, item 4): the value of the same period a year earlier
    "year_earlier_value": ("vuotta aiemmin {value}", "a year earlier {value}"),
    "year_earlier_change": ("muutos {change}", "change {change}"),
    "year_earlier_none": (
        "Vuotta aiempaa tietoa ei ole: aineisto alkaa {date}",
        "No data a year earlier: the data begin on {date}",
    ),
    "year_earlier_rule": ("Vuotta aiemmin: {message}", "A year earlier: {message}"),
    "year_earlier_period": ("Vertailujakso {period}", "Compared with {period}"),
    "col_year_earlier": ("Vuotta aiemmin", "A year earlier"),
    "col_change_year": ("Muutos vuodessa", "Change in a year"),
    # weekly meeting and presentation mode (issue 16)
    "nav_meeting": ("Viikkopalaveri", "Weekly meeting"),
    "meeting_col_change_week": ("Muutos viikossa", "Change in a week"),
    "meeting_whole_area_mark": ("koko alue", "whole area"),
    "meeting_changes": ("Tilan muutokset", "Changes of status"),
    "meeting_since_week": ("Viikon aikana", "Since last week"),
    "meeting_since_month": ("Kuukauden aikana", "Since the previous month"),
    "meeting_no_changes": ("Ei muutoksia.", "No changes."),
    "meeting_no_comparison": (
        "Jakso ei ollut vielä alkanut, joten vertailua ei ole.",
        "The period had not begun then, so there is nothing to compare.",
    ),
    "meeting_matrix": ("Kunnat ja tavoitteet", "Municipalities and targets"),
    "meeting_matrix_note": (
        "Solun väri ja merkki kertovat tilan (✔ tavoitteessa, ▲ riskissä, ✖ ei tavoitteessa, "
        "○ ei arvoa); arvo näkyy, kun osoitin on solun päällä. <5: pienten lukujen sääntö. "
        "Valitun palvelualueen kunnat ensin (alleviivattu).",
        "A cell's colour and sign say its status (✔ on target, ▲ at risk, ✖ off target, "
        "○ no value); hover a cell for its value. <5: the small-number rule. The chosen "
        "service area's municipalities first (underlined).",
    ),
    "meeting_open": ("Viikkopalaverin näkymä", "Weekly meeting view"),
    "slide_summary": ("Tavoitteiden tila", "Status of the targets"),
    "col_cases": ("Tapaukset", "Cases"),
    "trend_table": ("Taulukko", "Table"),
    # board report for the minutes, the director's text, downloads for people (issue 16)
    "download_for_people": ("Ihmisille", "For people"),
    "download_for_machines": (
        "Koneluettavat (kuten python -m metrics export)",
        "Machine-readable (as python -m metrics export)",
    ),
    "download_people_csv": ("CSV (suomalainen Excel)", "CSV (Excel, English)"),
    "download_people_xlsx": ("Excel-taulukko (XLSX)", "Excel workbook (XLSX)"),
    "people_file_suffix": ("taulukko", "table"),
    "people_sheet": ("Taulukko", "Table"),
    "people_col_period_start": ("Jakso alkaa", "Period start"),
    "people_col_period_end": ("Jakso päättyy", "Period end"),
    "people_col_as_of": ("Tiedot päivältä", "Data as of"),
    "people_col_target_op": ("Tavoitteen suunta", "Target direction"),
    "people_col_unit": ("Yksikkö", "Unit"),
    "people_unit_count": ("kpl", "count"),
    "bcol_mean_days": ("Keskiarvo (vrk)", "Mean (days)"),
    "bcol_median_days": ("Mediaani (vrk)", "Median (days)"),
    "download_all_series": (
        "Kaikki kuukausisarjat ({goal}, {area})",
        "All monthly series ({goal}, {area})",
    ),
    "notes_title": ("Selitys ja toimenpiteet", "Explanation and actions"),
    "notes_empty": (
        "Tälle tavoitteelle ja jaksolle ei ole vielä kirjoitettu selitystä.",
        "No explanation has been written for this goal and period yet.",
    ),
    "notes_field": ("Johdon selitys tälle jaksolle", "Management's explanation for this period"),
    "notes_help": (
        "Näkyy tavoitteen sivulla ja saman jakson lautakunnan raportissa, joka liitetään "
        "julkiseen pöytäkirjaan: älä kirjoita asiakkaiden tai virkailijoiden nimiä tai "
        "tunnisteita. Pelkkää tekstiä; tyhjä teksti poistaa selityksen näkyvistä. Aiemmat "
        "versiot säilyvät.",
        "Shown on the goal's page and in the board report of the same period, which is "
        "attached to the public minutes: write no names or identifiers of clients or "
        "caseworkers. Plain text; an empty text withdraws the explanation. Earlier versions "
        "are kept.",
    ),
    "notes_save": ("Tallenna selitys", "Save the explanation"),
    "notes_history": ("Aiemmat versiot ({n})", "Earlier versions ({n})"),
    "notes_signed": ("kirjoittanut {author} {when} (UTC)", "written by {author} {when} (UTC)"),
    "report_page": ("Sivu ", "Page "),
    "report_of": (" / ", " of "),
    "report_pace": (
        "Kertymä {so_far_period}: {so_far}; nykyvauhdilla vuoden {year} lopussa arviolta "
        "{projected} (vuoden tavoite {target}).",
        "Count {so_far_period}: {so_far}; at the current pace about {projected} by the end of "
        "{year} (the year's target {target}).",
    ),
    "report_municipalities": ("Kunnittain", "By municipality"),
    "report_municipalities_note": (
        "Jokaisen mittarin arvo ja tila kunnittain (✔ tavoitteessa, ▲ riskissä, ✖ ei "
        "tavoitteessa, ○ ei arvoa, ◆ ei kunnan omaa tavoitetta). Pienet luvut on peitetty "
        "(<5) kuten kojelaudalla.",
        "Each metric's value and status per municipality (✔ on target, ▲ at risk, ✖ off "
        "target, ○ no value, ◆ no target of the municipality's own). Small numbers are hidden "
        "(<5) as on the dashboard.",
    ),
    "due_download_cases": (
        "Lataa tapausluettelo (vain sisäiseen käyttöön)",
        "Download the case list (internal use only)",
    ),
    "goal_short_tilanne": ("Tilanne", "Situation"),
    "situation_groups": ("Työttömät ryhmittäin", "The unemployed by group"),
    "situation_groups_note": (
        "Työttömät ja lomautetut {day} sekä kuukausien lopussa. Vertaa vuotta aiempaan: "
        "tavoite on vähemmän kuin vuotta aiemmin.",
        "The unemployed and laid off on {day} and at each month's end. Compare with a year "
        "earlier: the target is fewer than a year earlier.",
    ),
    "situation_month_ends": ("Kuukausien lopussa: {area}", "At each month's end: {area}"),
    "bcol_month_end": ("Päivä", "Day"),
    "situation_official": (
        "Tilastokeskuksen luvut rinnalla",
        "Statistics Finland's figures beside ours",
    ),
    "statfin_missing": (
        "Virallisia tilastoja ei ole haettu. Ylläpito hakee ne: python -m pipelines statfin",
        "The official statistics have not been fetched. Administrators fetch them: "
        "python -m pipelines statfin",
    ),
    "statfin_note": (
        "Tilastokeskuksen työttömät työnhakijat kuun lopussa (taulukko 12r5) ja omat lukumme "
        "samana päivänä. Varoitus, kun ero on yli {limit}.",
        "Statistics Finland's unemployed job seekers at the month's end (table 12r5) and our "
        "own count on the same day. A warning where they differ by more than {limit}.",
    ),
    "statfin_differs": (
        "Omat luvut poikkeavat virallisista {n} kohdassa: {where}",
        "Our figures differ from the official ones in {n} places: {where}",
    ),
    "bcol_month": ("Kuukausi", "Month"),
    "bcol_official": ("Virallinen", "Official"),
    "bcol_own": ("Oma", "Ours"),
    "bcol_difference": ("Ero", "Difference"),
    "bcol_differs": ("Varoitus", "Warning"),
    "statfin_rates": (
        "Työttömyysaste: alue ja koko maa",
        "Unemployment rate: the area and the country",
    ),
    "statfin_area_rate": ("Pohjois-Karjala", "North Karelia"),
    "statfin_country_rate": ("Koko maa", "Whole country"),
    "year_earlier_before_coverage": (
        "Tavoite on vähemmän kuin vuotta aiemmin, mutta vuoden takainen päivä on ennen aineiston "
        "alkua: vertailua ei ole.",
        "The target is fewer than a year earlier, but the day a year earlier is before the data "
        "begin: there is nothing to compare with.",
    ),
    "meeting_in_municipalities": (
        "Alueen kunnissa muutoksia: {n}",
        "Changes in the area's municipalities: {n}",
    ),
    # --- Finances page (Talous, costs: issue 14) ---
    "nav_finances": ("Talous", "Finances"),
    "fin_intro": (
        "Vuoden kustannukset talousarvioon verrattuna, sitoumukset, kuntien osuudet ja "
        "hankittujen koulutusten kustannus per tulos (palvelusuunnitelman luku 3).",
        "The year's costs against the budget, commitments, the municipalities' bills and the "
        "cost per result of purchased training (service plan section 3).",
    ),
    "fin_year": ("Talousarviovuosi", "Budget year"),
    "fin_no_data": (
        "Kustannustietoja ei ole ladattu (viennit kustannukset, sitoumukset, talousarvio, "
        "kustannusjako).",
        "No cost data is loaded (the exports kustannukset, sitoumukset, talousarvio, "
        "kustannusjako).",
    ),
    "fin_situation": (
        "Tilanne {as_of}: vuodesta {year} on kulunut {elapsed}.",
        "As of {as_of}: {elapsed} of {year} has passed.",
    ),
    "fin_budget_use": ("Talousarvion käyttö", "Budget use"),
    "fin_trend": (
        "Kuukausittainen kertymä talousarvion vauhtiin verrattuna",
        "Monthly spending against the budget's pace",
    ),
    "fin_spent_cumulative": ("Toteuma kertymänä", "Spent, cumulative"),
    "fin_budget_pace": ("Talousarvion vauhti", "Budget pace"),
    "fin_bills": ("Kuntien osuudet", "The municipalities' bills"),
    "fin_bills_note": (
        "Kunnan osuus = sen aiheuttamisperusteiset kustannukset + sen jako-osuus jaettavista "
        "kustannuksista (jaettavien lajien ja kuntaan kohdistamattomien rivien summa), "
        "senttiä myöten; kuntien osuudet ovat yhteensä alueen toteuma.",
        "A municipality's bill = its causation-based costs + its share of the shared costs "
        "(the shared items and the rows billed to no municipality), to the cent; the bills "
        "add up to the area's actual costs.",
    ),
    "fin_bill_cells": ("Kunnan osuus kustannuslajeittain", "Each bill by cost item"),
    "fin_bills_by_month": ("Kuntien osuudet kuukausittain", "The bills by month"),
    "fin_bills_by_quarter": ("Kuntien osuudet neljännesvuosittain", "The bills by quarter"),
    "fin_courses": (
        "Koulutusten kustannus per tulos",
        "Cost per result of purchased training",
    ),
    "fin_courses_note": (
        "Tulos = koulutuksen suorittanut, jonka työttömyys oli päättynyt 3 kk koulutuksen "
        "jälkeen (sama sääntö kuin mittarissa). Kustannus koko koulutuksen ajalta.",
        "Result = completed the training and no longer unemployed 3 months after it (the "
        "same rule as the KPI). Cost over the whole course.",
    ),
    "fin_by_kind": ("Koulutuslajeittain", "By kind"),
    "fin_by_course": ("Koulutuksittain", "By course"),
    "fin_board_view": (
        "Näytä lautakunnan näkymä (pienet luvut piilotettu)",
        "Show the board's view (small numbers hidden)",
    ),
    "fin_board_note": (
        "<5: henkilöön liittyvä kustannus alle viiden asiakkaan takana; myös solut, joista "
        "sen voisi laskea, on piilotettu. Kuntien osuudet näytetään aina.",
        "<5: a person-related cost behind fewer than five clients; the cells it could be "
        "worked out from are hidden too. The bills are always shown.",
    ),
    "fin_invoice_xlsx": (
        "Laskutusperuste (XLSX, välilehti kunnittain)",
        "Invoicing basis (XLSX, a sheet per municipality)",
    ),
    "fin_total": ("Yhteensä", "Total"),
    "fin_spent": ("Toteuma", "Spent"),
    "fin_commitments": ("Sitoumukset", "Commitments"),
    "fin_free": ("Vapaa talousarvio", "Free budget"),
    "fin_projection": ("Ennuste vuoden lopulle", "Year-end projection"),
    "fin_status_ok": ("✔ Talousarviossa", "✔ Within budget"),
    "fin_status_risk": ("▲ Riskissä (enintään 5 % yli)", "▲ At risk (at most 5 % over)"),
    "fin_status_off": ("✖ Ylittyy", "✖ Over budget"),
    "fc_kustannuslaji": ("Kustannuslaji", "Cost item"),
    "fc_aiheuttamisperusteinen": ("Aiheuttamisperusteinen", "Causation-based"),
    "fc_toteuma": ("Toteuma", "Actual"),
    "fc_sitoumus": ("Sitoumukset", "Commitments"),
    "fc_talousarvio": ("Talousarvio", "Budget"),
    "fc_vapaa": ("Vapaa", "Free"),
    "fc_kaytetty_osuus": ("Käytetty", "Used"),
    "fc_kulunut_osuus": ("Vuodesta kulunut", "Year elapsed"),
    "fc_ennuste": ("Ennuste", "Projection"),
    "fc_status": ("Tila", "Status"),
    "fc_kunta": ("Kunta", "Municipality"),
    "fc_aiheuttamisperusteiset": ("Aiheuttamisperusteiset", "Causation-based"),
    "fc_jako_osuus": ("Jako-osuus", "Share"),
    "fc_jaettu_osuus": ("Osuus jaettavista", "Share of shared costs"),
    "fc_kunnan_osuus": ("Kunnan osuus", "Bill"),
    "fc_kausi": ("Kausi", "Period"),
    "fc_koulutus_id": ("Koulutus", "Course"),
    "fc_laji": ("Laji", "Kind"),
    "fc_kustannus": ("Kustannus", "Cost"),
    "fc_osallistujat": ("Osallistujat", "Participants"),
    "fc_suorittaneet": ("Suorittaneet", "Completed"),
    "fc_tyottomyys_paattynyt": ("Työttömyys päättynyt 3 kk", "Unemployment ended at 3 months"),
    "fc_kesken": ("Seuranta kesken", "Follow-up pending"),
    "fc_eur_per_osallistuja": ("€ / osallistuja", "€ per participant"),
    "fc_eur_per_tulos": ("€ / tulos", "€ per result"),
    "fc_tulos_osuus": ("Tulos-%", "Success rate"),
    "cost_item_ostopalvelut": ("Ostopalvelut", "Purchased services"),
    "cost_item_palkkatuki": ("Palkkatuki", "Pay subsidy"),
    "cost_item_starttiraha": ("Starttiraha", "Start-up grant"),
    "cost_item_kulukorvaukset": ("Kulukorvaukset", "Expense allowances"),
    "cost_item_tyollistamistuki_55": ("Työllistämistuki 55+", "Employment support 55+"),
    "cost_item_tyoolosuhteiden_jarjestelytuki": (
        "Työolosuhteiden järjestelytuki",
        "Working-conditions support",
    ),
    "cost_item_matka_ja_yopyminen": ("Matka- ja yöpymiskulut", "Travel and accommodation"),
    "cost_item_henkilosto": ("Henkilöstö", "Staff"),
    "cost_item_toimitilat": ("Toimitilat", "Premises"),
    "cost_item_ict": ("ICT", "ICT"),
    "cost_item_muu": ("Muut", "Other"),
    "cost_item_yhteensa": ("Yhteensä", "Total"),
    # Presentation mode's finances slide (ui/presentation_finances.py)
    "slide_fin_whole_area": (
        "Talousarvio ja toteuma ovat koko alueen; kunnan osuus korostettuna oikealla.",
        "The budget and spending are the whole area's; the municipality's bill is highlighted"
        " on the right.",
    ),
}


def lookup(table: Mapping[str, tuple[str, str]], key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` of a (Finnish, English) ``table`` in ``lang``, with
    ``{placeholders}`` filled from ``values``."""
    fi, en = table[key]
    text = fi if lang == "fi" else en
    return text.format(**values) if values else text


def t(key: str, lang: Lang, **values: object) -> str:
    """The dashboard's text ``key`` in ``lang``, with ``{placeholders}`` filled."""
    return lookup(TEXTS, key, lang, **values)


def coerce_lang(value: str | None) -> Lang:
    """A URL or user value as a supported language; Finnish when unknown."""
    return "en" if value == "en" else "fi"
