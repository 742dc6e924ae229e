from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OidcClientCreate")



@_attrs_define
class OidcClientCreate:
    """ 
        Attributes:
            client_id (str):
            confidential (bool): True: a server-side application with a secret (the console). False: a public client (a
                mobile app) that proves itself with PKCE only.
            name (str):
            redirect_uris (list[str]):
            post_logout_redirect_uris (list[str] | Unset):
     """

    client_id: str
    confidential: bool
    name: str
    redirect_uris: list[str]
    post_logout_redirect_uris: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        confidential = self.confidential

        name = self.name

        redirect_uris = self.redirect_uris



        post_logout_redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = self.post_logout_redirect_uris




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "client_id": client_id,
            "confidential": confidential,
            "name": name,
            "redirect_uris": redirect_uris,
        })
        if post_logout_redirect_uris is not UNSET:
            field_dict["post_logout_redirect_uris"] = post_logout_redirect_uris

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        confidential = d.pop("confidential")

        name = d.pop("name")

        redirect_uris = cast(list[str], d.pop("redirect_uris"))


        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris", UNSET))


        oidc_client_create = cls(
            client_id=client_id,
            confidential=confidential,
            name=name,
            redirect_uris=redirect_uris,
            post_logout_redirect_uris=post_logout_redirect_uris,
        )

        return oidc_client_create

