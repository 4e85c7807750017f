"""Who may read what in feedback: the one place the privacy rules live.

- A report's answers marked "manager chain only" are read by their writer, the holders of the
  seats above the writer on the org chart (`org.resolution.manager_chain`) and the owners.
- Answers marked "team" are read by those people and by the form's other writers.
- Signals are read by the owners and the person's manager chain, never by the person nor
  their peers — admins included, unless they stand above the person on the chart.
Pages, the API, the meeting agenda (a flagged answer) and exports all ask here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from keel.core.models import Role
from keel.org.resolution import manager_chain_ids, people_below

if TYPE_CHECKING:
    from keel.core.models import Membership


def chain_ids(author: Membership) -> set[int]:
    """Membership ids of the people above `author` on the chart."""
    return set(manager_chain_ids(author))


def can_read_private(viewer: Membership, author: Membership) -> bool:
    """May `viewer` read `author`'s manager-only answers (and their person page)?"""
    if viewer.workspace_id != author.workspace_id or not viewer.is_active:
        return False
    if viewer.pk == author.pk or viewer.role == Role.OWNER:
        return True
    return viewer.pk in chain_ids(author)


def can_see_signals(viewer: Membership, subject: Membership) -> bool:
    """Signals about `subject`: owners and the manager chain — never the subject."""
    if viewer.pk == subject.pk or viewer.workspace_id != subject.workspace_id:
        return False
    if not viewer.is_active:
        return False
    return viewer.role == Role.OWNER or viewer.pk in chain_ids(subject)


def people_led_by(viewer: Membership) -> set[int] | None:
    """Membership ids whose private answers and signals `viewer` may read, besides their
    own: None means everyone (an owner); otherwise the people below them on the chart."""
    if viewer.role == Role.OWNER:
        return None
    return people_below(viewer)
