import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    "keel.settings.production"
    if os.environ.get("KEEL_ENV") == "production"
    else "keel.settings.base",
)
application = get_wsgi_application()
