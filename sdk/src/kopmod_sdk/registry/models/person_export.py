from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.access_out import AccessOut
  from ..models.person_out import PersonOut
  from ..models.sign_in_out import SignInOut





T = TypeVar("T", bound="PersonExport")



@_attrs_define
class PersonExport:
    """ Everything the platform keeps about the person (UU 27/2022 right of access).

        Attributes:
            accesses (list[AccessOut]):
            person (PersonOut):
            signins (list[SignInOut]):
     """

    accesses: list[AccessOut]
    person: PersonOut
    signins: list[SignInOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.access_out import AccessOut # noqa: PLC0415
        from ..models.person_out import PersonOut # noqa: PLC0415
        from ..models.sign_in_out import SignInOut # noqa: PLC0415
        accesses = []
        for accesses_item_data in self.accesses:
            accesses_item = accesses_item_data.to_dict()
            accesses.append(accesses_item)



        person = self.person.to_dict()

        signins = []
        for signins_item_data in self.signins:
            signins_item = signins_item_data.to_dict()
            signins.append(signins_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accesses": accesses,
            "person": person,
            "signins": signins,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_out import AccessOut # noqa: PLC0415
        from ..models.person_out import PersonOut # noqa: PLC0415
        from ..models.sign_in_out import SignInOut # noqa: PLC0415
        d = dict(src_dict)
        accesses = []
        _accesses = d.pop("accesses")
        for accesses_item_data in (_accesses):
            accesses_item = AccessOut.from_dict(accesses_item_data)



            accesses.append(accesses_item)


        person = PersonOut.from_dict(d.pop("person"))




        signins = []
        _signins = d.pop("signins")
        for signins_item_data in (_signins):
            signins_item = SignInOut.from_dict(signins_item_data)



            signins.append(signins_item)


        person_export = cls(
            accesses=accesses,
            person=person,
            signins=signins,
        )


        person_export.additional_properties = d
        return person_export

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
