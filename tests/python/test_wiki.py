"""Every Python example of the generated wiki runs, and prints its page's request example."""

from __future__ import annotations

import contextlib
import io
import json
import re
import unittest
from pathlib import Path

WIKI = Path(__file__).resolve().parent.parent.parent / "generated" / "wiki"
BLOCK = re.compile(r"```(python|json)\n(.*?)```", re.DOTALL)


class WikiExamples(unittest.TestCase):
    def test_every_python_example_prints_the_page_request(self) -> None:
        ran = 0
        for page in sorted(WIKI.glob("*.md")):
            blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
            programs = [code for kind, code in blocks if kind == "python"]
            examples = [json.loads(code) for kind, code in blocks if kind == "json"]
            for program in programs:
                with self.subTest(page.name):
                    out = io.StringIO()
                    with contextlib.redirect_stdout(out):
                        exec(compile(program, str(page), "exec"), {})
                    self.assertEqual(json.loads(out.getvalue()), examples[0])
                    ran += 1
        self.assertGreaterEqual(ran, 10, "Python examples run")


if __name__ == "__main__":
    unittest.main()
