# mypy: disable-error-code="attr-defined,union-attr,arg-type"
"""Email templates: variables (CJK names too), the renderer (missing values, fallback
language, values never substituted again), who may write the texts, the "use" page in
Chinese with its mailto: link, and the API."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.core.tests.api_client import assert_problem
from keel.wiki import services
from keel.wiki.models import PageKind, TemplateVariant
from keel.wiki.services.templates import render_template, template_variables
from keel.wiki.views.templates import MAILTO_MAX, mailto_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(owner):
    return services.space_create(actor=owner, name="Customer service", slug="cs")


@pytest.fixture
def template(owner, space):
    page = services.page_create(
        actor=owner,
        space=space,
        title="Supplier follow-up",
        body="Use when an order is late.",
        kind=PageKind.TEMPLATE,
    )
    services.variant_set(
        actor=owner,
        page=page,
        language="en",
        subject="Order {{order_number}} is late",
        body="Dear {{supplier_name}},\n\nOrder {{order_number}} has not shipped.",
    )
    services.variant_set(
        actor=owner,
        page=page,
        language="zh-hans",
        subject="订单 {{order_number}} 延迟",
        body="{{供应商}}您好：\n订单 {{order_number}} 还没有发货。",
    )
    return page


# --- Variables and the renderer --------------------------------------------------------------


def test_variables_in_order_once_with_cjk_names_and_spaces():
    text = "Hi {{name}}, {{ order_number }} / {{供应商}} {{name}} {{ bad-name }} {not}"
    assert template_variables(text) == ["name", "order_number", "供应商"]


def test_render_fills_values(template):
    result = render_template(
        page=template, language="en", values={"order_number": "A-17", "supplier_name": "Acme"}
    )
    assert result.subject == "Order A-17 is late"
    assert result.body.startswith("Dear Acme,\n\nOrder A-17")
    assert result.missing == [] and result.language == "en"


def test_render_strict_names_the_missing_variables(template):
    with pytest.raises(ValidationError) as caught:
        render_template(page=template, language="en", values={"order_number": "1"})
    assert "supplier_name" in caught.value.messages[0]
    assert "order_number" not in caught.value.messages[0]
    assert caught.value.params == {"missing": ["supplier_name"]}


def test_render_not_strict_keeps_placeholders_and_lists_missing(template):
    result = render_template(
        page=template, language="en", values={"order_number": " "}, strict=False
    )
    assert result.missing == ["order_number", "supplier_name"]
    assert "{{supplier_name}}" in result.body


def test_values_are_literal_never_substituted_again(template):
    result = render_template(
        page=template,
        language="en",
        values={"order_number": "{{supplier_name}}", "supplier_name": "<b>{{x}}</b>"},
    )
    assert result.subject == "Order {{supplier_name}} is late"
    assert "Dear <b>{{x}}</b>," in result.body


def test_cjk_variable_and_language_aliases(template):
    result = render_template(
        page=template, language="zh-CN", values={"order_number": "A-17", "供应商": "华强电子"}
    )
    assert result.language == "zh-hans"
    assert result.body.startswith("华强电子您好")


def test_fallback_to_workspace_language_then_any(template, workspace):
    workspace.language = "zh-hans"
    workspace.save()
    template.refresh_from_db()
    values = {"order_number": "1", "supplier_name": "S", "供应商": "S"}
    assert render_template(page=template, language="zh-hant", values=values).language == "zh-hans"
    TemplateVariant.objects.filter(page=template, language="zh-hans").delete()
    template.refresh_from_db()
    assert render_template(page=template, language="zh-hant", values=values).language == "en"


def test_subject_stays_one_line(template):
    result = render_template(
        page=template, language="en", values={"order_number": "1\r\nBcc: x@y", "supplier_name": "S"}
    )
    assert "\n" not in result.subject and "\r" not in result.subject


def test_render_refuses_a_plain_page_and_a_template_without_text(owner, space):
    page = services.page_create(actor=owner, space=space, title="Plain")
    with pytest.raises(ValidationError):
        render_template(page=page, language="en", values={})
    empty = services.page_create(actor=owner, space=space, title="Empty", kind=PageKind.TEMPLATE)
    with pytest.raises(ValidationError):
        render_template(page=empty, language="en", values={})


# --- Writing the texts -----------------------------------------------------------------------


def test_variant_set_validates_and_audits(owner, template):
    with pytest.raises(ValidationError) as caught:
        services.variant_set(actor=owner, page=template, language="fr", subject="x", body="y")
    assert "language" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.variant_set(actor=owner, page=template, language="en", subject="x" * 301, body="")
    assert set(caught.value.message_dict) == {"subject", "body"}
    services.variant_set(
        actor=owner, page=template, language="zh-hant", subject="訂單", body="您好"
    )
    assert AuditEvent.objects.filter(action="wiki.template_variant_saved").count() == 3
    assert services.variant_delete(actor=owner, page=template, language="zh-hant")
    assert not TemplateVariant.objects.filter(page=template, language="zh-hant").exists()


def test_only_editors_write_texts(template, assistant, member, space, owner):
    with pytest.raises(PermissionDenied):
        services.variant_set(actor=assistant, page=template, language="en", subject="x", body="y")
    services.space_update(
        actor=owner, space=space, name=space.name, slug=space.slug, staff_level="read"
    )
    member = type(member).objects.get(pk=member.pk)
    with pytest.raises(PermissionDenied):
        services.variant_delete(actor=member, page=template, language="en")
    assert TemplateVariant.objects.filter(page=template).count() == 2


# --- Pages -----------------------------------------------------------------------------------


def test_mailto_is_fully_encoded():
    url = mailto_url("Order #1 & more?", "Line 1\nLine 2 = 100% +ok")
    assert url.startswith("mailto:?subject=")
    assert " " not in url and "+" not in url.split("?", 1)[1]
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == ["Order #1 & more?"]
    assert "%0D%0A" in url
    assert unquote(url.split("&body=")[1]) == "Line 1\r\nLine 2 = 100% +ok"


def test_use_page_in_chinese_renders_the_chinese_variant(login, member, template):
    client = login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    url = reverse("wiki_template_use", kwargs={"ws": "acme", "page_id": template.pk})
    response = client.get(url)  # no ?language: the reader's own language is chosen
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="zh-hans"' in html and "供应商" in html
    response = client.post(
        url, {"language": "zh-hans", "v_order_number": "A-17", "v_供应商": "华强电子"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "订单 A-17 延迟" in html
    assert "华强电子您好" in html
    assert 'data-copy="tpl-subject"' in html and 'data-copy="tpl-body"' in html
    mailto = response.context["mailto"]
    assert parse_qs(urlsplit(mailto).query)["subject"] == ["订单 A-17 延迟"]


def test_use_page_htmx_returns_only_the_result_and_flags_missing(login, member, template):
    client = login(member)
    url = reverse("wiki_template_use", kwargs={"ws": "acme", "page_id": template.pk})
    response = client.post(
        url, {"language": "en", "v_order_number": "A-17"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert '<section id="template-result"' in html and "<html" not in html
    assert "supplier_name" in html  # named as missing


def test_long_email_offers_copy_only(login, member, template):
    client = login(member)
    url = reverse("wiki_template_use", kwargs={"ws": "acme", "page_id": template.pk})
    response = client.post(
        url, {"language": "en", "v_order_number": "1", "v_supplier_name": "x" * MAILTO_MAX}
    )
    assert response.context["mailto"] == "" and response.context["mailto_too_long"]


def test_use_page_hidden_from_those_who_cannot_read(login, assistant, template):
    url = reverse("wiki_template_use", kwargs={"ws": "acme", "page_id": template.pk})
    assert login(assistant).get(url).status_code == 404


def test_plain_page_has_no_use_page(login, owner, space):
    page = services.page_create(actor=owner, space=space, title="Plain")
    url = reverse("wiki_template_use", kwargs={"ws": "acme", "page_id": page.pk})
    assert login(owner).get(url).status_code == 404


def test_variants_page_saves_one_language(login, member, template):
    client = login(member)
    url = reverse("wiki_template_variants", kwargs={"ws": "acme", "page_id": template.pk})
    page = client.get(url)
    assert page.status_code == 200 and "{{order_number}}" in page.content.decode()
    response = client.post(
        url,
        {
            "language": "zh-hant",
            "zh-hant-subject": "訂單 {{單號}}",
            "zh-hant-body": "您好 {{單號}}",
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert TemplateVariant.objects.get(page=template, language="zh-hant").subject == "訂單 {{單號}}"
    response = client.post(
        url, {"language": "en", "en-subject": "", "en-body": "", "action": "save"}
    )
    assert response.status_code == 400


def test_variants_page_refuses_readers(login, assistant, template):
    url = reverse("wiki_template_variants", kwargs={"ws": "acme", "page_id": template.pk})
    assert login(assistant).get(url).status_code == 404


def test_template_list_shows_languages_and_filters(login, member, template):
    client = login(member)
    url = reverse("wiki_templates", kwargs={"ws": "acme"})
    html = client.get(url).content.decode()
    assert "Supplier follow-up" in html and "简体中文" in html
    assert "Supplier follow-up" not in client.get(url + "?q=refund").content.decode()


# --- API -------------------------------------------------------------------------------------


def test_api_lists_and_renders(api_for, member, template):
    api = api_for(member)
    listed = api.get("/workspaces/acme/wiki/templates")
    assert listed.status_code == 200
    assert listed.json()[0]["languages"] == ["en", "zh-hans"]
    url = f"/workspaces/acme/wiki/templates/{template.pk}/render"
    response = api.post(url, {"language": "zh-hans", "values": {"order_number": "9"}})
    assert response.status_code == 200
    assert response.json() == {
        "subject": "订单 9 延迟",
        "body": "{{供应商}}您好：\n订单 9 还没有发货。",
        "missing": ["供应商"],
        "language": "zh-hans",
    }
    strict = api.post(url, {"language": "en", "values": {}, "strict": True})
    assert_problem(strict, 422)


def test_api_render_is_404_for_another_workspace(api_for, outsider, template):
    url = f"/workspaces/acme/wiki/templates/{template.pk}/render"
    assert_problem(api_for(outsider).post(url, {"language": "en", "values": {}}), 404)
    url = f"/workspaces/other/wiki/templates/{template.pk}/render"
    assert_problem(api_for(outsider).post(url, {"language": "en", "values": {}}), 404)


def test_template_without_variables_is_ready_at_once(login, member, owner, space):
    page = services.page_create(actor=owner, space=space, title="Thanks", kind=PageKind.TEMPLATE)
    services.variant_set(
        actor=owner, page=page, language="en", subject="Thank you", body="Thanks for your order!"
    )
    url = reverse("wiki_template_use", kwargs={"ws": "acme", "page_id": page.pk})
    response = login(member).get(url)
    assert response.context["result"].subject == "Thank you"
    assert (
        response.context["mailto"]
        == "mailto:?subject=Thank%20you&body=Thanks%20for%20your%20order%21"
    )
