from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.offtaker_kind import OfftakerKind
from ..models.verification_status import VerificationStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="OfftakerOut")



@_attrs_define
class OfftakerOut:
    """ 
        Attributes:
            contact_email (str):
            contact_name (str):
            contact_phone (None | str):
            created_at (datetime.datetime):
            id (UUID):
            kind (OfftakerKind):
            latitude (float):
            longitude (float):
            name (str):
            region_code (str):
            verification_status (VerificationStatus):
     """

    contact_email: str
    contact_name: str
    contact_phone: None | str
    created_at: datetime.datetime
    id: UUID
    kind: OfftakerKind
    latitude: float
    longitude: float
    name: str
    region_code: str
    verification_status: VerificationStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contact_email = self.contact_email

        contact_name = self.contact_name

        contact_phone: None | str
        contact_phone = self.contact_phone

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        latitude = self.latitude

        longitude = self.longitude

        name = self.name

        region_code = self.region_code

        verification_status = self.verification_status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_email": contact_email,
            "contact_name": contact_name,
            "contact_phone": contact_phone,
            "created_at": created_at,
            "id": id,
            "kind": kind,
            "latitude": latitude,
            "longitude": longitude,
            "name": name,
            "region_code": region_code,
            "verification_status": verification_status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_email = d.pop("contact_email")

        contact_name = d.pop("contact_name")

        def _parse_contact_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        kind = OfftakerKind(d.pop("kind"))




        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        name = d.pop("name")

        region_code = d.pop("region_code")

        verification_status = VerificationStatus(d.pop("verification_status"))




        offtaker_out = cls(
            contact_email=contact_email,
            contact_name=contact_name,
            contact_phone=contact_phone,
            created_at=created_at,
            id=id,
            kind=kind,
            latitude=latitude,
            longitude=longitude,
            name=name,
            region_code=region_code,
            verification_status=verification_status,
        )


        offtaker_out.additional_properties = d
        return offtaker_out

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
