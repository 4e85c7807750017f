"""Decoding the text files people upload (CSV from Excel, exports from other tools).

Decided by trying, not by guessing: a byte-order mark (UTF-8, UTF-16), then strict UTF-8,
then GB18030 (which covers GBK — what Excel writes on a Chinese Windows). charset-normalizer
took a short, mostly Latin GBK file for Big5-HKSCS, while a strict UTF-8 decode almost never
succeeds on GB18030 bytes. Big5 is not supported: it decodes as GB18030 without an error.
"""

from __future__ import annotations

import codecs

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def decode_text(raw: bytes) -> str:
    """The text of an uploaded file, or ValidationError naming the encodings we read."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("The file is not text in UTF-8 or GB18030. Save it as “CSV UTF-8” and try again."),
            code="encoding",
        ) from exc
