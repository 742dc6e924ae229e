from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.finding_code import FindingCode
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.finding_params import FindingParams





T = TypeVar("T", bound="Finding")



@_attrs_define
class Finding:
    """ 
        Attributes:
            code (FindingCode):
            params (FindingParams | Unset): The values the finding names (years, counts, decimal amounts), as text.
     """

    code: FindingCode
    params: FindingParams | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_params import FindingParams # noqa: PLC0415
        code = self.code.value

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
        })
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_params import FindingParams # noqa: PLC0415
        d = dict(src_dict)
        code = FindingCode(d.pop("code"))




        _params = d.pop("params", UNSET)
        params: FindingParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = FindingParams.from_dict(_params)




        finding = cls(
            code=code,
            params=params,
        )


        finding.additional_properties = d
        return finding

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
