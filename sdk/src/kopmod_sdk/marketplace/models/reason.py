from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.reason_values import ReasonValues





T = TypeVar("T", bound="Reason")



@_attrs_define
class Reason:
    """ One reason in words, with its numbers apart so a page can say it in its own language:
    ``code`` names the sentence, ``values`` fills it, ``text`` is the English sentence.

        Attributes:
            code (str): `delivered_cost`, `price`, `distance`, `grade`, `capacity`, `window`, `reliability`,
                `certifications` for a chosen cooperative; `filtered`, `costlier`, `used_elsewhere` for one not chosen.
            text (str): The reason as an English sentence.
            values (ReasonValues | Unset): The numbers and names the sentence uses (decimal strings, dates, names).
     """

    code: str
    text: str
    values: ReasonValues | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reason_values import ReasonValues # noqa: PLC0415
        code = self.code

        text = self.text

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "text": text,
        })
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason_values import ReasonValues # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        text = d.pop("text")

        _values = d.pop("values", UNSET)
        values: ReasonValues | Unset
        if isinstance(_values,  Unset):
            values = UNSET
        else:
            values = ReasonValues.from_dict(_values)




        reason = cls(
            code=code,
            text=text,
            values=values,
        )


        reason.additional_properties = d
        return reason

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
