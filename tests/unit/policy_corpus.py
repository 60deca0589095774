"""Labelled-draft corpus helper: load ``tests/data/drafts_corpus.jsonl``, run the checker,
compute per-rule precision and recall, and print the table.

Run by hand: ``python tests/unit/policy_corpus.py`` (from the repository root) prints the
table and every disagreement.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_PATH = REPO_ROOT / "tests" / "data" / "drafts_corpus.jsonl"


@dataclass
class CorpusReport:
    true_positive: Counter[str] = field(default_factory=Counter)
    false_positive: Counter[str] = field(default_factory=Counter)
    false_negative: Counter[str] = field(default_factory=Counter)
    disagreements: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    compliant_blocked: list[str] = field(default_factory=list)
    drafts: int = 0

    def rules(self) -> list[str]:
        return sorted(set(self.true_positive) | set(self.false_positive) | set(self.false_negative))

    def precision(self, rule: str) -> float:
        found = self.true_positive[rule] + self.false_positive[rule]
        return self.true_positive[rule] / found if found else 1.0

    def recall(self, rule: str) -> float:
        expected = self.true_positive[rule] + self.false_negative[rule]
        return self.true_positive[rule] / expected if expected else 1.0

    def micro(self) -> tuple[float, float]:
        tp = sum(self.true_positive.values())
        fp = sum(self.false_positive.values())
        fn = sum(self.false_negative.values())
        return tp / max(tp + fp, 1), tp / max(tp + fn, 1)

    def table(self) -> str:
        lines = [f"{'rule':<26} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}"]
        for rule in self.rules():
            lines.append(
                f"{rule:<26} {self.true_positive[rule]:>3} {self.false_positive[rule]:>3} "
                f"{self.false_negative[rule]:>3} {self.precision(rule):>9.2f} "
                f"{self.recall(rule):>7.2f}"
            )
        precision, recall = self.micro()
        lines.append(
            f"{'ALL (micro)':<26} {'':>3} {'':>3} {'':>3} {precision:>9.2f} {recall:>7.2f}"
        )
        lines.append(
            f"drafts: {self.drafts}; compliant drafts blocked: {len(self.compliant_blocked)}"
        )
        return "\n".join(lines)


def load_corpus(path: Path = CORPUS_PATH) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(rows: list[dict]) -> CorpusReport:
    from sellerdesk.domain.policy.checker import check_draft
    from sellerdesk.domain.policy.model import DraftContext

    report = CorpusReport(drafts=len(rows))
    for row in rows:
        result = check_draft(row["text"], row.get("subject", ""), DraftContext(**row["context"]))
        found = result.rule_ids
        expected = set(row["labels"])
        for rule in found & expected:
            report.true_positive[rule] += 1
        for rule in found - expected:
            report.false_positive[rule] += 1
        for rule in expected - found:
            report.false_negative[rule] += 1
        if found != expected:
            report.disagreements.append((row["id"], sorted(expected), sorted(found)))
        if not expected and result.verdict == "block":
            report.compliant_blocked.append(row["id"])
    return report


def main() -> int:
    sys.path.insert(0, str(REPO_ROOT))
    rows = load_corpus()
    report = evaluate(rows)
    print(report.table())
    texts = {row["id"]: row["text"] for row in rows}
    for draft_id, expected, found in report.disagreements:
        print(f"\n{draft_id}: expected {expected} found {found}\n  {texts[draft_id]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
