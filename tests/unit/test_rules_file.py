"""The rules data file against the code and against the policy reference.

- every rule id used anywhere under ``sellerdesk/`` exists in ``rules.json``;
- every ``rules.json`` id exists in ``amazon-policy.md`` (sections 1-5);
- every rule id of sections 1-5 of ``amazon-policy.md`` has an entry;
- the loader validates the data contract.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sellerdesk.domain.policy.rules import (
    SECTIONS,
    RulesFileError,
    default_rules_path,
    load_rules,
    parse_rulebook,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = REPO_ROOT / "sellerdesk"
POLICY_REFERENCE = REPO_ROOT.parent / "shared" / "reference" / "amazon-policy.md"

# Id-shaped strings: a rule-family prefix, then upper-case words joined by hyphens.
RULE_ID_IN_CODE = re.compile(r"""["'`](?P<id>(?:MSG|CNT|RT|MET|RET|A2Z|PRO)(?:-[A-Z0-9]+)+)["'`]""")
RULE_ID_IN_REFERENCE = re.compile(r"\b(?:MSG|CNT|RT|MET|RET|A2Z|PRO)(?:-[A-Z0-9]+)+\b")
STEP_ID_IN_REFERENCE = re.compile(r"^\|\s*(R\d)\s*\|", re.MULTILINE)


def _reference_sections_1_to_5() -> str:
    if not POLICY_REFERENCE.exists():
        pytest.skip(f"policy reference not found at {POLICY_REFERENCE} (needs ../shared/reference)")
    text = POLICY_REFERENCE.read_text(encoding="utf-8")
    end = text.find("\n## 6.")
    assert end > 0, "amazon-policy.md no longer has a section 6 heading; update this test"
    return text[:end]


def _ids_used_in_code() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        for match in RULE_ID_IN_CODE.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(match.group("id"), []).append(str(path.relative_to(REPO_ROOT)))
    return used


def test_rules_file_loads_and_has_sane_fields() -> None:
    book = load_rules()
    assert len(book) >= 60
    assert book.source_document == "amazon-policy.md"
    for rule in book.all():
        assert rule.section in SECTIONS
        assert rule.title.text("en") and rule.title.text("zh-CN")
        assert rule.explanation.text("zh-CN") != rule.explanation.text("en")
        assert rule.source_url.startswith("https://") or rule.source_url.startswith("http://")
        assert rule.last_checked <= book.checked_on


def test_every_rule_id_used_in_code_exists_in_rules_file() -> None:
    book = load_rules()
    used = _ids_used_in_code()
    assert used, "no rule ids found in the code; the id pattern of this test is broken"
    missing = {rule_id: files for rule_id, files in used.items() if rule_id not in book}
    assert not missing, f"rule ids used in code but missing from rules.json: {missing}"


def test_every_rules_file_id_exists_in_policy_reference() -> None:
    reference = _reference_sections_1_to_5()
    known = set(RULE_ID_IN_REFERENCE.findall(reference)) | set(
        STEP_ID_IN_REFERENCE.findall(reference)
    )
    unknown = [rule.id for rule in load_rules().all() if rule.id not in known]
    assert not unknown, f"rules.json ids not found in amazon-policy.md sections 1-5: {unknown}"


def test_every_policy_reference_id_has_a_rules_entry() -> None:
    reference = _reference_sections_1_to_5()
    book = load_rules()
    absent = sorted(set(RULE_ID_IN_REFERENCE.findall(reference)) - set(book.ids()))
    assert not absent, f"amazon-policy.md ids with no rules.json entry: {absent}"


def test_checkable_rules_of_the_issue_are_marked_checkable() -> None:
    book = load_rules()
    for rule_id in ("CNT-LINK", "CNT-EMAIL", "MSG-NO-INCENTIVE", "MSG-REVIEW-ONCE", "PRO-DIVERT"):
        assert book.get(rule_id).checkable
        assert book.get(rule_id).severity == "block"


def test_unknown_id_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="NOPE-RULE"):
        load_rules().get("NOPE-RULE")


def test_loader_rejects_a_file_breaking_the_contract(tmp_path: Path) -> None:
    raw = json.loads(default_rules_path().read_text(encoding="utf-8"))
    raw["rules"][0]["severity"] = "fatal"
    with pytest.raises(RulesFileError, match="severity"):
        parse_rulebook(raw)
    raw["rules"][0]["severity"] = "block"
    raw["rules"].append(dict(raw["rules"][0]))
    with pytest.raises(RulesFileError, match="duplicate"):
        parse_rulebook(raw)
    broken = tmp_path / "rules.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(RulesFileError, match="not valid JSON"):
        load_rules(broken)


def test_every_prohibition_offers_a_compliant_alternative() -> None:
    """The draft checker and the cheat sheet show what to write instead, in both languages."""
    missing = [
        rule.id
        for rule in load_rules().all()
        if rule.section in ("messaging", "content", "prohibited")
        and rule.severity in ("block", "warn")
        and not (rule.compliant_example and all(rule.compliant_example.values()))
    ]
    assert missing == []
