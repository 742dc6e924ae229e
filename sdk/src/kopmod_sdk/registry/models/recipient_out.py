from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recipient_out_language import RecipientOutLanguage
from ..models.role import Role
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="RecipientOut")



@_attrs_define
class RecipientOut:
    """ A person to notify, with only what a notification needs (docs/privacy.md).

        Attributes:
            email (str):
            language (RecipientOutLanguage):
            name (str):
            org_id (None | UUID):
            person_id (UUID):
            role (Role):
     """

    email: str
    language: RecipientOutLanguage
    name: str
    org_id: None | UUID
    person_id: UUID
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        language = self.language.value

        name = self.name

        org_id: None | str
        if isinstance(self.org_id, UUID):
            org_id = str(self.org_id)
        else:
            org_id = self.org_id

        person_id = str(self.person_id)

        role = self.role.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "language": language,
            "name": name,
            "org_id": org_id,
            "person_id": person_id,
            "role": role,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        language = RecipientOutLanguage(d.pop("language"))




        name = d.pop("name")

        def _parse_org_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_id_type_0 = UUID(data)



                return org_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        org_id = _parse_org_id(d.pop("org_id"))


        person_id = UUID(d.pop("person_id"))




        role = Role(d.pop("role"))




        recipient_out = cls(
            email=email,
            language=language,
            name=name,
            org_id=org_id,
            person_id=person_id,
            role=role,
        )


        recipient_out.additional_properties = d
        return recipient_out

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
