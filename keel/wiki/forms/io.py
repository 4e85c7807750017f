"""Forms of the wiki's import page: the zip to upload, then where to put its pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.wiki.selectors import TreeNode, flatten


def import_max_mb() -> int:
    return int(getattr(settings, "KEEL_WIKI_IMPORT_MAX_MB", 200))


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Zip file"),
        help_text=gettext_lazy(
            "A zip of Markdown files (Notion, Confluence, Obsidian) or of HTML pages (Google "
            "Sites, Takeout). Folders become pages with subpages; images come along."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = import_max_mb()
        if (upload.size or 0) > limit * 1024 * 1024:
            raise ValidationError(
                _(
                    "The file is %(size)s MB; the limit is %(n)s MB. Split the export into "
                    "smaller zips."
                )
                % {"size": f"{(upload.size or 0) / 1024 / 1024:.1f}", "n": limit}
            )
        return upload


class ImportConfirmForm(forms.Form):
    parent = forms.TypedChoiceField(
        label=gettext_lazy("Put the pages under"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: object, pages: list[TreeNode], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["parent"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("The top of the space"))] + [
            (node.page.pk, "\u2003" * node.depth + node.page.title) for node in flatten(pages)
        ]
