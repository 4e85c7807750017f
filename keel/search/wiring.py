"""What search registers at start-up: its box in the shell's sidebar (ui.slots). The
documents themselves come from the apps above, through keel.search.registry."""

from __future__ import annotations


def connect() -> None:
    from keel.ui.slots import ShellSlot, register_shell_slot

    register_shell_slot(
        ShellSlot(key="search", template="search/shell_box.html", place="sidebar_top")
    )
