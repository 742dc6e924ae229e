from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.verification_status import VerificationStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OfftakerUpdate")



@_attrs_define
class OfftakerUpdate:
    """ 
        Attributes:
            contact_email (None | str | Unset):
            contact_name (None | str | Unset):
            contact_phone (None | str | Unset):
            name (None | str | Unset):
            verification_status (None | Unset | VerificationStatus): Only the platform operator (admin) may change it.
     """

    contact_email: None | str | Unset = UNSET
    contact_name: None | str | Unset = UNSET
    contact_phone: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    verification_status: None | Unset | VerificationStatus = UNSET





    def to_dict(self) -> dict[str, Any]:
        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_phone: None | str | Unset
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        verification_status: None | str | Unset
        if isinstance(self.verification_status, Unset):
            verification_status = UNSET
        elif isinstance(self.verification_status, VerificationStatus):
            verification_status = self.verification_status.value
        else:
            verification_status = self.verification_status


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone
        if name is not UNSET:
            field_dict["name"] = name
        if verification_status is not UNSET:
            field_dict["verification_status"] = verification_status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))


        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))


        def _parse_contact_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_verification_status(data: object) -> None | Unset | VerificationStatus:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verification_status_type_0 = VerificationStatus(data)



                return verification_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationStatus, data)

        verification_status = _parse_verification_status(d.pop("verification_status", UNSET))


        offtaker_update = cls(
            contact_email=contact_email,
            contact_name=contact_name,
            contact_phone=contact_phone,
            name=name,
            verification_status=verification_status,
        )

        return offtaker_update

