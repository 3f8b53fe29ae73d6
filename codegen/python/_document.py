"""What the generated dataclasses and builders share: the wire form of a value, validation that
raises every problem at once, and fresh correlation ids."""

from __future__ import annotations

import dataclasses
import enum
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from ._boundary import Boundary
from ._problems import ContractError
from ._shape import Shape
from ._validate import WHITESPACE, validate
from .boundary import BOUNDARY

C = TypeVar("C", bound="Contract")


def wire(value: Any) -> Any:
    """``value`` as JSON holds it: enum members as their strings, dataclasses as their
    ``to_dict()``, tuples as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict()  # type: ignore[attr-defined]
    if isinstance(value, (list, tuple)):
        return [wire(v) for v in value]
    if isinstance(value, Mapping):
        return {k: wire(v) for k, v in value.items()}
    return value


def wire_dict(*pairs: tuple[str, Any]) -> dict[str, Any]:
    """A JSON object from ``(key, value)`` pairs in wire order; a ``None`` value (an optional
    field left out) is not written."""
    return {k: wire(v) for k, v in pairs if v is not None}


def check(doc: Any, shape: Shape, root: str, boundary: Boundary) -> dict[str, Any]:
    """``doc`` when it has no problem as a ``shape`` at ``root``; else raises
    :class:`ContractError` with every problem."""
    problems = validate(doc, shape, root, boundary)
    if problems:
        raise ContractError(problems)
    assert isinstance(doc, dict)
    return doc


def trim(value: Any) -> Any:
    """An identifier argument with surrounding whitespace removed (as ``cavra`` reads inputs);
    anything else as it is."""
    return value.strip(WHITESPACE) if isinstance(value, str) else value


def new_correlation_id(prefix: str) -> str:
    """A fresh correlation id: ``prefix`` and 12 hex digits (``saas-1a2b3c4d5e6f``), as
    upstream's ``"saas-" + uuid4().hex[:12]``."""
    return prefix + uuid.uuid4().hex[:12]


class Contract:
    """A public-safe contract document (a payload, summary, evidence document or envelope) or
    one of its parts: ``to_dict()`` in spec key order, ``validate()`` and ``from_dict()``
    reporting every problem at once, each with the same JSON path and message as ``cavra``."""

    SHAPE: ClassVar[Shape]
    ROOT: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """The document as JSON holds it, in spec key order."""
        raise NotImplementedError

    @classmethod
    def _read(cls, doc: dict[str, Any]) -> Any:
        """The typed document of a JSON document the validator has passed."""
        raise NotImplementedError

    def validate(self) -> None:
        """Raises :class:`ContractError` with every problem of this document."""
        check(self.to_dict(), self.SHAPE, self.ROOT, BOUNDARY)

    @classmethod
    def from_dict(cls: type[C], doc: Any) -> C:
        """The document of a parsed JSON value; raises :class:`ContractError` with every
        problem."""
        return cast(C, cls._read(check(doc, cls.SHAPE, cls.ROOT, BOUNDARY)))
