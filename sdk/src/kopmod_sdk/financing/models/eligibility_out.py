from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contract_summary import ContractSummary
  from ..models.rule_outcome import RuleOutcome





T = TypeVar("T", bound="EligibilityOut")



@_attrs_define
class EligibilityOut:
    """ 
        Attributes:
            checked_at (datetime.datetime):
            id (UUID):
            passed (bool):
            rules (list[RuleOutcome]):
            offtake_contracts (list[ContractSummary] | Unset): The referenced offtake contracts as the marketplace described
                them when they were verified (the verification record).
     """

    checked_at: datetime.datetime
    id: UUID
    passed: bool
    rules: list[RuleOutcome]
    offtake_contracts: list[ContractSummary] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_summary import ContractSummary # noqa: PLC0415
        from ..models.rule_outcome import RuleOutcome # noqa: PLC0415
        checked_at = self.checked_at.isoformat()

        id = str(self.id)

        passed = self.passed

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)



        offtake_contracts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.offtake_contracts, Unset):
            offtake_contracts = []
            for offtake_contracts_item_data in self.offtake_contracts:
                offtake_contracts_item = offtake_contracts_item_data.to_dict()
                offtake_contracts.append(offtake_contracts_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checked_at": checked_at,
            "id": id,
            "passed": passed,
            "rules": rules,
        })
        if offtake_contracts is not UNSET:
            field_dict["offtake_contracts"] = offtake_contracts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_summary import ContractSummary # noqa: PLC0415
        from ..models.rule_outcome import RuleOutcome # noqa: PLC0415
        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))




        id = UUID(d.pop("id"))




        passed = d.pop("passed")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in (_rules):
            rules_item = RuleOutcome.from_dict(rules_item_data)



            rules.append(rules_item)


        _offtake_contracts = d.pop("offtake_contracts", UNSET)
        offtake_contracts: list[ContractSummary] | Unset = UNSET
        if _offtake_contracts is not UNSET:
            offtake_contracts = []
            for offtake_contracts_item_data in _offtake_contracts:
                offtake_contracts_item = ContractSummary.from_dict(offtake_contracts_item_data)



                offtake_contracts.append(offtake_contracts_item)


        eligibility_out = cls(
            checked_at=checked_at,
            id=id,
            passed=passed,
            rules=rules,
            offtake_contracts=offtake_contracts,
        )


        eligibility_out.additional_properties = d
        return eligibility_out

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
