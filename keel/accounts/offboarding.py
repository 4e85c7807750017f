"""The offboarding hook: later modules register steps that run when a member leaves.

A step receives the offboarded membership and the acting membership and returns an
`OffboardingStepResult` (what it did, to show the owner). Steps run inside the
offboarding transaction: if one fails, nothing of the offboarding is kept.

    from keel.accounts.offboarding import register_offboarding_step
    register_offboarding_step("vault.rotations", _("Logins queued for rotation"), queue_rotations)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keel.core.models import Membership


@dataclass
class OffboardingStepResult:
    count: int = 0
    items: list[str] = field(default_factory=list)  # short descriptions, no secrets
    url: str = ""  # where the owner follows up (e.g. the reassign page)


@dataclass(frozen=True)
class OffboardingStep:
    key: str
    label: Any  # a lazy translation
    run: Callable[[Membership, Membership], OffboardingStepResult]


_STEPS: dict[str, OffboardingStep] = {}


def register_offboarding_step(
    key: str, label: Any, run: Callable[[Membership, Membership], OffboardingStepResult]
) -> None:
    _STEPS[key] = OffboardingStep(key=key, label=label, run=run)


def offboarding_steps() -> list[OffboardingStep]:
    return list(_STEPS.values())


def step_label(key: str) -> Any:
    step = _STEPS.get(key)
    return step.label if step else key
