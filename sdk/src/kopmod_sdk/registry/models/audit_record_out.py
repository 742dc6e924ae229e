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
  from ..models.audit_record_out_request import AuditRecordOutRequest





T = TypeVar("T", bound="AuditRecordOut")



@_attrs_define
class AuditRecordOut:
    """ One audit row as the API answers it.

        Attributes:
            action (str):
            actor (str):
            actor_client (None | str):
            actor_org_id (None | UUID):
            actor_role (str):
            at (datetime.datetime):
            detail (None | str):
            id (UUID):
            method (str):
            outcome (str):
            path (str):
            problem_type (None | str):
            request (AuditRecordOutRequest):
            request_id (None | str):
            status_code (int):
            target_id (None | UUID):
     """

    action: str
    actor: str
    actor_client: None | str
    actor_org_id: None | UUID
    actor_role: str
    at: datetime.datetime
    detail: None | str
    id: UUID
    method: str
    outcome: str
    path: str
    problem_type: None | str
    request: AuditRecordOutRequest
    request_id: None | str
    status_code: int
    target_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_record_out_request import AuditRecordOutRequest # noqa: PLC0415
        action = self.action

        actor = self.actor

        actor_client: None | str
        actor_client = self.actor_client

        actor_org_id: None | str
        if isinstance(self.actor_org_id, UUID):
            actor_org_id = str(self.actor_org_id)
        else:
            actor_org_id = self.actor_org_id

        actor_role = self.actor_role

        at = self.at.isoformat()

        detail: None | str
        detail = self.detail

        id = str(self.id)

        method = self.method

        outcome = self.outcome

        path = self.path

        problem_type: None | str
        problem_type = self.problem_type

        request = self.request.to_dict()

        request_id: None | str
        request_id = self.request_id

        status_code = self.status_code

        target_id: None | str
        if isinstance(self.target_id, UUID):
            target_id = str(self.target_id)
        else:
            target_id = self.target_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "actor_client": actor_client,
            "actor_org_id": actor_org_id,
            "actor_role": actor_role,
            "at": at,
            "detail": detail,
            "id": id,
            "method": method,
            "outcome": outcome,
            "path": path,
            "problem_type": problem_type,
            "request": request,
            "request_id": request_id,
            "status_code": status_code,
            "target_id": target_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_record_out_request import AuditRecordOutRequest # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        def _parse_actor_client(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_client = _parse_actor_client(d.pop("actor_client"))


        def _parse_actor_org_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_org_id_type_0 = UUID(data)



                return actor_org_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_org_id = _parse_actor_org_id(d.pop("actor_org_id"))


        actor_role = d.pop("actor_role")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))


        id = UUID(d.pop("id"))




        method = d.pop("method")

        outcome = d.pop("outcome")

        path = d.pop("path")

        def _parse_problem_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem_type = _parse_problem_type(d.pop("problem_type"))


        request = AuditRecordOutRequest.from_dict(d.pop("request"))




        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        status_code = d.pop("status_code")

        def _parse_target_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_id_type_0 = UUID(data)



                return target_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_id = _parse_target_id(d.pop("target_id"))


        audit_record_out = cls(
            action=action,
            actor=actor,
            actor_client=actor_client,
            actor_org_id=actor_org_id,
            actor_role=actor_role,
            at=at,
            detail=detail,
            id=id,
            method=method,
            outcome=outcome,
            path=path,
            problem_type=problem_type,
            request=request,
            request_id=request_id,
            status_code=status_code,
            target_id=target_id,
        )


        audit_record_out.additional_properties = d
        return audit_record_out

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
