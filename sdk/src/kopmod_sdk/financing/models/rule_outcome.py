from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.finding import Finding





T = TypeVar("T", bound="RuleOutcome")



@_attrs_define
class RuleOutcome:
    """ 
        Attributes:
            passed (bool):
            reason (str): One English sentence; translate `findings` instead.
            rule (str):
            contract_id (None | Unset | UUID): The offtake contract an `offtake_contract` rule judged.
            findings (list[Finding] | Unset): What the rule found, as codes with their values (one per problem of an offtake
                contract); empty on checks recorded before findings were kept.
            observed (Any | Unset):
            required (Any | Unset):
     """

    passed: bool
    reason: str
    rule: str
    contract_id: None | Unset | UUID = UNSET
    findings: list[Finding] | Unset = UNSET
    observed: Any | Unset = UNSET
    required: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding import Finding # noqa: PLC0415
        passed = self.passed

        reason = self.reason

        rule = self.rule

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)



        observed = self.observed

        required = self.required


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "passed": passed,
            "reason": reason,
            "rule": rule,
        })
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if findings is not UNSET:
            field_dict["findings"] = findings
        if observed is not UNSET:
            field_dict["observed"] = observed
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding import Finding # noqa: PLC0415
        d = dict(src_dict)
        passed = d.pop("passed")

        reason = d.pop("reason")

        rule = d.pop("rule")

        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))


        _findings = d.pop("findings", UNSET)
        findings: list[Finding] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = Finding.from_dict(findings_item_data)



                findings.append(findings_item)


        observed = d.pop("observed", UNSET)

        required = d.pop("required", UNSET)

        rule_outcome = cls(
            passed=passed,
            reason=reason,
            rule=rule,
            contract_id=contract_id,
            findings=findings,
            observed=observed,
            required=required,
        )


        rule_outcome.additional_properties = d
        return rule_outcome

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
