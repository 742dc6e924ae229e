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
  from ..models.statement_counts import StatementCounts
  from ..models.statement_line_out import StatementLineOut





T = TypeVar("T", bound="StatementImportOut")



@_attrs_define
class StatementImportOut:
    """ 
        Attributes:
            checksum_sha256 (str):
            committed_at (datetime.datetime | None):
            committed_by (None | str):
            counts (StatementCounts):
            file_name (str):
            fund_id (UUID):
            id (UUID):
            lines (list[StatementLineOut]):
            status (str): `previewed` or `committed`.
            uploaded_at (datetime.datetime):
            uploaded_by (str):
     """

    checksum_sha256: str
    committed_at: datetime.datetime | None
    committed_by: None | str
    counts: StatementCounts
    file_name: str
    fund_id: UUID
    id: UUID
    lines: list[StatementLineOut]
    status: str
    uploaded_at: datetime.datetime
    uploaded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_counts import StatementCounts # noqa: PLC0415
        from ..models.statement_line_out import StatementLineOut # noqa: PLC0415
        checksum_sha256 = self.checksum_sha256

        committed_at: None | str
        if isinstance(self.committed_at, datetime.datetime):
            committed_at = self.committed_at.isoformat()
        else:
            committed_at = self.committed_at

        committed_by: None | str
        committed_by = self.committed_by

        counts = self.counts.to_dict()

        file_name = self.file_name

        fund_id = str(self.fund_id)

        id = str(self.id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        status = self.status

        uploaded_at = self.uploaded_at.isoformat()

        uploaded_by = self.uploaded_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checksum_sha256": checksum_sha256,
            "committed_at": committed_at,
            "committed_by": committed_by,
            "counts": counts,
            "file_name": file_name,
            "fund_id": fund_id,
            "id": id,
            "lines": lines,
            "status": status,
            "uploaded_at": uploaded_at,
            "uploaded_by": uploaded_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_counts import StatementCounts # noqa: PLC0415
        from ..models.statement_line_out import StatementLineOut # noqa: PLC0415
        d = dict(src_dict)
        checksum_sha256 = d.pop("checksum_sha256")

        def _parse_committed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                committed_at_type_0 = datetime.datetime.fromisoformat(data)



                return committed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        committed_at = _parse_committed_at(d.pop("committed_at"))


        def _parse_committed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        committed_by = _parse_committed_by(d.pop("committed_by"))


        counts = StatementCounts.from_dict(d.pop("counts"))




        file_name = d.pop("file_name")

        fund_id = UUID(d.pop("fund_id"))




        id = UUID(d.pop("id"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = StatementLineOut.from_dict(lines_item_data)



            lines.append(lines_item)


        status = d.pop("status")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))




        uploaded_by = d.pop("uploaded_by")

        statement_import_out = cls(
            checksum_sha256=checksum_sha256,
            committed_at=committed_at,
            committed_by=committed_by,
            counts=counts,
            file_name=file_name,
            fund_id=fund_id,
            id=id,
            lines=lines,
            status=status,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
        )


        statement_import_out.additional_properties = d
        return statement_import_out

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
