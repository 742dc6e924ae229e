from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cooperative_out import CooperativeOut
  from ..models.cooperative_public import CooperativePublic





T = TypeVar("T", bound="CooperativeOutOrCooperativePublicPage")



@_attrs_define
class CooperativeOutOrCooperativePublicPage:
    """ 
        Attributes:
            items (list[CooperativeOut | CooperativePublic]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last page.
     """

    items: list[CooperativeOut | CooperativePublic]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_out import CooperativeOut # noqa: PLC0415
        from ..models.cooperative_public import CooperativePublic # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, CooperativeOut):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)



        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
        })
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_out import CooperativeOut # noqa: PLC0415
        from ..models.cooperative_public import CooperativePublic # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            def _parse_items_item(data: object) -> CooperativeOut | CooperativePublic:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    items_item_type_0 = CooperativeOut.from_dict(data)



                    return items_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                items_item_type_1 = CooperativePublic.from_dict(data)



                return items_item_type_1

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        cooperative_out_or_cooperative_public_page = cls(
            items=items,
            next_cursor=next_cursor,
        )


        cooperative_out_or_cooperative_public_page.additional_properties = d
        return cooperative_out_or_cooperative_public_page

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
