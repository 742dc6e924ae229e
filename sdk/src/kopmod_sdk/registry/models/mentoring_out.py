from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mentoring_focus import MentoringFocus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MentoringOut")



@_attrs_define
class MentoringOut:
    """ 
        Attributes:
            cooperative_id (UUID):
            created_at (datetime.datetime):
            ended_on (datetime.date | None):
            focus (list[MentoringFocus]):
            id (UUID):
            mentor (str):
            mentor_organisation (None | str):
            outcome (None | str):
            recorded_by (None | str):
            started_on (datetime.date):
     """

    cooperative_id: UUID
    created_at: datetime.datetime
    ended_on: datetime.date | None
    focus: list[MentoringFocus]
    id: UUID
    mentor: str
    mentor_organisation: None | str
    outcome: None | str
    recorded_by: None | str
    started_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cooperative_id = str(self.cooperative_id)

        created_at = self.created_at.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        focus = []
        for focus_item_data in self.focus:
            focus_item = focus_item_data.value
            focus.append(focus_item)



        id = str(self.id)

        mentor = self.mentor

        mentor_organisation: None | str
        mentor_organisation = self.mentor_organisation

        outcome: None | str
        outcome = self.outcome

        recorded_by: None | str
        recorded_by = self.recorded_by

        started_on = self.started_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative_id": cooperative_id,
            "created_at": created_at,
            "ended_on": ended_on,
            "focus": focus,
            "id": id,
            "mentor": mentor,
            "mentor_organisation": mentor_organisation,
            "outcome": outcome,
            "recorded_by": recorded_by,
            "started_on": started_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cooperative_id = UUID(d.pop("cooperative_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)



                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))


        focus = []
        _focus = d.pop("focus")
        for focus_item_data in (_focus):
            focus_item = MentoringFocus(focus_item_data)



            focus.append(focus_item)


        id = UUID(d.pop("id"))




        mentor = d.pop("mentor")

        def _parse_mentor_organisation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mentor_organisation = _parse_mentor_organisation(d.pop("mentor_organisation"))


        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))


        started_on = datetime.date.fromisoformat(d.pop("started_on"))




        mentoring_out = cls(
            cooperative_id=cooperative_id,
            created_at=created_at,
            ended_on=ended_on,
            focus=focus,
            id=id,
            mentor=mentor,
            mentor_organisation=mentor_organisation,
            outcome=outcome,
            recorded_by=recorded_by,
            started_on=started_on,
        )


        mentoring_out.additional_properties = d
        return mentoring_out

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
