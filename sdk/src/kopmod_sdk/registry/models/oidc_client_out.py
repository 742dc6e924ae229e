from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="OidcClientOut")



@_attrs_define
class OidcClientOut:
    """ 
        Attributes:
            active (bool):
            client_id (str):
            confidential (bool):
            created_at (datetime.datetime):
            id (UUID):
            name (str):
            post_logout_redirect_uris (list[str]):
            redirect_uris (list[str]):
     """

    active: bool
    client_id: str
    confidential: bool
    created_at: datetime.datetime
    id: UUID
    name: str
    post_logout_redirect_uris: list[str]
    redirect_uris: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        client_id = self.client_id

        confidential = self.confidential

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        post_logout_redirect_uris = self.post_logout_redirect_uris



        redirect_uris = self.redirect_uris




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "client_id": client_id,
            "confidential": confidential,
            "created_at": created_at,
            "id": id,
            "name": name,
            "post_logout_redirect_uris": post_logout_redirect_uris,
            "redirect_uris": redirect_uris,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        client_id = d.pop("client_id")

        confidential = d.pop("confidential")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        name = d.pop("name")

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris"))


        redirect_uris = cast(list[str], d.pop("redirect_uris"))


        oidc_client_out = cls(
            active=active,
            client_id=client_id,
            confidential=confidential,
            created_at=created_at,
            id=id,
            name=name,
            post_logout_redirect_uris=post_logout_redirect_uris,
            redirect_uris=redirect_uris,
        )


        oidc_client_out.additional_properties = d
        return oidc_client_out

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
