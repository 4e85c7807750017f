"""The accounts API: tokens and sessions, workspace isolation, roles, problems, pagination."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.test import Client

from keel.accounts.models import ApiToken, Group, GroupMembership, Invitation
from keel.accounts.tokens import token_create, token_revoke
from keel.core.models import Membership, Role
from keel.core.tests.api_client import ApiClient, assert_problem, error_locs
from keel.core.tests.factories import MembershipFactory

# --- Authentication ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/me", "/workspaces", "/workspaces/acme", "/workspaces/acme/members"]
)
def test_no_credentials_is_401_problem(client, owner, path):
    body = assert_problem(ApiClient(client).get(path), 401)
    assert body["type"] == "urn:keel:problem:not-authenticated"


def test_post_without_credentials_is_401_not_csrf_403(client, owner):
    response = ApiClient(Client(enforce_csrf_checks=True)).post(
        "/workspaces/acme/invitations", {"email": "new@acme.example", "role": "member"}
    )
    assert_problem(response, 401)
    assert not Invitation.objects.exists()


def test_unknown_token_is_401(client, owner):
    response = ApiClient(client, "keel_not-a-real-token").get("/me")
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_is_401(client, owner):
    token, raw = token_create(membership=owner, name="ci")
    token_revoke(membership=owner, token=token)
    assert_problem(ApiClient(client, raw).get("/me"), 401)


def test_offboarded_members_token_is_401(client, owner, member):
    # Issued while active; membership_offboard revokes it, and token_authenticate also
    # refuses any token of an offboarded membership.
    _token, raw = token_create(membership=member, name="laptop")
    member.offboarded_at = owner.created_at
    member.save(update_fields=["offboarded_at"])
    assert_problem(ApiClient(client, raw).get("/me"), 401)


def test_bad_token_does_not_fall_back_to_session(client, login, owner):
    login(owner)
    assert_problem(ApiClient(client, "keel_revoked-or-wrong").get("/me"), 401)


def test_session_auth_works_for_reads(client, login, owner):
    login(owner)
    response = ApiClient(client).get("/workspaces/acme")
    assert response.status_code == 200
    assert response.json()["role"] == "owner"


def test_session_write_needs_csrf_token(owner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner.user)
    body = {"email": "new@acme.example", "role": "member"}
    response = ApiClient(browser).post("/workspaces/acme/invitations", body)
    assert_problem(response, 403)
    assert not Invitation.objects.exists()

    browser.get("/api/v1/docs")  # any page that sets the CSRF cookie
    csrf = browser.cookies["csrftoken"].value
    response = browser.post(
        "/api/v1/workspaces/acme/invitations",
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 201, response.content


def test_session_of_non_member_is_404(client, login, outsider, owner):
    login(outsider)
    body = assert_problem(ApiClient(client).get("/workspaces/acme"), 404)
    assert "acme" not in json.dumps(body).lower()


# --- /me and workspaces --------------------------------------------------------------------


def test_me_with_token_shows_its_workspace_and_role(api_for, manager):
    body = api_for(manager).get("/me").json()
    assert body["email"] == "maya@acme.example"
    assert body["full_name"] == "Maya"
    assert set(body) == {"id", "email", "full_name", "language", "timezone", "token"}
    assert body["token"]["workspace"]["slug"] == "acme"
    assert body["token"]["role"] == "manager"
    assert body["token"]["hint"].startswith("keel_")


def test_me_with_session_has_no_token(client, login, owner):
    login(owner)
    body = ApiClient(client).get("/me").json()
    assert body["id"] == owner.user_id
    assert body["token"] is None


def test_workspaces_lists_only_the_tokens_workspace(api_for, owner, other_workspace, client):
    MembershipFactory(workspace=other_workspace, user=owner.user, role=Role.MEMBER)
    body = api_for(owner).get("/workspaces").json()
    assert [w["slug"] for w in body["items"]] == ["acme"]
    assert body["items"][0]["role"] == "owner"
    assert body["next_cursor"] is None

    client.force_login(owner.user)
    body = ApiClient(client).get("/workspaces").json()
    assert [w["slug"] for w in body["items"]] == ["acme", "other"]


def test_workspaces_omits_offboarded_memberships(client, owner, other_workspace):
    MembershipFactory(workspace=other_workspace, user=owner.user, offboarded_at=owner.created_at)
    client.force_login(owner.user)
    assert [w["slug"] for w in ApiClient(client).get("/workspaces").json()["items"]] == ["acme"]


def test_workspace_detail(api_for, assistant):
    body = api_for(assistant).get("/workspaces/acme").json()
    assert body["slug"] == "acme"
    assert body["name"] == "Acme Shop"
    assert body["role"] == "assistant"


def test_token_of_another_workspace_is_404_like_an_unknown_one(api_for, owner, outsider):
    api = api_for(outsider)
    wrong = assert_problem(api.get("/workspaces/acme"), 404)
    unknown = assert_problem(api.get("/workspaces/nope"), 404)
    assert wrong == unknown
    assert_problem(api.get("/workspaces/acme/members"), 404)
    assert_problem(api.patch(f"/workspaces/acme/members/{owner.pk}", {"role": "member"}), 404)
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


# --- Members --------------------------------------------------------------------------------


def test_member_list(api_for, owner, admin, member, assistant):
    body = api_for(member).get("/workspaces/acme/members").json()
    emails = [m["email"] for m in body["items"]]
    assert emails == sorted(emails)
    assert set(emails) == {
        "olivia@acme.example", "adam@acme.example", "mike@acme.example", "ana@freelance.example"
    }  # fmt: skip
    ana = next(m for m in body["items"] if m["email"].startswith("ana"))
    assert ana["is_external"] is True
    assert ana["role"] == "assistant"
    assert ana["id"] == assistant.pk


def test_member_list_hides_offboarded_unless_asked(api_for, owner, member):
    member.offboarded_at = owner.created_at
    member.save(update_fields=["offboarded_at"])
    api = api_for(owner)
    assert [m["id"] for m in api.get("/workspaces/acme/members").json()["items"]] == [owner.pk]
    body = api.get("/workspaces/acme/members?include_offboarded=true").json()
    assert {m["id"] for m in body["items"]} == {owner.pk, member.pk}


def test_assistant_cannot_list_members(api_for, assistant):
    assert_problem(api_for(assistant).get("/workspaces/acme/members"), 403)


def test_member_list_pages_walk_everything_once_with_bounded_queries(
    api_for, owner, workspace, django_assert_max_num_queries
):
    MembershipFactory.create_batch(119, workspace=workspace)
    api = api_for(owner)
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        url = "/workspaces/acme/members?limit=50" + (f"&cursor={cursor}" if cursor else "")
        # token lookup + last_used (first time) + page; never one per member
        with django_assert_max_num_queries(4):
            body = api.get(url).json()
        seen += [m["id"] for m in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert len(seen) == 120 == len(set(seen))
    assert set(seen) == set(
        Membership.objects.filter(workspace=workspace).values_list("pk", flat=True)
    )


def test_member_list_default_page_size_follows_setting(api_for, owner, workspace, settings):
    settings.KEEL_API_PAGE_SIZE = 3
    MembershipFactory.create_batch(4, workspace=workspace)
    body = api_for(owner).get("/workspaces/acme/members").json()
    assert len(body["items"]) == 3
    assert body["next_cursor"]


@pytest.mark.parametrize("query", ["cursor=%%%", "cursor=bm9wZQ", "cursor=WzEsIngiXQ"])
def test_invalid_cursor_is_422(api_for, owner, query):
    body = assert_problem(api_for(owner).get(f"/workspaces/acme/members?{query}"), 422)
    assert error_locs(body) == [["query", "cursor"]]


@pytest.mark.parametrize("limit", [0, 201, "x"])
def test_limit_out_of_range_is_422(api_for, owner, limit):
    body = assert_problem(api_for(owner).get(f"/workspaces/acme/members?limit={limit}"), 422)
    assert ["query", "limit"] in error_locs(body)


def test_admin_changes_role(api_for, admin, member):
    response = api_for(admin).patch(f"/workspaces/acme/members/{member.pk}", {"role": "manager"})
    assert response.status_code == 200, response.content
    assert response.json()["role"] == "manager"
    member.refresh_from_db()
    assert member.role == Role.MANAGER


@pytest.mark.parametrize("role_fixture", ["member", "manager", "assistant"])
def test_below_admin_cannot_change_roles(request, api_for, admin, role_fixture):
    actor = request.getfixturevalue(role_fixture)
    target = request.getfixturevalue("member") if role_fixture != "member" else admin
    before = target.role
    response = api_for(actor).patch(f"/workspaces/acme/members/{target.pk}", {"role": "owner"})
    body = assert_problem(response, 403)
    assert body["type"] == "urn:keel:problem:permission-denied"
    target.refresh_from_db()
    assert target.role == before


def test_unknown_role_is_422_with_field_error(api_for, admin, member):
    response = api_for(admin).patch(f"/workspaces/acme/members/{member.pk}", {"role": "king"})
    body = assert_problem(response, 422)
    assert any(loc[-1] == "role" for loc in error_locs(body))
    member.refresh_from_db()
    assert member.role == Role.MEMBER


def test_service_validation_error_is_422_with_field(api_for, admin, member):
    # An admin may not make someone owner: the service says so on the `role` field.
    response = api_for(admin).patch(f"/workspaces/acme/members/{member.pk}", {"role": "owner"})
    body = assert_problem(response, 422)
    assert ["body", "role"] in error_locs(body)
    assert body["errors"][0]["msg"]


def test_member_id_of_another_workspace_is_404(api_for, owner, outsider):
    response = api_for(owner).patch(f"/workspaces/acme/members/{outsider.pk}", {"role": "member"})
    assert_problem(response, 404)
    assert_problem(api_for(owner).post(f"/workspaces/acme/members/{outsider.pk}/offboard"), 404)
    outsider.refresh_from_db()
    assert outsider.role == Role.OWNER and outsider.offboarded_at is None


def test_non_integer_member_id_is_422(api_for, owner):
    assert_problem(api_for(owner).patch("/workspaces/acme/members/abc", {"role": "member"}), 422)


def test_offboard_returns_steps_and_ends_token(api_for, client, admin, member):
    _token, member_raw = token_create(membership=member, name="laptop")
    group = Group.objects.create(workspace=admin.workspace, name="Sales", alias="sales")
    GroupMembership.objects.create(workspace=admin.workspace, group=group, membership=member)

    response = api_for(admin).post(f"/workspaces/acme/members/{member.pk}/offboard")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["member"]["id"] == member.pk
    assert body["member"]["offboarded_at"]
    steps = {s["key"]: s for s in body["steps"]}
    assert steps["accounts.tokens"]["count"] == 1
    assert steps["accounts.groups"]["items"] == ["Sales"]
    assert steps["accounts.groups"]["label"]
    assert_problem(ApiClient(client, member_raw).get("/me"), 401)


def test_member_cannot_offboard(api_for, member, assistant):
    assert_problem(api_for(member).post(f"/workspaces/acme/members/{assistant.pk}/offboard"), 403)
    assistant.refresh_from_db()
    assert assistant.offboarded_at is None


def test_offboarding_yourself_is_422(api_for, owner, admin):
    body = assert_problem(api_for(owner).post(f"/workspaces/acme/members/{owner.pk}/offboard"), 422)
    assert body["errors"] and body["errors"][0]["loc"] == ["body"]


# --- Invitations ----------------------------------------------------------------------------


def test_invite_returns_invitation_without_secret(api_for, manager, mailoutbox):
    response = api_for(manager).post(
        "/workspaces/acme/invitations", {"email": "New.Hire@acme.example", "role": "member"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "email", "role", "expires_at", "created_at"}
    assert body["email"] == "new.hire@acme.example"
    assert body["role"] == "member"
    invitation = Invitation.objects.get(pk=body["id"])
    assert invitation.workspace.slug == "acme"
    text = response.content.decode()
    assert "token" not in text and "secret" not in text and invitation.token_hash not in text
    assert len(mail.outbox) == 1
    # The emailed link's secret is not in the response either.
    link_secret = mail.outbox[0].body.split("/invitations/")[1].split("/")[0]
    assert link_secret not in text


def test_invite_bad_email_is_422(api_for, manager):
    response = api_for(manager).post(
        "/workspaces/acme/invitations", {"email": "not-an-email", "role": "member"}
    )
    body = assert_problem(response, 422)
    assert error_locs(body) == [["body", "email"]]
    assert body["errors"][0]["msg"] == "Enter a valid email address."
    assert not Invitation.objects.exists()


def test_invite_unknown_role_is_422(api_for, manager):
    response = api_for(manager).post(
        "/workspaces/acme/invitations", {"email": "x@acme.example", "role": "wizard"}
    )
    body = assert_problem(response, 422)
    assert any(loc[-1] == "role" for loc in error_locs(body))


def test_invite_outside_domain_as_staff_is_422_from_service(api_for, manager):
    response = api_for(manager).post(
        "/workspaces/acme/invitations", {"email": "x@gmail.example", "role": "member"}
    )
    body = assert_problem(response, 422)
    assert ["body", "email"] in error_locs(body)


def test_member_cannot_invite(api_for, member):
    response = api_for(member).post(
        "/workspaces/acme/invitations", {"email": "x@acme.example", "role": "member"}
    )
    assert_problem(response, 403)
    assert not Invitation.objects.exists()


def test_malformed_json_is_400_problem(api_for, manager, client):
    api = api_for(manager)
    response = client.post(
        "/api/v1/workspaces/acme/invitations",
        data="{not json",
        content_type="application/json",
        headers=api.headers,
    )
    body = assert_problem(response, 400)
    assert body["type"] == "urn:keel:problem:bad-request"


# --- Groups ---------------------------------------------------------------------------------


@pytest.fixture
def sales(workspace):
    return Group.objects.create(workspace=workspace, name="Sales", alias="sales")


def test_group_crud(api_for, manager, member, workspace):
    api = api_for(manager)
    response = api.post("/workspaces/acme/groups", {"name": "Support", "alias": "support"})
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["address"] == "support@acme.example"
    assert created["members"] == [] and created["member_count"] == 0
    gid = created["id"]

    response = api.patch(f"/workspaces/acme/groups/{gid}", {"description": "Customer care"})
    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Customer care"
    assert response.json()["name"] == "Support"

    response = api.put(f"/workspaces/acme/groups/{gid}/members", {"member_ids": [member.pk]})
    assert response.status_code == 200, response.content
    assert [m["id"] for m in response.json()["members"]] == [member.pk]
    assert response.json()["member_count"] == 1

    detail = api.get(f"/workspaces/acme/groups/{gid}").json()
    assert detail["members"][0]["email"] == "mike@acme.example"

    listing = api.get("/workspaces/acme/groups").json()
    assert [(g["id"], g["member_count"]) for g in listing["items"]] == [(gid, 1)]

    response = api.delete(f"/workspaces/acme/groups/{gid}")
    assert response.status_code == 204
    assert not Group.objects.filter(pk=gid).exists()
    assert_problem(api.get(f"/workspaces/acme/groups/{gid}"), 404)


def test_group_duplicate_alias_is_422(api_for, manager, sales):
    response = api_for(manager).post("/workspaces/acme/groups", {"name": "Other", "alias": "sales"})
    body = assert_problem(response, 422)
    assert ["body", "alias"] in error_locs(body)


def test_group_missing_name_is_422(api_for, manager):
    response = api_for(manager).post("/workspaces/acme/groups", {"alias": "x"})
    body = assert_problem(response, 422)
    assert any(loc[-1] == "name" for loc in error_locs(body))


def test_member_cannot_manage_groups(api_for, member, sales):
    api = api_for(member)
    assert api.get("/workspaces/acme/groups").status_code == 200
    assert_problem(api.post("/workspaces/acme/groups", {"name": "X", "alias": "x"}), 403)
    assert_problem(api.patch(f"/workspaces/acme/groups/{sales.pk}", {"name": "Y"}), 403)
    assert_problem(api.delete(f"/workspaces/acme/groups/{sales.pk}"), 403)
    assert_problem(api.put(f"/workspaces/acme/groups/{sales.pk}/members", {"member_ids": []}), 403)
    assert_problem(
        api.post(f"/workspaces/acme/groups/{sales.pk}/send", {"subject": "s", "body": "b"}), 403
    )
    sales.refresh_from_db()
    assert sales.name == "Sales"
    assert Group.objects.count() == 1


def test_group_of_another_workspace_is_404(api_for, outsider, owner, other_workspace):
    theirs = Group.objects.create(workspace=other_workspace, name="Ops", alias="ops")
    api = api_for(owner)
    assert_problem(api.get(f"/workspaces/acme/groups/{theirs.pk}"), 404)
    assert_problem(api.patch(f"/workspaces/acme/groups/{theirs.pk}", {"name": "Mine"}), 404)
    assert_problem(api.delete(f"/workspaces/acme/groups/{theirs.pk}"), 404)
    theirs.refresh_from_db()
    assert theirs.name == "Ops"


def test_group_members_from_another_workspace_is_422(api_for, manager, outsider, sales):
    response = api_for(manager).put(
        f"/workspaces/acme/groups/{sales.pk}/members", {"member_ids": [outsider.pk]}
    )
    body = assert_problem(response, 422)
    assert ["body", "member_ids"] in error_locs(body)
    assert not GroupMembership.objects.exists()


def test_group_send(api_for, manager, member, admin, sales, mailoutbox):
    api = api_for(manager)
    api.put(f"/workspaces/acme/groups/{sales.pk}/members", {"member_ids": [member.pk, admin.pk]})
    response = api.post(
        f"/workspaces/acme/groups/{sales.pk}/send", {"subject": "Hello", "body": "Team"}
    )
    assert response.status_code == 200, response.content
    assert response.json() == {"queued": 2}
    assert sorted(m.to[0] for m in mail.outbox) == ["adam@acme.example", "mike@acme.example"]


def test_group_send_empty_subject_is_422(api_for, manager, sales):
    response = api_for(manager).post(
        f"/workspaces/acme/groups/{sales.pk}/send", {"subject": "", "body": "x"}
    )
    assert_problem(response, 422)


def test_group_list_paginates(api_for, manager, workspace, django_assert_max_num_queries):
    for i in range(7):
        Group.objects.create(workspace=workspace, name=f"G{i}", alias=f"g{i}")
    api = api_for(manager)
    names: list[str] = []
    url = "/workspaces/acme/groups?limit=3"
    while url:
        with django_assert_max_num_queries(4):
            body = api.get(url).json()
        names += [g["name"] for g in body["items"]]
        url = (
            f"/workspaces/acme/groups?limit=3&cursor={body['next_cursor']}"
            if body["next_cursor"]
            else ""
        )
    assert names == [f"G{i}" for i in range(7)]


def test_tokens_are_not_listed_anywhere(api_for, owner):
    api = api_for(owner)
    raw = api.headers["Authorization"].split()[1]
    for path in ("/me", "/workspaces", "/workspaces/acme", "/workspaces/acme/members"):
        assert raw not in api.get(path).content.decode()
    assert ApiToken.objects.count() == 1
