from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.agreement_terms import AgreementTerms
  from ..models.signature_out import SignatureOut





T = TypeVar("T", bound="AgreementOut")



@_attrs_define
class AgreementOut:
    """ 
        Attributes:
            application_id (UUID):
            signatures (list[SignatureOut]):
            status (str): `offer` (approved, not signed: the terms as they stand) or `signed` (the terms as signed first; a
                later change never alters them).
            terms (AgreementTerms): Everything the parties agree to. Its canonical JSON (keys sorted, no spaces, UTF-8) is
                what the SHA-256 printed on the akad covers. The schedule is computed from the approval
                date; due dates follow the disbursement date once the money is paid out.
            terms_hash (str): SHA-256 (hex) of the canonical terms.
     """

    application_id: UUID
    signatures: list[SignatureOut]
    status: str
    terms: AgreementTerms
    terms_hash: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_terms import AgreementTerms # noqa: PLC0415
        from ..models.signature_out import SignatureOut # noqa: PLC0415
        application_id = str(self.application_id)

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)



        status = self.status

        terms = self.terms.to_dict()

        terms_hash = self.terms_hash


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application_id": application_id,
            "signatures": signatures,
            "status": status,
            "terms": terms,
            "terms_hash": terms_hash,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_terms import AgreementTerms # noqa: PLC0415
        from ..models.signature_out import SignatureOut # noqa: PLC0415
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))




        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in (_signatures):
            signatures_item = SignatureOut.from_dict(signatures_item_data)



            signatures.append(signatures_item)


        status = d.pop("status")

        terms = AgreementTerms.from_dict(d.pop("terms"))




        terms_hash = d.pop("terms_hash")

        agreement_out = cls(
            application_id=application_id,
            signatures=signatures,
            status=status,
            terms=terms,
            terms_hash=terms_hash,
        )


        agreement_out.additional_properties = d
        return agreement_out

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
