from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.installment_preview_out import InstallmentPreviewOut





T = TypeVar("T", bound="ReschedulePreviewOut")



@_attrs_define
class ReschedulePreviewOut:
    """ 
        Attributes:
            capitalised_charges (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            capitalised_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            installments (list[InstallmentPreviewOut]):
            loan_id (UUID):
            new_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            new_total_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            on (datetime.date):
            principal_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            remaining_scheduled_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with
                2. May be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    capitalised_charges: str
    capitalised_interest: str
    installments: list[InstallmentPreviewOut]
    loan_id: UUID
    new_principal: str
    new_total_interest: str
    on: datetime.date
    principal_outstanding: str
    remaining_scheduled_interest: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.installment_preview_out import InstallmentPreviewOut # noqa: PLC0415
        capitalised_charges = self.capitalised_charges

        capitalised_interest = self.capitalised_interest

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)



        loan_id = str(self.loan_id)

        new_principal = self.new_principal

        new_total_interest = self.new_total_interest

        on = self.on.isoformat()

        principal_outstanding = self.principal_outstanding

        remaining_scheduled_interest = self.remaining_scheduled_interest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capitalised_charges": capitalised_charges,
            "capitalised_interest": capitalised_interest,
            "installments": installments,
            "loan_id": loan_id,
            "new_principal": new_principal,
            "new_total_interest": new_total_interest,
            "on": on,
            "principal_outstanding": principal_outstanding,
            "remaining_scheduled_interest": remaining_scheduled_interest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment_preview_out import InstallmentPreviewOut # noqa: PLC0415
        d = dict(src_dict)
        capitalised_charges = d.pop("capitalised_charges")

        capitalised_interest = d.pop("capitalised_interest")

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in (_installments):
            installments_item = InstallmentPreviewOut.from_dict(installments_item_data)



            installments.append(installments_item)


        loan_id = UUID(d.pop("loan_id"))




        new_principal = d.pop("new_principal")

        new_total_interest = d.pop("new_total_interest")

        on = datetime.date.fromisoformat(d.pop("on"))




        principal_outstanding = d.pop("principal_outstanding")

        remaining_scheduled_interest = d.pop("remaining_scheduled_interest")

        reschedule_preview_out = cls(
            capitalised_charges=capitalised_charges,
            capitalised_interest=capitalised_interest,
            installments=installments,
            loan_id=loan_id,
            new_principal=new_principal,
            new_total_interest=new_total_interest,
            on=on,
            principal_outstanding=principal_outstanding,
            remaining_scheduled_interest=remaining_scheduled_interest,
        )


        reschedule_preview_out.additional_properties = d
        return reschedule_preview_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
