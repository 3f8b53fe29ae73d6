"""What the unittest cases share: a valid document of any shape, made from its descriptor."""

from __future__ import annotations

from typing import Any

from cavra_contracts._shape import Shape, Type

#: A GitHub-token-shaped value, built at run time so that the repository holds no secret-shaped
#: literal.
TOKEN = "ghp_" + "Z9" * 18


def value_of(ty: Type, min_items: int = 0) -> Any:
    """A valid value of ``ty``."""
    if ty.kind == "vocabulary" and ty.vocabulary is not None:
        return ty.vocabulary.values[0]
    if ty.kind == "object" and ty.shape is not None:
        return document(ty.shape)
    if ty.kind == "list" and ty.item is not None:
        return [value_of(ty.item) for _ in range(min_items)]
    if ty.kind == "map":
        return {}
    if ty.kind == "bool":
        return True
    if ty.kind == "integer":
        return 0
    if ty.kind == "timestamp":
        return "2026-06-02T09:00:00Z"
    return "tenant-demo"


def document(shape: Shape) -> dict[str, Any]:
    """A valid document of ``shape``: every field, constants as the spec fixes them."""
    doc: dict[str, Any] = {}
    for field in shape.fields:
        if field.presence == "const":
            const = field.const
            doc[field.name] = list(const) if isinstance(const, tuple) else const
        else:
            least = field.min_items[0] if field.min_items else 0
            doc[field.name] = value_of(field.type, least)
    return doc
