from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.journal_line_out import JournalLineOut





T = TypeVar("T", bound="JournalEntryOut")



@_attrs_define
class JournalEntryOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            created_by (None | str):
            entry_date (datetime.date):
            fund_id (UUID):
            id (UUID):
            kind (str):
            lines (list[JournalLineOut]):
            loan_id (None | UUID):
            memo (str):
            reference (None | str):
            reverses_entry_id (None | UUID):
     """

    created_at: datetime.datetime
    created_by: None | str
    entry_date: datetime.date
    fund_id: UUID
    id: UUID
    kind: str
    lines: list[JournalLineOut]
    loan_id: None | UUID
    memo: str
    reference: None | str
    reverses_entry_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.journal_line_out import JournalLineOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        created_by: None | str
        created_by = self.created_by

        entry_date = self.entry_date.isoformat()

        fund_id = str(self.fund_id)

        id = str(self.id)

        kind = self.kind

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        memo = self.memo

        reference: None | str
        reference = self.reference

        reverses_entry_id: None | str
        if isinstance(self.reverses_entry_id, UUID):
            reverses_entry_id = str(self.reverses_entry_id)
        else:
            reverses_entry_id = self.reverses_entry_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "created_by": created_by,
            "entry_date": entry_date,
            "fund_id": fund_id,
            "id": id,
            "kind": kind,
            "lines": lines,
            "loan_id": loan_id,
            "memo": memo,
            "reference": reference,
            "reverses_entry_id": reverses_entry_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.journal_line_out import JournalLineOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))


        entry_date = datetime.date.fromisoformat(d.pop("entry_date"))




        fund_id = UUID(d.pop("fund_id"))




        id = UUID(d.pop("id"))




        kind = d.pop("kind")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = JournalLineOut.from_dict(lines_item_data)



            lines.append(lines_item)


        def _parse_loan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)



                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id"))


        memo = d.pop("memo")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        def _parse_reverses_entry_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reverses_entry_id_type_0 = UUID(data)



                return reverses_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reverses_entry_id = _parse_reverses_entry_id(d.pop("reverses_entry_id"))


        journal_entry_out = cls(
            created_at=created_at,
            created_by=created_by,
            entry_date=entry_date,
            fund_id=fund_id,
            id=id,
            kind=kind,
            lines=lines,
            loan_id=loan_id,
            memo=memo,
            reference=reference,
            reverses_entry_id=reverses_entry_id,
        )


        journal_entry_out.additional_properties = d
        return journal_entry_out

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
