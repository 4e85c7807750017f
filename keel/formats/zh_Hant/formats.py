"""zh_Hant: Django's formats, with numbers grouped by thousands (see keel/formats/__init__.py)."""

from django.conf.locale.zh_Hant.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
