from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_create_language import InvitationCreateLanguage
from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="InvitationCreate")



@_attrs_define
class InvitationCreate:
    """ 
        Attributes:
            email (str):
            name (str):
            role (Role):
            language (InvitationCreateLanguage | Unset):  Default: InvitationCreateLanguage.ID.
            org_id (None | Unset | UUID): Cooperative id (role cooperative) or offtaker id (role offtaker).
     """

    email: str
    name: str
    role: Role
    language: InvitationCreateLanguage | Unset = InvitationCreateLanguage.ID
    org_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        role = self.role.value

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value


        org_id: None | str | Unset
        if isinstance(self.org_id, Unset):
            org_id = UNSET
        elif isinstance(self.org_id, UUID):
            org_id = str(self.org_id)
        else:
            org_id = self.org_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "name": name,
            "role": role,
        })
        if language is not UNSET:
            field_dict["language"] = language
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        role = Role(d.pop("role"))




        _language = d.pop("language", UNSET)
        language: InvitationCreateLanguage | Unset
        if isinstance(_language,  Unset):
            language = UNSET
        else:
            language = InvitationCreateLanguage(_language)




        def _parse_org_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_id_type_0 = UUID(data)



                return org_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        org_id = _parse_org_id(d.pop("org_id", UNSET))


        invitation_create = cls(
            email=email,
            name=name,
            role=role,
            language=language,
            org_id=org_id,
        )

        return invitation_create

