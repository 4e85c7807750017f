"""The no-JS upload form of a page's Files panel (the editor uploads through the JSON view)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class FileUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("Images, videos (MP4, WebM), PDF, Office documents, CSV, text or ZIP."),
        # The size and type are checked by the service (from the content, not the name).
        allow_empty_file=True,
    )
