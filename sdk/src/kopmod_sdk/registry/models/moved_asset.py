from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.moved_asset_entity import MovedAssetEntity
from ..models.moved_asset_service import MovedAssetService
from uuid import UUID






T = TypeVar("T", bound="MovedAsset")



@_attrs_define
class MovedAsset:
    """ Something another service holds for a spin-off's parent that moves to the new cooperative.

        Attributes:
            entity (MovedAssetEntity):
            id (UUID):
            service (MovedAssetService):
     """

    entity: MovedAssetEntity
    id: UUID
    service: MovedAssetService





    def to_dict(self) -> dict[str, Any]:
        entity = self.entity.value

        id = str(self.id)

        service = self.service.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "entity": entity,
            "id": id,
            "service": service,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entity = MovedAssetEntity(d.pop("entity"))




        id = UUID(d.pop("id"))




        service = MovedAssetService(d.pop("service"))




        moved_asset = cls(
            entity=entity,
            id=id,
            service=service,
        )

        return moved_asset

