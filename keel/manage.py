"""The `keel` console script: Django's manage.py, with settings picked from KEEL_ENV."""

import os
import sys


def main() -> None:
    env = os.environ.get("KEEL_ENV", "development")
    default = "keel.settings.production" if env == "production" else "keel.settings.base"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
