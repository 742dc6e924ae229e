from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.grade_out import GradeOut
  from ..models.unit_out import UnitOut





T = TypeVar("T", bound="CommodityOut")



@_attrs_define
class CommodityOut:
    """ 
        Attributes:
            base_unit (str): Quantities are stored and answered in this unit.
            code (str):
            grades (list[GradeOut]):
            hs_code (str):
            name (str):
            units (list[UnitOut]):
     """

    base_unit: str
    code: str
    grades: list[GradeOut]
    hs_code: str
    name: str
    units: list[UnitOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.grade_out import GradeOut # noqa: PLC0415
        from ..models.unit_out import UnitOut # noqa: PLC0415
        base_unit = self.base_unit

        code = self.code

        grades = []
        for grades_item_data in self.grades:
            grades_item = grades_item_data.to_dict()
            grades.append(grades_item)



        hs_code = self.hs_code

        name = self.name

        units = []
        for units_item_data in self.units:
            units_item = units_item_data.to_dict()
            units.append(units_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "base_unit": base_unit,
            "code": code,
            "grades": grades,
            "hs_code": hs_code,
            "name": name,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_out import GradeOut # noqa: PLC0415
        from ..models.unit_out import UnitOut # noqa: PLC0415
        d = dict(src_dict)
        base_unit = d.pop("base_unit")

        code = d.pop("code")

        grades = []
        _grades = d.pop("grades")
        for grades_item_data in (_grades):
            grades_item = GradeOut.from_dict(grades_item_data)



            grades.append(grades_item)


        hs_code = d.pop("hs_code")

        name = d.pop("name")

        units = []
        _units = d.pop("units")
        for units_item_data in (_units):
            units_item = UnitOut.from_dict(units_item_data)



            units.append(units_item)


        commodity_out = cls(
            base_unit=base_unit,
            code=code,
            grades=grades,
            hs_code=hs_code,
            name=name,
            units=units,
        )


        commodity_out.additional_properties = d
        return commodity_out

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
