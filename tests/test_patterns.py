"""The claim grammar, entry by entry: every example of every pattern in
tradestats.patterns is linked with exactly the figures it names, and no sentence a
pattern must not link is linked by it."""

from __future__ import annotations

import pytest

from tradestats.extraction import extract_document
from tradestats.link import REFUSALS, Relation, link
from tradestats.models import Document
from tradestats.patterns import PATTERNS
from tradestats.segment import split_sentences


def _relations(text: str) -> list[Relation]:
    document = Document(text)
    sentences = split_sentences(text)
    return link(document, sentences, extract_document(document, sentences=sentences))


def _roles(relation: Relation) -> dict[str, str]:
    found = {
        "new": relation.new,
        "old": relation.old,
        "change": relation.change,
        "rate": relation.stated if relation.kind in ("growth", "points", "share") else None,
        "mult": relation.stated if relation.kind == "multiple" else None,
        **({"change": relation.stated} if relation.kind == "change" else {}),
    }
    return {role: " ".join(f.text.split()) for role, f in found.items() if f is not None}


MATCHES = [
    (pattern.id, sentence, roles) for pattern in PATTERNS for sentence, roles in pattern.matches
]
REJECTS = [(pattern.id, sentence) for pattern in PATTERNS for sentence in pattern.rejects]


@pytest.mark.parametrize(("pattern", "sentence", "roles"), MATCHES)
def test_pattern_links_its_examples(pattern: str, sentence: str, roles: dict[str, str]) -> None:
    linked = [r for r in _relations(sentence) if r.pattern == pattern]
    assert len(linked) == 1, [(r.pattern, _roles(r)) for r in _relations(sentence)]
    assert _roles(linked[0]) == roles


@pytest.mark.parametrize(("pattern", "sentence"), REJECTS)
def test_pattern_rejects_its_counter_examples(pattern: str, sentence: str) -> None:
    linked = [
        r for r in _relations(sentence) if r.pattern == pattern and r.new is not None and r.old
    ]
    assert linked == [], [_roles(r) for r in linked]


def test_every_pattern_has_an_example() -> None:
    assert all(pattern.matches for pattern in PATTERNS)


HEDGES = ("about ", "over ", "up to ", "more than ", "nearly ", "less than ", "a revised ", "-")


def test_a_hedge_or_a_sign_before_any_figure_of_any_example_is_checked_without_a_fault() -> None:
    """Hedged and signed values take the paths where a linked claim is declined or bounded:
    each must end in a verdict or a reason, never in a fault of ours."""
    from tradestats.check import check_document
    from tradestats.config import Config

    faults = []
    sentences = [s for p in PATTERNS for s in [*(m[0] for m in p.matches), *p.rejects]]
    for sentence in sentences:
        for figure in extract_document(Document(sentence)):
            for hedge in HEDGES:
                text = sentence[: figure.start] + hedge + sentence[figure.start :]
                faults.extend(p.message for p in check_document(Document(text), Config()).faults)
    assert faults == []


REFUSED = [(refusal.id, sentence) for refusal in REFUSALS for sentence in refusal.refuses]


@pytest.mark.parametrize(("refusal", "sentence"), REFUSED)
def test_each_refusal_refuses_its_examples(
    refusal: str, sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example is matched by some pattern, then refused by this entry; without the
    entry it would be judged."""
    from tradestats import link as linking

    refused = [r for r in _relations(sentence) if r.pattern and r.reason and not r.new]
    assert refused, [(r.pattern, r.reason) for r in _relations(sentence)]
    monkeypatch.setattr(linking, "REFUSALS", tuple(r for r in REFUSALS if r.id != refusal))
    judged = [r for r in _relations(sentence) if r.pattern and r.new and r.old]
    assert judged, "no pattern would judge it without this refusal"
