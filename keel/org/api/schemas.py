"""API input and output shapes for departments and seats.

Types and lengths are checked here; the rules that need the database (reporting loops, one
holder per seat, target quarter not in the past) stay in the services and come back as 422
problems pointing at the same field names (`reports_to_id`, `holder_id`, `planned_for`…).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from keel.core.api_support import Id, InputSchema
from keel.org.models import EmploymentType, SeatStatus, quarter_label

# --- Departments ----------------------------------------------------------------------------


class DepartmentOut(Schema):
    id: int
    name: str
    parent_id: int | None
    colour: int = Field(..., description="1–8: the department's colour on the chart.")
    position: int = Field(..., description="Order among its siblings.")


class DepartmentIn(InputSchema):
    name: str = Field(..., min_length=1, max_length=80)
    parent_id: Id | None = None
    colour: int | None = Field(None, ge=1, le=8, description="Default: the next colour.")


class DepartmentPatchIn(InputSchema):
    """Send only what changes; `parent_id: null` moves the department to the top level."""

    name: str | None = Field(None, min_length=1, max_length=80)
    parent_id: Id | None = None
    colour: int | None = Field(None, ge=1, le=8)


# --- Seats ----------------------------------------------------------------------------------


class SeatHolderOut(Schema):
    id: int = Field(..., description="The membership id.")
    full_name: str
    email: str


class SeatOut(Schema):
    id: int
    title: str
    department_id: int | None
    reports_to_id: int | None
    purpose: str
    responsibilities: list[str]
    employment_type: EmploymentType
    fte: Decimal
    cost_per_month: Decimal | None
    cost_currency: str
    holder: SeatHolderOut | None
    placeholder_name: str
    status: SeatStatus
    planned_for: date | None = Field(..., description="First day of the target quarter.")
    planned_quarter: str = Field(..., description="“2027 Q1” for a planned seat, else empty.")

    @staticmethod
    def resolve_responsibilities(obj: Any) -> list[str]:
        return [r.text for r in obj.responsibilities.all()]

    @staticmethod
    def resolve_holder(obj: Any) -> dict[str, Any] | None:
        if obj.holder is None:
            return None
        user = obj.holder.user
        return {"id": obj.holder_id, "full_name": user.full_name, "email": user.email}

    @staticmethod
    def resolve_planned_quarter(obj: Any) -> str:
        return quarter_label(obj.planned_for) if obj.planned_for else ""


class SeatIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=120)
    department_id: Id | None = None
    reports_to_id: Id | None = None
    purpose: str = Field("", max_length=5000)
    responsibilities: list[str] = Field(default_factory=list, description="One line each.")
    employment_type: EmploymentType = EmploymentType.STAFF
    fte: Decimal = Field(Decimal("1.00"), description="0.05 to 1.")
    cost_per_month: Decimal | None = None
    cost_currency: str = Field("CNY", description="CNY, USD, EUR, HKD, TWD or GBP.")
    holder_id: Id | None = Field(None, description="Membership id; needs status `filled`.")
    placeholder_name: str = Field("", max_length=80)
    status: SeatStatus | None = Field(None, description="Default: filled with a holder, else open.")
    planned_for: date | None = Field(
        None, description="For `planned`: any day of the target quarter (this one or later)."
    )


class SeatPatchIn(InputSchema):
    """Send only what changes; null clears an optional field."""

    title: str | None = Field(None, min_length=1, max_length=120)
    department_id: Id | None = None
    reports_to_id: Id | None = None
    purpose: str | None = Field(None, max_length=5000)
    responsibilities: list[str] | None = None
    employment_type: EmploymentType | None = None
    fte: Decimal | None = None
    cost_per_month: Decimal | None = None
    cost_currency: str | None = None
    holder_id: Id | None = None
    placeholder_name: str | None = Field(None, max_length=80)
    status: SeatStatus | None = None
    planned_for: date | None = None


class SeatFillIn(InputSchema):
    member_id: Id = Field(..., description="The membership id of the new holder.")


class SeatVacateIn(InputSchema):
    placeholder_name: str = Field("", max_length=80)
