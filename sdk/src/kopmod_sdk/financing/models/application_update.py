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





T = TypeVar("T", bound="ApplicationUpdate")



@_attrs_define
class ApplicationUpdate:
    """ Change a draft; omitted fields keep their value (the result is checked as a whole).

        Attributes:
            amount (None | str | Unset):
            grace_periods (int | None | Unset):
            offtake_contract_ids (list[UUID] | None | Unset):
            purpose (None | str | Unset):
            tenor_periods (int | None | Unset):
            tranche_plan (list[PlannedTranche] | None | Unset):
            use_of_funds (list[UseOfFundsItem] | None | Unset):
     """

    amount: None | str | Unset = UNSET
    grace_periods: int | None | Unset = UNSET
    offtake_contract_ids: list[UUID] | None | Unset = UNSET
    purpose: None | str | Unset = UNSET
    tenor_periods: int | None | Unset = UNSET
    tranche_plan: list[PlannedTranche] | None | Unset = UNSET
    use_of_funds: list[UseOfFundsItem] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.planned_tranche import PlannedTranche # noqa: PLC0415
        from ..models.use_of_funds_item import UseOfFundsItem # noqa: PLC0415
        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        grace_periods: int | None | Unset
        if isinstance(self.grace_periods, Unset):
            grace_periods = UNSET
        else:
            grace_periods = self.grace_periods

        offtake_contract_ids: list[str] | None | Unset
        if isinstance(self.offtake_contract_ids, Unset):
            offtake_contract_ids = UNSET
        elif isinstance(self.offtake_contract_ids, list):
            offtake_contract_ids = []
            for offtake_contract_ids_type_0_item_data in self.offtake_contract_ids:
                offtake_contract_ids_type_0_item = str(offtake_contract_ids_type_0_item_data)
                offtake_contract_ids.append(offtake_contract_ids_type_0_item)


        else:
            offtake_contract_ids = self.offtake_contract_ids

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        tenor_periods: int | None | Unset
        if isinstance(self.tenor_periods, Unset):
            tenor_periods = UNSET
        else:
            tenor_periods = self.tenor_periods

        tranche_plan: list[dict[str, Any]] | None | Unset
        if isinstance(self.tranche_plan, Unset):
            tranche_plan = UNSET
        elif isinstance(self.tranche_plan, list):
            tranche_plan = []
            for tranche_plan_type_0_item_data in self.tranche_plan:
                tranche_plan_type_0_item = tranche_plan_type_0_item_data.to_dict()
                tranche_plan.append(tranche_plan_type_0_item)


        else:
            tranche_plan = self.tranche_plan

        use_of_funds: list[dict[str, Any]] | None | Unset
        if isinstance(self.use_of_funds, Unset):
            use_of_funds = UNSET
        elif isinstance(self.use_of_funds, list):
            use_of_funds = []
            for use_of_funds_type_0_item_data in self.use_of_funds:
                use_of_funds_type_0_item = use_of_funds_type_0_item_data.to_dict()
                use_of_funds.append(use_of_funds_type_0_item)


        else:
            use_of_funds = self.use_of_funds


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if grace_periods is not UNSET:
            field_dict["grace_periods"] = grace_periods
        if offtake_contract_ids is not UNSET:
            field_dict["offtake_contract_ids"] = offtake_contract_ids
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if tenor_periods is not UNSET:
            field_dict["tenor_periods"] = tenor_periods
        if tranche_plan is not UNSET:
            field_dict["tranche_plan"] = tranche_plan
        if use_of_funds is not UNSET:
            field_dict["use_of_funds"] = use_of_funds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_tranche import PlannedTranche # noqa: PLC0415
        from ..models.use_of_funds_item import UseOfFundsItem # noqa: PLC0415
        d = dict(src_dict)
        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        def _parse_grace_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_periods = _parse_grace_periods(d.pop("grace_periods", UNSET))


        def _parse_offtake_contract_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                offtake_contract_ids_type_0 = []
                _offtake_contract_ids_type_0 = data
                for offtake_contract_ids_type_0_item_data in (_offtake_contract_ids_type_0):
                    offtake_contract_ids_type_0_item = UUID(offtake_contract_ids_type_0_item_data)



                    offtake_contract_ids_type_0.append(offtake_contract_ids_type_0_item)

                return offtake_contract_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        offtake_contract_ids = _parse_offtake_contract_ids(d.pop("offtake_contract_ids", UNSET))


        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))


        def _parse_tenor_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tenor_periods = _parse_tenor_periods(d.pop("tenor_periods", UNSET))


        def _parse_tranche_plan(data: object) -> list[PlannedTranche] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tranche_plan_type_0 = []
                _tranche_plan_type_0 = data
                for tranche_plan_type_0_item_data in (_tranche_plan_type_0):
                    tranche_plan_type_0_item = PlannedTranche.from_dict(tranche_plan_type_0_item_data)



                    tranche_plan_type_0.append(tranche_plan_type_0_item)

                return tranche_plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlannedTranche] | None | Unset, data)

        tranche_plan = _parse_tranche_plan(d.pop("tranche_plan", UNSET))


        def _parse_use_of_funds(data: object) -> list[UseOfFundsItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                use_of_funds_type_0 = []
                _use_of_funds_type_0 = data
                for use_of_funds_type_0_item_data in (_use_of_funds_type_0):
                    use_of_funds_type_0_item = UseOfFundsItem.from_dict(use_of_funds_type_0_item_data)



                    use_of_funds_type_0.append(use_of_funds_type_0_item)

                return use_of_funds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UseOfFundsItem] | None | Unset, data)

        use_of_funds = _parse_use_of_funds(d.pop("use_of_funds", UNSET))


        application_update = cls(
            amount=amount,
            grace_periods=grace_periods,
            offtake_contract_ids=offtake_contract_ids,
            purpose=purpose,
            tenor_periods=tenor_periods,
            tranche_plan=tranche_plan,
            use_of_funds=use_of_funds,
        )

        return application_update

