"""Forms for sign-up (user + workspace) and the account settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from keel.core.models import (
    RESERVED_SLUGS,
    Membership,
    Role,
    Workspace,
    domain_validator,
    slug_validator,
)
from keel.core.services import AuditContext
from keel.ui.timezones import timezone_choices


class WorkspaceForm(forms.Form):
    """A company: used at sign-up and by signed-in users starting another workspace."""

    company_name = forms.CharField(label=_("Company name"), max_length=120)
    slug = forms.CharField(
        label=_("Workspace address"),
        max_length=40,
        validators=[slug_validator],
        help_text=_("Lowercase letters, digits and hyphens; your pages live at /address/."),
    )
    email_domain = forms.CharField(
        label=_("Company email domain"),
        max_length=253,
        validators=[domain_validator],
        help_text=_("Staff accounts use this domain, for example myshop.com."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    timezone = forms.ChoiceField(label=_("Time zone"), choices=timezone_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language

        lang = (get_language() or "en").lower()
        self.fields["language"].initial = lang if lang in dict(settings.LANGUAGES) else "en"
        self.fields["timezone"].initial = "Asia/Shanghai" if lang.startswith("zh") else "UTC"

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].lower()
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This address is reserved. Choose another."))
        if Workspace.objects.filter(slug=slug).exists():
            raise ValidationError(_("This address is taken. Choose another."))
        return slug

    def clean_email_domain(self) -> str:
        return self.cleaned_data["email_domain"].lower().strip()

    def create_for(self, user: Any, context: AuditContext | None) -> Any:
        """The new workspace, owned by `user`; returns the owner membership."""
        from keel.accounts.services import workspace_create

        return workspace_create(
            user=user,
            name=self.cleaned_data["company_name"],
            slug=self.cleaned_data["slug"],
            email_domain=self.cleaned_data["email_domain"],
            language=self.cleaned_data["language"],
            timezone_name=self.cleaned_data["timezone"],
            context=context,
        )


class WorkspaceSignupForm(WorkspaceForm):
    """Extra fields on allauth's sign-up form: the person and the company they will own."""

    # allauth's BaseSignupForm subclasses this form and honours `field_order`.
    field_order = [
        "full_name", "email", "password1", "password2",
        "company_name", "slug", "email_domain", "language", "timezone",
    ]  # fmt: skip

    full_name = forms.CharField(label=_("Your name"), max_length=120)

    def signup(self, request: Any, user: Any) -> None:
        """Called by allauth once the user is saved, inside the sign-up transaction."""
        user.full_name = self.cleaned_data["full_name"]
        # The person's own language is the one they read this page in (the browser's); the
        # field is the workspace's, used when the browser's is not one Keel speaks.
        browser = getattr(request, "LANGUAGE_CODE", "")
        languages = dict(settings.LANGUAGES)
        user.language = browser if browser in languages else self.cleaned_data["language"]
        user.save(update_fields=["full_name", "language"])
        if _verification_mandatory():
            # Held, not created: taking the address now would tell anyone retrying it that
            # this email had no account (for a known email allauth creates nothing and mails
            # the owner instead). The workspace is created when the address is confirmed.
            held = {f: self.cleaned_data[f] for f in _HELD_FIELDS}  # never the password
            key = _held_key(user.pk)
            transaction.on_commit(lambda: cache.set(key, held, timeout=_HELD_FOR))
            return
        self.create_for(user, AuditContext.from_request(request))
        # The session's language is set by KeelAccountAdapter.login, which allauth calls next.


# Sign-up under mandatory verification (issue 12, enumeration): the workspace a sign-up asked
# for waits in the cache, as long as the confirmation link lives, until the address is
# confirmed (KeelAccountAdapter.confirm_email). If the cache lost it, the confirmed user lands
# on the home page, which offers to start a workspace.
_HELD_FOR = 60 * 60 * 24 * 7
_HELD_FIELDS = ("company_name", "slug", "email_domain", "language", "timezone")


def _verification_mandatory() -> bool:
    from allauth.account import app_settings as account_settings

    mandatory = account_settings.EmailVerificationMethod.MANDATORY
    return bool(mandatory == account_settings.EMAIL_VERIFICATION)


def _held_key(user_pk: Any) -> str:
    return f"keel:signup-held-workspace:{user_pk}"


def create_held_workspace(*, request: Any, user: Any) -> Membership | None:
    """The workspace `user` asked for at sign-up, created now that their address is confirmed.

    Its address may have been taken since; then the first free `<address>-<n>` is used.
    """
    key = _held_key(user.pk)
    held = cache.get(key)
    if not held or Membership.objects.filter(user_id=user.pk, role=Role.OWNER).exists():
        cache.delete(key)
        return None
    data = {f: held.get(f) for f in _HELD_FIELDS}
    base = str(data["slug"])
    slug, n = base, 1
    while Workspace.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: 40 - len(str(n)) - 1]}-{n}"
    form = WorkspaceForm({**data, "slug": slug})
    cache.delete(key)
    if not form.is_valid():  # e.g. a language Keel no longer offers: start one from home
        return None
    return form.create_for(user, AuditContext.from_request(request))


# --- Account settings ----------------------------------------------------------------------


def _language_choices() -> list[tuple[str, Any]]:
    return [("", _("Same as my browser")), *settings.LANGUAGES]


def _timezone_choices_or_workspace() -> list[tuple[str, Any]]:
    return [("", _("Same as the workspace")), *timezone_choices()]


THEME_CHOICES = [("", _("Same as my system")), ("light", _("Light")), ("dark", _("Dark"))]


class ProfileForm(forms.Form):
    """The signed-in user's own name, language, time zone and theme."""

    full_name = forms.CharField(label=_("Full name"), max_length=120, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=_language_choices,
        help_text=_("Keel's pages and emails use this language."),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        choices=_timezone_choices_or_workspace,
        help_text=_("Dates and times are shown in this zone."),
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=THEME_CHOICES)

    def clean_full_name(self) -> str:
        return str(self.cleaned_data["full_name"]).strip()


class MembershipChoiceField(forms.ModelChoiceField):
    """Offers memberships by their workspace's name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.workspace.name)


class TokenCreateForm(forms.Form):
    """Name a new API token and choose the workspace (one of the user's active memberships)."""

    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("Say where it is used, for example “Shop sync script”."),
    )
    membership = MembershipChoiceField(
        label=_("Workspace"),
        queryset=Membership.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, forms.ModelChoiceField)  # narrows the type for mypy
        field.queryset = (
            Membership.objects.active()
            .filter(user=user)
            .select_related("workspace")
            .order_by("workspace__name")
        )

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if not name:
            raise ValidationError(_("Give the token a name."))
        return name
