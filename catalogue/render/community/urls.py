"""The addresses of the community plan's pages and files: ``/komunitni-plan/ID/opatreni/2-3/``, ``/novinky/``, ``/soubory/``."""

from __future__ import annotations


from ...model.plan_parts import Meeting


PLANS_SECTION = "komunitni-plan"
NEWS_SECTION = "novinky"
FILES_SECTION = "soubory"
FEED_FILE = "atom.xml"
PART_SECTIONS = {
    "priorities": "priority",
    "measures": "opatreni",
    "action-plans": "akcni-plany",
    "working-groups": "pracovni-skupiny",
    "comment-periods": "pripominky",
}
COMMENT_FORM = "pripominka-k-planu.yml"  # .github/ISSUE_TEMPLATE/ of the content repository


# --- URLs ---------------------------------------------------------------------------


def plans_url() -> str:
    return f"/{PLANS_SECTION}/"


def plan_url(plan_id: str, part: str | None = None, ident: str | None = None) -> str:
    """Return ``/komunitni-plan/2020-2024/``, ``…/opatreni/2-3/``, or a part's index ``…/pracovni-skupiny/``."""
    url = f"/{PLANS_SECTION}/{plan_id}/"
    if part:
        url += f"{PART_SECTIONS[part]}/"
        if ident:
            url += f"{ident}/"
    return url


def meeting_url(plan_id: str, group_id: str, meeting: Meeting) -> str:
    return plan_url(plan_id, "working-groups", group_id) + f"{meeting.date.isoformat()}/"


def news_url(ident: str | None = None) -> str:
    return f"/{NEWS_SECTION}/{ident}/" if ident else f"/{NEWS_SECTION}/"


def feed_url() -> str:
    return f"/{NEWS_SECTION}/{FEED_FILE}"


def file_url(name: str) -> str:
    """Return where a PDF of ``files/`` is published, or the web address itself."""
    if name.startswith(("http://", "https://")):
        return name
    return f"/{FILES_SECTION}/{name}"
