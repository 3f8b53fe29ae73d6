"""Descriptions of contract shapes, generated from the spec: what the validator walks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

#: A constant's JSON value: a string, a boolean or a list of strings.
ConstValue = Union[str, bool, tuple[str, ...]]


@dataclass(frozen=True)
class Vocabulary:
    """A closed set of strings, in spec order."""

    name: str
    values: tuple[str, ...]

    def contains(self, value: str) -> bool:
        """Whether ``value`` is one of the values."""
        return value in self.values

    def sorted_list(self) -> str:
        """The values sorted and joined, as upstream lists them in messages."""
        return ", ".join(sorted(self.values))


@dataclass(frozen=True)
class Type:
    """A field's type: ``kind`` is one of ``string``, ``identifier``, ``label``, ``ref``,
    ``text``, ``bool``, ``integer``, ``timestamp``, ``vocabulary``, ``object``, ``list`` and
    ``map``."""

    kind: str
    vocabulary: Vocabulary | None = None
    shape: Shape | None = None
    item: Type | None = None


STRING = Type("string")
IDENTIFIER = Type("identifier")
LABEL = Type("label")
REF = Type("ref")
TEXT = Type("text")
BOOL = Type("bool")
INTEGER = Type("integer")
TIMESTAMP = Type("timestamp")


def one_of(vocabulary: Vocabulary) -> Type:
    """A value of ``vocabulary``."""
    return Type("vocabulary", vocabulary=vocabulary)


def object_of(shape: Shape) -> Type:
    """An object of ``shape``."""
    return Type("object", shape=shape)


def list_of(item: Type) -> Type:
    """A list of ``item``."""
    return Type("list", item=item)


def map_of(item: Type) -> Type:
    """A map from labels to ``item``."""
    return Type("map", item=item)


@dataclass(frozen=True)
class Field:
    """A field of a shape: ``presence`` is ``required``, ``optional`` or ``const``."""

    name: str
    type: Type
    presence: str
    const: ConstValue | None = None
    min_items: tuple[int, str] | None = None
    minimum: int | None = None


def required(
    name: str,
    ty: Type,
    *,
    min_items: tuple[int, str] | None = None,
    minimum: int | None = None,
) -> Field:
    """A field every document carries."""
    return Field(name, ty, "required", min_items=min_items, minimum=minimum)


def optional(
    name: str,
    ty: Type,
    *,
    min_items: tuple[int, str] | None = None,
    minimum: int | None = None,
) -> Field:
    """A field a document may leave out."""
    return Field(name, ty, "optional", min_items=min_items, minimum=minimum)


def constant(name: str, ty: Type, value: ConstValue) -> Field:
    """A field every document carries, holding ``value``."""
    return Field(name, ty, "const", const=value)


@dataclass(frozen=True)
class Shape:
    """An object shape: its fields in wire order; unknown fields are refused when closed."""

    name: str
    fields: tuple[Field, ...]
    closed: bool = True
