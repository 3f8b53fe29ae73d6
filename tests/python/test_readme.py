"""The README's Python example runs and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import json
import re
import unittest
from pathlib import Path

README = Path(__file__).resolve().parent.parent.parent / "README.md"


class ReadmeExample(unittest.TestCase):
    def test_the_python_section_example_runs(self) -> None:
        text = README.read_text(encoding="utf-8")
        section = text[text.index("\n## Python\n") :]
        found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
        assert found is not None, "a Python example in the README's Python section"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(found.group(1), "README.md", "exec"), {})
        printed = out.getvalue()
        request = json.loads(printed[: printed.index("\n}\n") + 2])
        self.assertEqual(request["requested_by"], "console")
        self.assertEqual(request["operation"], "saas_operating_automation")
        self.assertIn("tenant_id: tenant_id must not be empty", printed)
        self.assertIn(
            "payload.required_checks: required_checks must include at least one",
            printed,
        )


if __name__ == "__main__":
    unittest.main()
