from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.figure_name import FigureName
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.figure_inputs import FigureInputs





T = TypeVar("T", bound="Figure")



@_attrs_define
class Figure:
    """ 
        Attributes:
            explanation (str):
            formula (str):
            inputs (FigureInputs):
            name (FigureName): The credit assessment's figures (``assessment.py``, ``offtake.py``): a published list, so
                a client can say each in its own language.
            value (None | str):
            threshold (None | str | Unset):
            within_threshold (bool | None | Unset):
     """

    explanation: str
    formula: str
    inputs: FigureInputs
    name: FigureName
    value: None | str
    threshold: None | str | Unset = UNSET
    within_threshold: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.figure_inputs import FigureInputs # noqa: PLC0415
        explanation = self.explanation

        formula = self.formula

        inputs = self.inputs.to_dict()

        name = self.name.value

        value: None | str
        value = self.value

        threshold: None | str | Unset
        if isinstance(self.threshold, Unset):
            threshold = UNSET
        else:
            threshold = self.threshold

        within_threshold: bool | None | Unset
        if isinstance(self.within_threshold, Unset):
            within_threshold = UNSET
        else:
            within_threshold = self.within_threshold


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "explanation": explanation,
            "formula": formula,
            "inputs": inputs,
            "name": name,
            "value": value,
        })
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if within_threshold is not UNSET:
            field_dict["within_threshold"] = within_threshold

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_inputs import FigureInputs # noqa: PLC0415
        d = dict(src_dict)
        explanation = d.pop("explanation")

        formula = d.pop("formula")

        inputs = FigureInputs.from_dict(d.pop("inputs"))




        name = FigureName(d.pop("name"))




        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))


        def _parse_threshold(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        threshold = _parse_threshold(d.pop("threshold", UNSET))


        def _parse_within_threshold(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        within_threshold = _parse_within_threshold(d.pop("within_threshold", UNSET))


        figure = cls(
            explanation=explanation,
            formula=formula,
            inputs=inputs,
            name=name,
            value=value,
            threshold=threshold,
            within_threshold=within_threshold,
        )


        figure.additional_properties = d
        return figure

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
