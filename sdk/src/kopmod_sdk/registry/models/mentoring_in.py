from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mentoring_focus import MentoringFocus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="MentoringIn")



@_attrs_define
class MentoringIn:
    """ 
        Attributes:
            focus (list[MentoringFocus]):
            mentor (str):
            started_on (datetime.date):
            ended_on (datetime.date | None | Unset):
            mentor_organisation (None | str | Unset):
            outcome (None | str | Unset):
     """

    focus: list[MentoringFocus]
    mentor: str
    started_on: datetime.date
    ended_on: datetime.date | None | Unset = UNSET
    mentor_organisation: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        focus = []
        for focus_item_data in self.focus:
            focus_item = focus_item_data.value
            focus.append(focus_item)



        mentor = self.mentor

        started_on = self.started_on.isoformat()

        ended_on: None | str | Unset
        if isinstance(self.ended_on, Unset):
            ended_on = UNSET
        elif isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        mentor_organisation: None | str | Unset
        if isinstance(self.mentor_organisation, Unset):
            mentor_organisation = UNSET
        else:
            mentor_organisation = self.mentor_organisation

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "focus": focus,
            "mentor": mentor,
            "started_on": started_on,
        })
        if ended_on is not UNSET:
            field_dict["ended_on"] = ended_on
        if mentor_organisation is not UNSET:
            field_dict["mentor_organisation"] = mentor_organisation
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        focus = []
        _focus = d.pop("focus")
        for focus_item_data in (_focus):
            focus_item = MentoringFocus(focus_item_data)



            focus.append(focus_item)


        mentor = d.pop("mentor")

        started_on = datetime.date.fromisoformat(d.pop("started_on"))




        def _parse_ended_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)



                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ended_on = _parse_ended_on(d.pop("ended_on", UNSET))


        def _parse_mentor_organisation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mentor_organisation = _parse_mentor_organisation(d.pop("mentor_organisation", UNSET))


        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        mentoring_in = cls(
            focus=focus,
            mentor=mentor,
            started_on=started_on,
            ended_on=ended_on,
            mentor_organisation=mentor_organisation,
            outcome=outcome,
        )

        return mentoring_in

