from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="RuleOutcome")



@_attrs_define
class RuleOutcome:
    """ 
        Attributes:
            passed (bool):
            reason (str):
            rule (str):
            contract_id (None | Unset | UUID): The offtake contract an `offtake_contract` rule judged.
            observed (Any | Unset):
            required (Any | Unset):
     """

    passed: bool
    reason: str
    rule: str
    contract_id: None | Unset | UUID = UNSET
    observed: Any | Unset = UNSET
    required: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
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
        if observed is not UNSET:
            field_dict["observed"] = observed
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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


        observed = d.pop("observed", UNSET)

        required = d.pop("required", UNSET)

        rule_outcome = cls(
            passed=passed,
            reason=reason,
            rule=rule,
            contract_id=contract_id,
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
