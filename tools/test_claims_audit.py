"""Tests of the claims audit (tools/claims_audit.py) on small notebooks written here: what counts
as a claim, what binds one, where an unbound claim fails the audit."""
import io
import json
import os
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

import claims_audit


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code(text, **metadata):
    return {"cell_type": "code", "metadata": metadata, "source": text, "outputs": [], "execution_count": None}


class ClaimsAuditTest(unittest.TestCase):
    def notebook(self, *cells):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "99-test.ipynb")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, f)
        return path

    def run_audit(self, path):
        out = io.StringIO()
        with redirect_stdout(out):
            status = claims_audit.main([path, "--all"])
        return status, out.getvalue()

    def test_a_measured_number_in_a_summary_fails_and_is_named(self):
        path = self.notebook(code("double eta = 0.4;"), md("## Summary\n\n- SGD ended at 0.0146, AdaGrad at 0.0308."))
        status, out = self.run_audit(path)
        self.assertEqual(1, status, out)
        self.assertIn("SUMMARY 99-test.ipynb[1] line 3: number '0.0146'", out)
        self.assertIn("number '0.0308'", out)

    def test_a_comparison_in_a_summary_fails(self):
        status, out = self.run_audit(self.notebook(md("## What we found\n\nTuned gradient descent wins.")))
        self.assertEqual(1, status, out)
        self.assertIn("comparison 'wins'", out)

    def test_a_check_right_before_binds_the_prose_after_it(self):
        path = self.notebook(md("## Summary"), code('Checks.that(gd < ada, "GD fewer steps", "");'),
                             md("Tuned gradient descent wins: 117 steps against 70."))
        status, out = self.run_audit(path)
        self.assertEqual(0, status, out)
        self.assertIn("claims audit: 3 claims, 0 unbound", out)

    def test_an_exercise_check_binds_nothing(self):
        check = code('Checks.close("your answer", 1, x, 0, 0, "");', nbgrader={"grade": True, "locked": True})
        status, out = self.run_audit(self.notebook(check, md("## Summary\n\nAdaGrad settles closer than any SGD.")))
        self.assertEqual(1, status, out)

    def test_constants_math_quotes_references_and_questions_are_not_claims(self):
        path = self.notebook(
            code("Momentum.keras().learningRate(0.01).momentum(0.9); int steps = 500;"),
            md("## Summary\n\n- With $\\eta = 0.37$ and momentum 0.9 over 500 steps (lesson 04, Exercise 6.1, 2012).\n"
               "- The article says \"Adam is the best\" and “SGD is 3.5 times slower”.\n"
               "> a quote: 42.5 is better\n"
               "- Is 0.37 the best rate? Try it.\n"
               "- Two curves, 3 panels, `lr=0.123` in code.\n\n"
               "**What to try next:** set 1.1 and see which is faster."))
        status, out = self.run_audit(path)
        self.assertEqual(0, status, out)
        self.assertIn("claims audit: 0 claims", out)

    def test_a_what_to_try_section_states_nothing(self):
        path = self.notebook(md("## What to try next\n\nSet the rate to 1.1 and see which is faster."),
                             md("## Later\n\nIt took 117 steps."))
        status, out = self.run_audit(path)
        self.assertEqual(0, status, out)
        self.assertIn("claims audit: 1 claims, 1 unbound", out)

    def test_outside_summaries_unbound_claims_are_listed_but_do_not_fail(self):
        path = self.notebook(md("## The bowl\n\nAdaGrad took 64 steps, RMSProp 30: RMSProp is faster."),
                             md("## Summary\n\nAdaGrad keeps a running sum of squared gradients."))
        status, out = self.run_audit(path)
        self.assertEqual(0, status, out)
        self.assertIn("99-test.ipynb[0] line 3: number '64'", out)
        self.assertIn("comparison 'faster'", out)
        self.assertIn("3 claims, 3 unbound, 0 unbound in summary sections", out)

    def test_a_summary_ends_at_the_next_heading_of_its_level(self):
        path = self.notebook(md("### Summary\n\nDefinitions only."), md("#### Detail\n\nStill summary: 12.5% faster."),
                             md("### Exercises\n\nNot summary: 12.5% faster."))
        status, out = self.run_audit(path)
        self.assertEqual(1, status, out)
        self.assertIn("SUMMARY 99-test.ipynb[1]", out)
        self.assertNotIn("SUMMARY 99-test.ipynb[2]", out)

    def test_percentages_and_factors_count_even_when_small(self):
        found = claims_audit.claims("It is 5× faster and 7% cheaper; 3 curves.", set())
        self.assertEqual([("number", "5×", 1), ("number", "7%", 1), ("comparison", "faster", 1)], found)

    def test_an_unreadable_notebook_is_reported(self):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "broken.ipynb")
        with open(path, "w") as f:
            f.write("{not json")
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            status = claims_audit.main([path])
        self.assertEqual(2, status)
        self.assertIn("cannot read", err.getvalue())


if __name__ == "__main__":
    unittest.main()
