"""What home registers at start-up (called from HomeConfig.ready): its sidebar link, which is
also the front page the workspace switcher and `/` lead to (keel.ui.nav.FRONT_PAGE)."""

from django.utils.translation import gettext_lazy as _


def connect() -> None:
    from keel.ui.nav import FRONT_PAGE, NavItem, register_nav

    register_nav(NavItem(key=FRONT_PAGE, label=_("Home"), url_name="workspace_home", order=0,
                         exact=True))  # fmt: skip
