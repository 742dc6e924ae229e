from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.party import Party
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SignatureOut")



@_attrs_define
class SignatureOut:
    """ 
        Attributes:
            loan_id (None | UUID):
            party (Party):
            signed_at (datetime.datetime):
            signed_by (str):
            signed_by_role (str):
            terms_hash (str):
     """

    loan_id: None | UUID
    party: Party
    signed_at: datetime.datetime
    signed_by: str
    signed_by_role: str
    terms_hash: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        party = self.party.value

        signed_at = self.signed_at.isoformat()

        signed_by = self.signed_by

        signed_by_role = self.signed_by_role

        terms_hash = self.terms_hash


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "loan_id": loan_id,
            "party": party,
            "signed_at": signed_at,
            "signed_by": signed_by,
            "signed_by_role": signed_by_role,
            "terms_hash": terms_hash,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_loan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)



                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id"))


        party = Party(d.pop("party"))




        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))




        signed_by = d.pop("signed_by")

        signed_by_role = d.pop("signed_by_role")

        terms_hash = d.pop("terms_hash")

        signature_out = cls(
            loan_id=loan_id,
            party=party,
            signed_at=signed_at,
            signed_by=signed_by,
            signed_by_role=signed_by_role,
            terms_hash=terms_hash,
        )


        signature_out.additional_properties = d
        return signature_out

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
