from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_format import ImportFormat
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.row_error import RowError





T = TypeVar("T", bound="ImportResult")



@_attrs_define
class ImportResult:
    """ 
        Attributes:
            accepted (int):
            as_of (datetime.date):
            errors (list[RowError]): At most 1000; see `errors_truncated`.
            errors_truncated (bool):
            format_ (ImportFormat):
            import_id (None | UUID): Filter `GET /v1/cooperatives?import_batch=` by it; null when nothing was written.
            partial (bool):
            rejected (int):
            total_rows (int):
     """

    accepted: int
    as_of: datetime.date
    errors: list[RowError]
    errors_truncated: bool
    format_: ImportFormat
    import_id: None | UUID
    partial: bool
    rejected: int
    total_rows: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.row_error import RowError # noqa: PLC0415
        accepted = self.accepted

        as_of = self.as_of.isoformat()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        errors_truncated = self.errors_truncated

        format_ = self.format_.value

        import_id: None | str
        if isinstance(self.import_id, UUID):
            import_id = str(self.import_id)
        else:
            import_id = self.import_id

        partial = self.partial

        rejected = self.rejected

        total_rows = self.total_rows


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted": accepted,
            "as_of": as_of,
            "errors": errors,
            "errors_truncated": errors_truncated,
            "format": format_,
            "import_id": import_id,
            "partial": partial,
            "rejected": rejected,
            "total_rows": total_rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.row_error import RowError # noqa: PLC0415
        d = dict(src_dict)
        accepted = d.pop("accepted")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = RowError.from_dict(errors_item_data)



            errors.append(errors_item)


        errors_truncated = d.pop("errors_truncated")

        format_ = ImportFormat(d.pop("format"))




        def _parse_import_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                import_id_type_0 = UUID(data)



                return import_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        import_id = _parse_import_id(d.pop("import_id"))


        partial = d.pop("partial")

        rejected = d.pop("rejected")

        total_rows = d.pop("total_rows")

        import_result = cls(
            accepted=accepted,
            as_of=as_of,
            errors=errors,
            errors_truncated=errors_truncated,
            format_=format_,
            import_id=import_id,
            partial=partial,
            rejected=rejected,
            total_rows=total_rows,
        )


        import_result.additional_properties = d
        return import_result

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
