from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.milestone_in import MilestoneIn





T = TypeVar("T", bound="Confirmation")



@_attrs_define
class Confirmation:
    """ 
        Attributes:
            milestones (list[MilestoneIn] | None | Unset): Delivery schedule replacing the default one; quantities must add
                up to the contract quantity.
     """

    milestones: list[MilestoneIn] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.milestone_in import MilestoneIn # noqa: PLC0415
        milestones: list[dict[str, Any]] | None | Unset
        if isinstance(self.milestones, Unset):
            milestones = UNSET
        elif isinstance(self.milestones, list):
            milestones = []
            for milestones_type_0_item_data in self.milestones:
                milestones_type_0_item = milestones_type_0_item_data.to_dict()
                milestones.append(milestones_type_0_item)


        else:
            milestones = self.milestones


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if milestones is not UNSET:
            field_dict["milestones"] = milestones

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_in import MilestoneIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_milestones(data: object) -> list[MilestoneIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                milestones_type_0 = []
                _milestones_type_0 = data
                for milestones_type_0_item_data in (_milestones_type_0):
                    milestones_type_0_item = MilestoneIn.from_dict(milestones_type_0_item_data)



                    milestones_type_0.append(milestones_type_0_item)

                return milestones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MilestoneIn] | None | Unset, data)

        milestones = _parse_milestones(d.pop("milestones", UNSET))


        confirmation = cls(
            milestones=milestones,
        )

        return confirmation

