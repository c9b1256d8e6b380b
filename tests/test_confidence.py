"""Claim confidence: what the model looks at, and that it ranks shaky attributions below clear ones."""

from __future__ import annotations

from claimsdb.extract.base import get_extractor
from claimsdb.pipeline import analyse
from claimsdb.records import Document
from claimsdb.resolve.confidence import context, features, score
from claimsdb.resolve.stage import resolve_speakers


def scored(text: str) -> dict[str, tuple[float, list[str]]]:
    """Speaker name → (confidence, features) for every claim of ``text``, as the resolve stage
    scores them."""
    document = Document("article.txt", text, "0")
    claims = resolve_speakers(document, get_extractor().find_claims(document))
    score(text, claims)
    ctx = context(text, claims)
    return {r.speaker.name: (r.confidence, features(r, ctx, i)) for i, r in enumerate(ctx.claims)}


def test_nested_attributions_are_marked_on_both_claims():
    found = scored("Merrill says Machado promised to continue supporting Clinton.")
    assert "holds_cue" in found["Merrill"][1]
    assert "inside" in found["Machado"][1]


def test_a_nested_bare_complement_is_less_sure_than_the_claim_around_it():
    found = scored("Merrill says Machado promised to continue supporting Clinton.")
    assert found["Machado"][0] < 0.5 < found["Merrill"][0]


def test_clear_attributions_score_high():
    assert scored('"We will win," said John Smith, the mayor.')["John Smith"][0] >= 0.9
    assert scored("Foreign Minister Anna Berg said that the talks would resume on Monday.")["Anna Berg"][0] >= 0.9


def test_a_speaker_after_a_preposition_and_a_lone_capitalised_word_are_noticed():
    (_, feats), = scored("The talks will resume, according to Reuters.").values()
    assert "after_preposition" in feats
    (_, feats), = scored("Hours later, Smith said the plan had failed.").values()
    assert "lone_name" in feats
    (_, feats), = scored("Hours later, John Smith said the plan had failed. Smith left.").values()
    assert "lone_name" not in feats


def test_the_minister_is_a_noun_phrase_not_a_name():
    (_, feats), = scored("The minister said that the talks would resume on Monday.").values()
    assert "speaker=noun" in feats


def test_every_confidence_is_a_probability():
    text = " ".join(f"Official {i} said that plan {i} had failed, adding that it would cost more." for i in range(200))
    raw = analyse(Document("article.txt", text, "0"))
    assert raw and all(0.0 <= r.confidence <= 1.0 for r in raw)


def test_the_model_sees_the_rule_and_whether_a_role_noun_was_tied_to_a_name():
    found = scored("Foreign Minister Karl Olsen arrived in Bonn. The minister said that talks went well. "
                   "The spokeswoman said that it rained.")
    assert {"rule=said-that", "reference=resolved"} <= set(found["Karl Olsen"][1])
    assert "reference=unresolved" in found["The spokeswoman"][1]
