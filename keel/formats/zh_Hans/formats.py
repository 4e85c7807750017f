"""zh_Hans: Django's formats, with numbers grouped by thousands (see keel/formats/__init__.py)."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
