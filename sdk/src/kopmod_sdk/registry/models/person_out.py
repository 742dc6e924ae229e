from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.person_out_language import PersonOutLanguage
from ..models.person_out_status import PersonOutStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.membership_out import MembershipOut





T = TypeVar("T", bound="PersonOut")



@_attrs_define
class PersonOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            email (str):
            email_verified (bool):
            id (UUID):
            language (PersonOutLanguage):
            memberships (list[MembershipOut]):
            name (str):
            phone (None | str):
            second_factor (bool):
            status (PersonOutStatus):
     """

    created_at: datetime.datetime
    email: str
    email_verified: bool
    id: UUID
    language: PersonOutLanguage
    memberships: list[MembershipOut]
    name: str
    phone: None | str
    second_factor: bool
    status: PersonOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.membership_out import MembershipOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        email = self.email

        email_verified = self.email_verified

        id = str(self.id)

        language = self.language.value

        memberships = []
        for memberships_item_data in self.memberships:
            memberships_item = memberships_item_data.to_dict()
            memberships.append(memberships_item)



        name = self.name

        phone: None | str
        phone = self.phone

        second_factor = self.second_factor

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "email": email,
            "email_verified": email_verified,
            "id": id,
            "language": language,
            "memberships": memberships,
            "name": name,
            "phone": phone,
            "second_factor": second_factor,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership_out import MembershipOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email = d.pop("email")

        email_verified = d.pop("email_verified")

        id = UUID(d.pop("id"))




        language = PersonOutLanguage(d.pop("language"))




        memberships = []
        _memberships = d.pop("memberships")
        for memberships_item_data in (_memberships):
            memberships_item = MembershipOut.from_dict(memberships_item_data)



            memberships.append(memberships_item)


        name = d.pop("name")

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))


        second_factor = d.pop("second_factor")

        status = PersonOutStatus(d.pop("status"))




        person_out = cls(
            created_at=created_at,
            email=email,
            email_verified=email_verified,
            id=id,
            language=language,
            memberships=memberships,
            name=name,
            phone=phone,
            second_factor=second_factor,
            status=status,
        )


        person_out.additional_properties = d
        return person_out

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
