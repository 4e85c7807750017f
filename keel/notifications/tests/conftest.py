import pytest


@pytest.fixture(autouse=True)
def queued_mail(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; use Keel's queue (jobs run inline)."""
    settings.EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
