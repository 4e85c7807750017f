"""Nothing a person types into the wiki can run script, in a real Chromium: payloads in a
space's name, a page's title, body and change summary, a [[link]], a mention, a contact's
fields, an email template's subject, body and variables, and an uploaded file's name are
shown on every wiki page that displays them; any dialog or a `window.pwned` set by a payload
fails the test."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from keel.wiki import services
from keel.wiki.models import Contact, PageKind, TemplateVariant
from keel.wiki.services.files import attachment_upload

from .helpers import sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAYLOADS = [
    "<script>window.pwned=1;alert(1)</script>",
    '<img src=x onerror="window.pwned=1;alert(2)">',
    "<svg onload=alert(3)>",
    "\"><iframe srcdoc='<script>alert(4)</script>'>",
    "javascript:alert(5)",
    '<a href="jav&#x09;ascript:alert(6)">x</a>',
    "{{7*7}}<details open ontoggle=alert(7)>",
    "<style>body{display:none}</style>",
]
X = " ".join(PAYLOADS)


def test_no_payload_runs_anywhere_in_the_wiki(owner: Any, new_context: Any, base_url: str) -> None:
    space = services.space_create(actor=owner, name=f"Ops {PAYLOADS[1]}", slug="ops")
    target = services.page_create(actor=owner, space=space, title=f"T {PAYLOADS[0]}")
    body = "\n\n".join([*PAYLOADS, f"[[T {PAYLOADS[0]}]]", f"[x]({PAYLOADS[4]})",
                        f"![y]({PAYLOADS[4]})", f"@[{PAYLOADS[1]}]", "> [!NOTE] " + X])  # fmt: skip
    page = services.page_create(actor=owner, space=space, title=f"P {PAYLOADS[1]}", body=body,
                                summary=X[:200])  # fmt: skip
    services.page_update(actor=owner, page=page, base_version=1, body=body + "\n\nmore",
                         summary=PAYLOADS[2])  # fmt: skip
    template = services.page_create(actor=owner, space=space, title=f"Mail {PAYLOADS[3]}",
                                    kind=PageKind.TEMPLATE, body=X)  # fmt: skip
    TemplateVariant.objects.create(workspace=owner.workspace, page=template, language="en",
                                   subject=X[:300], body="Hi {{name}} " + X)  # fmt: skip
    contact = Contact.objects.create(
        workspace=owner.workspace, company=X[:200], name=PAYLOADS[1], role=PAYLOADS[2], notes=X,
        tags=[PAYLOADS[0][:40]],
    )  # fmt: skip
    attachment_upload(actor=owner, space=space, page=page,
                      file=ContentFile(b"hello", name=f"{PAYLOADS[1]}.txt"))  # fmt: skip
    ws = owner.workspace.slug
    urls = [
        reverse("wiki_home", kwargs={"ws": ws}),
        reverse("wiki_space", kwargs={"ws": ws, "space": space.slug}),
        reverse("wiki_page", kwargs={"ws": ws, "page_id": page.pk}),
        reverse("wiki_page", kwargs={"ws": ws, "page_id": target.pk}),
        reverse("wiki_page_edit", kwargs={"ws": ws, "page_id": page.pk}),
        reverse("wiki_page_history", kwargs={"ws": ws, "page_id": page.pk}),
        reverse("wiki_page_diff", kwargs={"ws": ws, "page_id": page.pk}) + "?from=1&to=2",
        reverse("wiki_page_files", kwargs={"ws": ws, "page_id": page.pk}),
        reverse("wiki_templates", kwargs={"ws": ws}),
        reverse("wiki_template_use", kwargs={"ws": ws, "page_id": template.pk}),
        reverse("wiki_contacts", kwargs={"ws": ws}),
        reverse("wiki_contact", kwargs={"ws": ws, "contact_id": contact.pk}),
        reverse("search", kwargs={"ws": ws}) + "?q=Ops",
    ]
    context = new_context()
    sign_in_context(context, base_url, owner.user)
    browser_page = context.new_page()
    dialogs: list[str] = []
    browser_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in urls:
        response = browser_page.goto(url)
        assert response is not None and response.status == 200, url
        browser_page.wait_for_load_state("networkidle")
        assert not browser_page.evaluate("() => window.pwned === 1"), url
        assert browser_page.locator("body").is_visible(), url  # no injected style hid it
    assert dialogs == []
