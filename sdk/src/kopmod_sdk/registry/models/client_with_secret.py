from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ClientWithSecret")



@_attrs_define
class ClientWithSecret:
    """ 
        Attributes:
            active (bool):
            client_id (str):
            client_secret (str): Shown once, now: store it; only its hash is kept.
            created_at (datetime.datetime):
            id (UUID):
            last_token_at (datetime.datetime | None):
            name (str):
            org_id (None | UUID):
            role (Role):
            scopes (list[str]):
     """

    active: bool
    client_id: str
    client_secret: str
    created_at: datetime.datetime
    id: UUID
    last_token_at: datetime.datetime | None
    name: str
    org_id: None | UUID
    role: Role
    scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        client_id = self.client_id

        client_secret = self.client_secret

        created_at = self.created_at.isoformat()

        id = str(self.id)

        last_token_at: None | str
        if isinstance(self.last_token_at, datetime.datetime):
            last_token_at = self.last_token_at.isoformat()
        else:
            last_token_at = self.last_token_at

        name = self.name

        org_id: None | str
        if isinstance(self.org_id, UUID):
            org_id = str(self.org_id)
        else:
            org_id = self.org_id

        role = self.role.value

        scopes = self.scopes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "client_id": client_id,
            "client_secret": client_secret,
            "created_at": created_at,
            "id": id,
            "last_token_at": last_token_at,
            "name": name,
            "org_id": org_id,
            "role": role,
            "scopes": scopes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        def _parse_last_token_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_token_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_token_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_token_at = _parse_last_token_at(d.pop("last_token_at"))


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


        role = Role(d.pop("role"))




        scopes = cast(list[str], d.pop("scopes"))


        client_with_secret = cls(
            active=active,
            client_id=client_id,
            client_secret=client_secret,
            created_at=created_at,
            id=id,
            last_token_at=last_token_at,
            name=name,
            org_id=org_id,
            role=role,
            scopes=scopes,
        )


        client_with_secret.additional_properties = d
        return client_with_secret

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
