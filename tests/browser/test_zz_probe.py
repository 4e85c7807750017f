import pytest
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
def test_a(new_context):
    p = new_context().new_page()
    p.goto("/accounts/login/")
def test_b(new_context):
    from keel.core.models import Workspace
    p = new_context().new_page()
    p.goto("/accounts/login/")
    Workspace.objects.count()
def test_c(new_context, smtp_mailbox):
    from keel.core.models import Workspace
    Workspace.objects.count()
