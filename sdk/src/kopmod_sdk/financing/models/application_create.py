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
  from ..models.planned_tranche import PlannedTranche
  from ..models.use_of_funds_item import UseOfFundsItem





T = TypeVar("T", bound="ApplicationCreate")



@_attrs_define
class ApplicationCreate:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            product_id (UUID):
            purpose (str):
            tenor_periods (int): Repayment periods, grace included.
            use_of_funds (list[UseOfFundsItem]):
            cooperative_id (None | Unset | UUID): Taken from the token for a cooperative; required when an admin files.
            grace_periods (int | Unset):  Default: 0.
            offtake_contract_ids (list[UUID] | Unset): Marketplace offtake contracts.
            tranche_plan (list[PlannedTranche] | Unset):
     """

    amount: str
    product_id: UUID
    purpose: str
    tenor_periods: int
    use_of_funds: list[UseOfFundsItem]
    cooperative_id: None | Unset | UUID = UNSET
    grace_periods: int | Unset = 0
    offtake_contract_ids: list[UUID] | Unset = UNSET
    tranche_plan: list[PlannedTranche] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.planned_tranche import PlannedTranche # noqa: PLC0415
        from ..models.use_of_funds_item import UseOfFundsItem # noqa: PLC0415
        amount = self.amount

        product_id = str(self.product_id)

        purpose = self.purpose

        tenor_periods = self.tenor_periods

        use_of_funds = []
        for use_of_funds_item_data in self.use_of_funds:
            use_of_funds_item = use_of_funds_item_data.to_dict()
            use_of_funds.append(use_of_funds_item)



        cooperative_id: None | str | Unset
        if isinstance(self.cooperative_id, Unset):
            cooperative_id = UNSET
        elif isinstance(self.cooperative_id, UUID):
            cooperative_id = str(self.cooperative_id)
        else:
            cooperative_id = self.cooperative_id

        grace_periods = self.grace_periods

        offtake_contract_ids: list[str] | Unset = UNSET
        if not isinstance(self.offtake_contract_ids, Unset):
            offtake_contract_ids = []
            for offtake_contract_ids_item_data in self.offtake_contract_ids:
                offtake_contract_ids_item = str(offtake_contract_ids_item_data)
                offtake_contract_ids.append(offtake_contract_ids_item)



        tranche_plan: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tranche_plan, Unset):
            tranche_plan = []
            for tranche_plan_item_data in self.tranche_plan:
                tranche_plan_item = tranche_plan_item_data.to_dict()
                tranche_plan.append(tranche_plan_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "product_id": product_id,
            "purpose": purpose,
            "tenor_periods": tenor_periods,
            "use_of_funds": use_of_funds,
        })
        if cooperative_id is not UNSET:
            field_dict["cooperative_id"] = cooperative_id
        if grace_periods is not UNSET:
            field_dict["grace_periods"] = grace_periods
        if offtake_contract_ids is not UNSET:
            field_dict["offtake_contract_ids"] = offtake_contract_ids
        if tranche_plan is not UNSET:
            field_dict["tranche_plan"] = tranche_plan

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_tranche import PlannedTranche # noqa: PLC0415
        from ..models.use_of_funds_item import UseOfFundsItem # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        product_id = UUID(d.pop("product_id"))




        purpose = d.pop("purpose")

        tenor_periods = d.pop("tenor_periods")

        use_of_funds = []
        _use_of_funds = d.pop("use_of_funds")
        for use_of_funds_item_data in (_use_of_funds):
            use_of_funds_item = UseOfFundsItem.from_dict(use_of_funds_item_data)



            use_of_funds.append(use_of_funds_item)


        def _parse_cooperative_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cooperative_id_type_0 = UUID(data)



                return cooperative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        cooperative_id = _parse_cooperative_id(d.pop("cooperative_id", UNSET))


        grace_periods = d.pop("grace_periods", UNSET)

        _offtake_contract_ids = d.pop("offtake_contract_ids", UNSET)
        offtake_contract_ids: list[UUID] | Unset = UNSET
        if _offtake_contract_ids is not UNSET:
            offtake_contract_ids = []
            for offtake_contract_ids_item_data in _offtake_contract_ids:
                offtake_contract_ids_item = UUID(offtake_contract_ids_item_data)



                offtake_contract_ids.append(offtake_contract_ids_item)


        _tranche_plan = d.pop("tranche_plan", UNSET)
        tranche_plan: list[PlannedTranche] | Unset = UNSET
        if _tranche_plan is not UNSET:
            tranche_plan = []
            for tranche_plan_item_data in _tranche_plan:
                tranche_plan_item = PlannedTranche.from_dict(tranche_plan_item_data)



                tranche_plan.append(tranche_plan_item)


        application_create = cls(
            amount=amount,
            product_id=product_id,
            purpose=purpose,
            tenor_periods=tenor_periods,
            use_of_funds=use_of_funds,
            cooperative_id=cooperative_id,
            grace_periods=grace_periods,
            offtake_contract_ids=offtake_contract_ids,
            tranche_plan=tranche_plan,
        )

        return application_create

