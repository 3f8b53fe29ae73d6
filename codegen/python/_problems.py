"""Problems found in a document, each at its JSON path: all of them at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    """One problem, at a JSON path such as ``payload.required_checks[1]``.

    The message never contains a refused secret value.
    """

    path: str
    message: str

    def __str__(self) -> str:
        """``path: message``, or the message alone when it already names its path."""
        if not self.path:
            return self.message
        if self.message.endswith(self.path):
            head = self.message[: len(self.message) - len(self.path)]
            if head.endswith(": "):
                return self.message
        return f"{self.path}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        """``{"path": ..., "message": ...}``, as ``cavra validate --format json`` prints it."""
        return {"path": self.path, "message": self.message}


class ContractError(ValueError):
    """Every problem of a document or of a builder's arguments, one per line."""

    def __init__(self, problems: Iterable[Violation]) -> None:
        self.problems: tuple[Violation, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def child(path: str, key: str) -> str:
    """Appends ``key`` to a JSON path (``payload`` + ``tenant_id`` = ``payload.tenant_id``)."""
    return f"{path}.{key}" if path else key


def index(path: str, i: int) -> str:
    """Appends an index to a JSON path (``payload.blockers`` + 0 = ``payload.blockers[0]``)."""
    return f"{path}[{i}]"
