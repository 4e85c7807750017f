"""Demo Shop's living wiki: spaces per department, 30+ pages in a tree with links, an image
and a short video, revisions by several people, two pages due for review, and the contact
directory — in the demo's language (demo_content/demo_en.py, demo_zh_hans.py, demo_zh_hant.py).

Written through the services (revisions, links, search) like pages people type. Idempotent:
a workspace that already has a department space is left alone. The starter pages (company
history, email templates) come first, as for any new workspace.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from importlib import import_module
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.org.models import Department, Seat
from keel.org.templates_data import ECOMMERCE_DEPARTMENTS
from keel.wiki import services
from keel.wiki.models import Contact, ContactKind, Level, Page, Space, SpaceKind
from keel.wiki.starter import create_starter_content, load_tree

HERE = Path(__file__).resolve().parent / "demo_content"
_MEDIA = re.compile(r"\{\{(image|video):([\w.-]+)\}\}")
_VISIBILITY = {"workspace": SpaceKind.COMPANY, "department": SpaceKind.DEPARTMENT,
               "private": SpaceKind.PRIVATE}  # fmt: skip
_CONTACT_KINDS = {
    "supplier": ContactKind.SUPPLIER, "factory": ContactKind.MANUFACTURER,
    "manufacturer": ContactKind.MANUFACTURER, "amazon": ContactKind.MARKETPLACE,
    "tmall": ContactKind.MARKETPLACE, "shopee": ContactKind.MARKETPLACE,
    "marketplace": ContactKind.MARKETPLACE, "carrier": ContactKind.CARRIER,
    "3pl": ContactKind.SERVICE, "accountant": ContactKind.SERVICE,
    "customs": ContactKind.SERVICE, "service": ContactKind.SERVICE,
}  # fmt: skip


def _content(language: str) -> Any:
    return import_module(f"keel.wiki.demo_content.demo_{language.replace('-', '_')}")


def _departments(owner: Membership) -> dict[str, Department]:
    ws = owner.workspace
    with translation.override(ws.language):
        names = {str(name): key for key, name, _colour in ECOMMERCE_DEPARTMENTS}
    found = {}
    for dept in Department.objects.in_workspace(ws).filter(parent__isnull=True):
        if dept.name in names:
            found[names[dept.name]] = dept
    return found


def _warehouse_png() -> bytes:
    """A simple floor plan of the warehouse (drawn here: no binary in the repository)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 360), (248, 246, 240))
    draw = ImageDraw.Draw(image)
    zones = [((20, 20, 300, 160), (214, 234, 248)), ((340, 20, 620, 160), (252, 243, 207)),
             ((20, 200, 200, 340), (232, 218, 239)), ((240, 200, 420, 340), (213, 245, 227)),
             ((460, 200, 620, 340), (250, 219, 216))]  # fmt: skip
    for box, colour in zones:
        draw.rectangle(box, fill=colour, outline=(90, 90, 90), width=2)
    for x in range(40, 290, 50):
        draw.rectangle((x, 40, x + 30, 140), fill=(160, 180, 200))
    return _png(image)


def _png(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class _Media:
    """Uploads the demo's image and video once per space and swaps their placeholders."""

    def __init__(self, owner: Membership, space: Space) -> None:
        self.owner, self.space = owner, space
        self.urls: dict[str, str] = {}

    def url(self, kind: str, name: str) -> str:
        if name not in self.urls:
            from keel.wiki.services.files import attachment_upload

            data = (HERE / name).read_bytes() if kind == "video" else _warehouse_png()
            attachment = attachment_upload(actor=self.owner, space=self.space,
                                           file=ContentFile(data, name=name))  # fmt: skip
            self.urls[name] = reverse("wiki_file", kwargs={"ws": self.space.workspace.slug,
                                                           "key": attachment.key})  # fmt: skip
        return self.urls[name]

    def __call__(self, body: str) -> str:
        return _MEDIA.sub(lambda m: self.url(m.group(1), m.group(2)), body)


def seed_demo_wiki(owner: Membership, *, language: str = "en") -> None:
    ws = owner.workspace
    if Space.objects.in_workspace(ws).exclude(kind=SpaceKind.COMPANY).exists():
        return
    create_starter_content(owner)
    content = _content(language)
    people = {
        m.user.email: m
        for m in Membership.objects.active().in_workspace(ws).select_related("user", "workspace")
    }
    seats = {s.title: s for s in Seat.objects.in_workspace(ws)}
    departments = _departments(owner)

    def owner_of(ref: str) -> tuple[Membership | None, Seat | None]:
        if ref.startswith("seat:"):
            return None, seats.get(ref.removeprefix("seat:"))
        return people.get(ref), None

    overdue: list[str] = []
    for spec in content.SPACES:
        space = Space.objects.in_workspace(ws).filter(slug=spec["slug"]).first()
        if space is None:
            kind = _VISIBILITY[spec.get("visibility", "workspace")]
            dept = departments.get(spec.get("department") or "")
            if kind == SpaceKind.DEPARTMENT and dept is None:
                kind = SpaceKind.COMPANY
            space = services.space_create(
                actor=owner, name=spec["name"], slug=spec["slug"], kind=kind,
                description=spec.get("description", ""), department=dept,
            )  # fmt: skip
            team = Group.objects.in_workspace(ws).filter(alias=spec["slug"]).first()
            if team is not None:  # the team of the same name writes here (its assistant too)
                services.grant_set(actor=owner, space=space, level=Level.EDIT, group=team)
        load_tree(actor=owner, space=space, pages=spec["pages"], body_filter=_Media(owner, space),
                  author_of=people.get, owner_of=owner_of)  # fmt: skip
        overdue += _overdue_titles(spec["pages"])
    due = timezone.localdate() - timedelta(days=3)
    Page.objects.in_workspace(ws).filter(title__in=overdue).update(review_due=due)
    services.create_due_review_tasks()
    _contacts(owner, content.CONTACTS, departments)


def _overdue_titles(pages: list[dict[str, Any]]) -> list[str]:
    titles = []
    for page in pages:
        if page.get("review_overdue"):
            titles.append(page["title"])
        titles += _overdue_titles(page.get("children") or [])
    return titles


def _contacts(owner: Membership, rows: list[dict[str, Any]], departments: dict[str, Any]) -> None:
    ws = owner.workspace
    if Contact.objects.in_workspace(ws).exists():
        return
    contacts = []
    for row in rows:
        tags = [str(t) for t in row.get("tags", [])]
        kind = next((_CONTACT_KINDS[t.lower()] for t in tags if t.lower() in _CONTACT_KINDS),
                    ContactKind.SUPPLIER)  # fmt: skip
        contacts.append(Contact(
            workspace=ws, kind=row.get("kind", kind), company=row.get("company", ""),
            name=row.get("name", ""), role=row.get("role", ""), email=row.get("email", ""),
            phone=row.get("phone", ""), tags=tags, notes=row.get("notes", ""),
            department=departments.get(row.get("department") or ""), created_by=owner,
        ))  # fmt: skip
    Contact.objects.bulk_create(contacts)
    from keel.wiki.search import index_contacts_later

    index_contacts_later([c.pk for c in Contact.objects.in_workspace(ws)], ws.pk)
