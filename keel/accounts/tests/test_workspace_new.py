"""A signed-in person starts another workspace and becomes its owner."""

import pytest
from django.urls import reverse

from keel.core.models import AuditEvent, Membership, Role, Workspace

pytestmark = pytest.mark.django_db

VALID = {
    "company_name": "茶器工坊",
    "slug": "teaware",
    "email_domain": "teaware.example",
    "language": "zh-hans",
    "timezone": "Asia/Shanghai",
}


def test_member_starts_a_second_workspace_and_owns_it(login, member):
    response = login(member).post(reverse("workspace_new"), VALID)
    assert response.status_code == 302
    assert response["Location"] == "/teaware/"
    created = Workspace.objects.get(slug="teaware")
    assert Membership.objects.get(workspace=created, user=member.user).role == Role.OWNER
    assert AuditEvent.objects.filter(action="workspace.created", workspace=created).exists()
    # The first workspace is untouched and still switchable.
    assert Membership.objects.filter(user=member.user, offboarded_at__isnull=True).count() == 2


def test_taken_or_reserved_address_is_refused_beside_the_field(login, member, workspace):
    client = login(member)
    for slug in (workspace.slug, "api"):
        response = client.post(reverse("workspace_new"), {**VALID, "slug": slug})
        assert response.status_code == 400
        assert response.context["form"].errors["slug"]
    assert not Workspace.objects.filter(name="茶器工坊").exists()


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("workspace_new"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_switcher_offers_a_new_workspace(login, member):
    html = login(member).get(reverse("workspace_home", kwargs={"ws": "acme"})).content.decode()
    assert reverse("workspace_new") in html
