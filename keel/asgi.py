import os

from django.core.asgi import get_asgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    "keel.settings.production"
    if os.environ.get("KEEL_ENV") == "production"
    else "keel.settings.base",
)
application = get_asgi_application()
