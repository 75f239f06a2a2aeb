"""Face-to-face service: shares of interviews and discussions met in person (plan goal 1),
and the meetings held at a service point outside the client's home municipality (plan 4.1)."""

from __future__ import annotations

from metrics.definition import MetricDefinition

INITIAL_INTERVIEWS = MetricDefinition(
    id="initial_interviews_face_to_face",
    title_fi="Kasvokkain toteutetut alkuhaastattelut",
    title_en="Initial interviews held face-to-face",
    description_fi="Kuinka suuri osa jakson alkuhaastatteluista pidettiin kasvokkain. "
    "Alue määräytyy asiakkaan kotikunnan mukaan.",
    description_en="The share of the period's initial interviews that were held face-to-face. "
    "The client's home municipality places the interview in an area.",
    unit="share",
    direction="higher",
    exports=("tapahtumat", "asiakkaat"),
    privacy="denominator",
    goal="lahipalvelut",
    sql="face_to_face/meetings.sql",
)

JOB_SEARCH_DISCUSSIONS = MetricDefinition(
    id="job_search_discussions_face_to_face",
    title_fi="Kasvokkain toteutetut työnhakukeskustelut",
    title_en="Job-search discussions held face-to-face",
    description_fi="Kuinka suuri osa työnhakukeskusteluista ja täydentävistä "
    "työnhakukeskusteluista pidettiin kasvokkain.",
    description_en="The share of job-search discussions and supplementary job-search "
    "discussions that were held face-to-face.",
    unit="share",
    direction="higher",
    exports=("tapahtumat", "asiakkaat"),
    privacy="denominator",
    goal="lahipalvelut",
    sql="face_to_face/meetings.sql",
)

MEETINGS_OUTSIDE_HOME = MetricDefinition(
    id="meetings_outside_home_municipality",
    title_fi="Tapaamiset kotikunnan ulkopuolisessa palvelupisteessä",
    title_en="Meetings at a service point outside the home municipality",
    description_fi="Kasvokkaisista alkuhaastatteluista ja työnhakukeskusteluista se osuus, "
    "joka pidettiin muun kuin asiakkaan kotikunnan palvelupisteessä. Seurantaluku, ei tavoitetta.",
    description_en="Of the face-to-face interviews and discussions, the share held at a service "
    "point in another municipality than the client's home. A figure to follow, no target.",
    unit="share",
    direction="higher",
    exports=("tapahtumat", "asiakkaat"),
    privacy="denominator",
    has_target=False,
    goal="seuranta",
    sql="face_to_face/meetings.sql",
)
