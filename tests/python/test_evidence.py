"""Evidence documents: each contract's dataclass reads a valid document and judges its gates as
the catalog (``python -m cavra_contracts gate``) does; a blocked gate names its failure."""

from __future__ import annotations

import unittest
from typing import Any

from cavra_contracts import CATALOG, trial_lifecycle
from support import document


def document_class(name: str) -> Any:
    for module in (trial_lifecycle,):
        found = getattr(
            module, "".join(w.capitalize() for w in name.split("_")) + "Document", None
        )
        if found is not None:
            return found
    return None


class EveryEvidenceContract(unittest.TestCase):
    def test_the_dataclass_and_the_catalog_give_one_verdict(self) -> None:
        self.assertGreater(len(trial_lifecycle.EVIDENCE), 3)
        for entry in trial_lifecycle.EVIDENCE:
            with self.subTest(entry.name):
                doc = document(entry.document)
                typed = document_class(entry.name).from_dict(doc)
                self.assertEqual(typed.to_dict(), doc)
                contract, problems, report = CATALOG.gate(doc)
                self.assertEqual((contract, problems), (entry.name, []))
                self.assertEqual(typed.gate(), report)

    def test_a_failed_gate_is_a_blocker(self) -> None:
        entry = next(
            e for e in trial_lifecycle.EVIDENCE if e.name == "trial_access_expiry"
        )
        doc = document(entry.document)
        doc["source"]["evidence_status"] = "blocked"
        report = document_class(entry.name).from_dict(doc).gate()
        self.assertEqual(report.status, "blocked")
        self.assertIn(
            "source.evidence_status is `blocked`, expected `ready`",
            "\n".join(report.blockers),
        )


if __name__ == "__main__":
    unittest.main()
