"""Forms of the page screens: the editor (create and edit), "Move to…", and page access."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership, Workspace
from keel.org.models import Seat
from keel.tasks.forms.fields import assignee_choices, parse_assignee
from keel.wiki.models import Page
from keel.wiki.services.pages import BODY_MAX, REVIEW_DAYS_MAX, SUMMARY_MAX, TITLE_MAX


class PageForm(forms.Form):
    """The editor. `base_version` is the version the text was loaded from (no lost update)."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Page text"), required=False, max_length=BODY_MAX, strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "class": "wiki-editor-text",
                                     "data-wiki-editor": "", "spellcheck": "true"}),
        help_text=_("Markdown: **bold**, *italic*, # heading, [[Page title]] links a page, "
                    "@name mentions someone."),
    )  # fmt: skip
    summary = forms.CharField(
        label=_("Summary of the change"), max_length=SUMMARY_MAX, required=False,
        help_text=_("Optional: shown in the history."),
    )  # fmt: skip
    owner = forms.ChoiceField(
        label=_("Owner"), required=False,
        help_text=_("A person or a seat answers for this page; a seat's owner is whoever holds "
                    "it now."),
    )  # fmt: skip
    review_every_days = forms.IntegerField(
        label=_("Review every (days)"), required=False, min_value=1, max_value=REVIEW_DAYS_MAX,
        help_text=_("Leave empty for no review. When a review is due, the owner gets a task."),
    )  # fmt: skip
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(
        self, *args: Any, workspace: Workspace, blank_owner: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        field = self.fields["owner"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = assignee_choices(workspace, blank=blank_owner or _("You"))

    def clean_owner(self) -> tuple[Membership | None, Seat | None]:
        return parse_assignee(self.cleaned_data.get("owner") or "", self.workspace)

    @staticmethod
    def owner_value(page: Page) -> str:
        if page.owner_id:
            return f"m:{page.owner_id}"
        if page.owner_seat_id:
            return f"s:{page.owner_seat_id}"
        return ""


class MoveForm(forms.Form):
    """Move to…: the new parent (empty: top level) and the place among its children."""

    # An IntegerField shown as a select: a page outside the list (e.g. under itself) reaches
    # the service, whose message says why, instead of "not one of the available choices".
    parent = forms.IntegerField(label=_("Put it under"), required=False, widget=forms.Select)
    position = forms.IntegerField(
        label=_("Position"), required=False, min_value=1,
        help_text=_("1 is first; leave empty to put it last."),
    )  # fmt: skip

    def __init__(self, *args: Any, choices: list[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["parent"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = [("", _("Top level of the space")), *choices]


class RestrictForm(forms.Form):
    restricted = forms.BooleanField(
        label=_("Only people given access below may open this page and the pages under it"),
        required=False,
    )
