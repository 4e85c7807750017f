"""The offboarding hook: later modules register steps that run when a member leaves.

Offboarding is a handover, not only an ending. Before the owner confirms, each step lists the
work it will hand over (`preview`: every open task, recurring series, seat, invitation… by
name), and for each item the owner may pick who receives it. Afterwards each step reports
what moved to whom (`OffboardingStepResult.moves`), and the report page reads that back from
the audit event.

A step declares what the owner picks per item (`receiver`):

- `Receiver.PERSON` – who takes the item over. The default is the leaving person's
  *successor*: whoever does the work of the seat above theirs (the org app registers that
  rule with `register_successor`; without a seat, the person offboarding). Empty means
  "nobody" (unassigned, revoked…) when the step allows it (`allow_empty`).
- `Receiver.HOLDER` – who holds a seat from now on. The default is nobody: the seat is left
  empty and its work goes up the chart until it is filled.
- `Receiver.NONE` – nothing to pick (sessions ended, tokens revoked).

Steps run inside the offboarding transaction: if one fails, nothing of it is kept.

    from keel.accounts.offboarding import register_offboarding_step
    register_offboarding_step(
        "vault.rotations", _("Logins to rotate"), rotate, preview=logins_of,
        receiver=Receiver.NONE,
    )
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keel.core.models import Membership


class Receiver(StrEnum):
    PERSON = "person"
    HOLDER = "holder"
    NONE = "none"


class MoveKind(StrEnum):
    """How an item was handed over; the report words each kind in the reader's language."""

    PERSON = "person"  # given to `to`
    UNASSIGNED = "unassigned"  # left with nobody
    REVOKED = "revoked"  # ended (an invitation, a token)
    SEAT_FILLED = "seat_filled"  # the seat is now held by `to`
    SEAT_EMPTY = "seat_empty"  # the seat is empty; `to` does its work meanwhile


@dataclass(frozen=True)
class HandoverItem:
    """One piece of work in the preview: what it is, and where to look at it."""

    key: str  # unique within its step (usually the object's id)
    label: str  # user data: "OPS-12 Reorder cartons", "Logistics coordinator"
    detail: str = ""  # e.g. "2 open tasks · 1 recurring task", already in the reader's language
    url: str = ""


@dataclass
class Move:
    """What happened to one item: stored in the audit event as plain data."""

    item: str
    kind: MoveKind
    to: str = ""  # the receiver's display name (a name, never an email)

    def as_data(self) -> dict[str, str]:
        return {"item": self.item, "kind": str(self.kind), "to": self.to}


@dataclass
class OffboardingStepResult:
    count: int = 0
    items: list[str] = field(default_factory=list)  # short descriptions, no secrets
    url: str = ""  # where the owner follows up
    moves: list[Move] = field(default_factory=list)


Handover = Mapping[str, "Membership | None"]  # item key → receiver (None: nobody / empty)
Run = Callable[["Membership", "Membership", Handover], OffboardingStepResult]
Preview = Callable[["Membership"], list[HandoverItem]]


@dataclass(frozen=True)
class OffboardingStep:
    key: str
    label: Any  # a lazy translation: the section's heading
    run: Run
    preview: Preview | None = None
    receiver: Receiver = Receiver.NONE
    allow_empty: bool = True
    empty_label: Any = None  # the "nobody" choice's wording, e.g. "Leave unassigned"


_STEPS: dict[str, OffboardingStep] = {}
_SUCCESSOR: list[Callable[[Membership], Membership | None]] = []


def register_offboarding_step(
    key: str,
    label: Any,
    run: Run,
    *,
    preview: Preview | None = None,
    receiver: Receiver = Receiver.NONE,
    allow_empty: bool = True,
    empty_label: Any = None,
) -> None:
    """Add (or replace) a step; `run(target, actor, handover)` does the work."""
    _STEPS[key] = OffboardingStep(
        key=key, label=label, run=run, preview=preview, receiver=receiver,
        allow_empty=allow_empty, empty_label=empty_label,
    )  # fmt: skip


def offboarding_steps() -> list[OffboardingStep]:
    return list(_STEPS.values())


def step_label(key: str) -> Any:
    step = _STEPS.get(key)
    return step.label if step else key


def register_successor(rule: Callable[[Membership], Membership | None]) -> None:
    """The rule that names who takes over a leaving person's work by default (one, replaced)."""
    _SUCCESSOR[:] = [rule]


def default_successor(membership: Membership, actor: Membership) -> Membership:
    """Who receives `membership`'s work unless the owner picks someone else.

    The registered rule (the seat above's holder), else the person doing the offboarding.
    """
    for rule in _SUCCESSOR:
        found = rule(membership)
        if found is not None and found.pk != membership.pk and found.is_active:
            return found
    return actor
