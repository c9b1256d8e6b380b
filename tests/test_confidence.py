"""Claim confidence: what the model looks at, and that it ranks shaky attributions below clear ones."""

from __future__ import annotations

import math
from importlib.resources import files

from claimsdb.extract.base import get_extractor
from claimsdb.pipeline import analyse
from claimsdb.records import Document
from claimsdb.resolve.confidence import _weights, context, features, score
from claimsdb.resolve.stage import resolve_speakers


def scored(text: str) -> dict[str, tuple[float, list[str]]]:
    """Speaker name → (confidence, features) for every claim of ``text``, as the resolve stage
    scores them."""
    document = Document("article.txt", text, "0")
    claims = resolve_speakers(document, get_extractor().find_claims(document))
    score(text, claims)
    ctx = context(text, claims)
    return {r.speaker.name: (r.confidence, features(r, ctx, i, every=True)) for i, r in enumerate(ctx.claims)}


# A claim wholly inside another's is dropped by the extractor (rule nested-claim), and "and"
# before another speaker and cue ends the first claim; one in a relative clause stays nested,
# which the features weigh.
NESTED = "Merrill says the vote, which Machado promised to continue supporting, was close."


def test_nested_attributions_are_marked_on_both_claims():
    found = scored(NESTED)
    assert "holds_cue" in found["Merrill"][1]
    assert "inside" in found["Machado"][1]


def test_a_claim_reported_as_another_speakers_content_is_told_from_one_in_a_relative_clause():
    # The harbour board's words reach the reader through the mayor: the mayor's claim opens
    # with them. Machado's cue stands in a relative clause further into Merrill's content.
    found = scored("The mayor told reporters that the harbour board had described the levy as unfair.")
    assert "inside_at=opening" in found["harbour board"][1]
    assert "inside_at+speaker=opening+noun" in found["harbour board"][1]
    assert not any(f.startswith("inside_at") for f in found["The mayor"][1])
    assert found["harbour board"][0] < 0.5 < found["The mayor"][0]
    assert "inside_at=within" in scored(NESTED)["Machado"][1]


def test_a_nested_bare_complement_is_less_sure_than_the_claim_around_it():
    found = scored(NESTED)
    assert found["Machado"][0] < 0.75 < found["Merrill"][0]


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


def test_the_model_sees_how_far_back_a_pronouns_antecedent_is():
    near = scored("John Smith arrived in Bonn on Monday. He said that the talks had failed.")
    far = scored("John Smith arrived in Bonn on Monday. The weather was cold. Trains were late. "
                 "Many shops closed early. Later, he said that the talks had failed.")
    assert "antecedent=previous" in near["John Smith"][1]
    assert "antecedent=far" in far["John Smith"][1]


def test_a_name_in_the_claims_own_clause_is_seen_and_a_lone_far_pronoun_is_still_trusted():
    named = scored("John Smith arrived in Bonn on Monday. The weather was cold. Trains were late. "
                   "Many shops closed early. Later, John Smith said that the talks had failed.")
    pronoun = scored("John Smith arrived in Bonn on Monday. The weather was cold. Trains were late. "
                     "Many shops closed early. Later, he said that the talks had failed.")
    assert "speaker_in_sentence=yes" in named["John Smith"][1]
    assert "antecedent=far" not in named["John Smith"][1]
    # With only one person in the article a far "he" is as safe as the name: the fit of 3
    # December (evening) dropped the antecedent-distance families by cross-validation, as
    # they no longer improved held-out loss once the salience resolver chose the antecedent.
    assert named["John Smith"][0] >= 0.9 and pronoun["John Smith"][0] >= 0.9


def test_quotation_and_reported_speech_are_told_apart():
    (_, quoted), = scored('"We will not sign the deal," John Smith said.').values()
    (_, reported), = scored("John Smith said that they would not sign the deal.").values()
    assert "quoted=whole" in quoted
    assert "quoted=none" in reported


def test_the_weights_file_parses_and_names_features_the_model_can_give():
    text = (files("claimsdb.data") / "confidence_weights.tsv").read_text(encoding="utf-8")
    weights = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.split("\t")
            weights[name] = float(value)
    assert "bias" in weights and len(weights) > 20
    assert all(math.isfinite(v) for v in weights.values())
    # Every weighted feature is one the model's features are made of: a known family.
    families = {"bias", "pattern", "speaker", "cue", "length", "type", "distance", "kind", "rule",
                "reference", "relayed", "coordinated", "holds_cue", "inside", "overlaps", "share",
                "after_preposition", "lone_name", "no_finite_verb", "no_verb", "type+speaker",
                "speaker_in_sentence", "antecedent", "rivals", "unnamed+type", "unnamed_near_names", "quoted",
                "lead", "aux", "cue_form", "lemma", "phrase", "phrase_words", "phrase_comma", "phrase_shape",
                "order", "paragraphs", "sentence_cues", "name_count", "line_unclosed", "previous_speaker",
                "cue_sense", "content_person", "figures", "listener", "claims_per_mention",
                "antecedent_paragraphs", "cue_before", "number", "inside_at"}
    for name in weights:
        head = name.split("=", 1)[0]
        assert head in families or head.split("+", 1)[0] in families, name


def model_probability(found: list[str]) -> float:
    """The model's probability for a claim's features, before score() rounds it to 2 decimals."""
    w = _weights()
    return 1.0 / (1.0 + math.exp(-(w.get("bias", 0.0) + sum(w.get(f, 0.0) for f in found))))


def test_an_unnamed_role_noun_is_less_sure_than_a_named_speaker():
    found = scored("The spokeswoman said that the talks had failed. Foreign Minister Anna Berg said "
                   "that the talks would resume on Monday.")
    # Compared unrounded: both may round to the same stored confidence.
    assert model_probability(found["The spokeswoman"][1]) < model_probability(found["Anna Berg"][1])
    assert found["The spokeswoman"][0] <= found["Anna Berg"][0]


def test_the_model_sees_names_just_before_an_unnamed_speaker():
    alone = "A diplomat, who spoke on condition of anonymity, said that the talks had failed."
    (_, feats), = scored(alone).values()
    assert "unnamed_near_names=0" in feats
    (_, feats), = scored("John Smith and Mary Jones met in Bonn on Monday. " + alone).values()
    assert "unnamed_near_names=2" in feats


def test_the_last_name_word_before_a_speaker_is_found_as_the_window_alone_reads_it():
    # Name words are looked for in the lowercased article and read as words from the nearest
    # character no word holds; a window edge that cuts a word ("x'yZ", a name run on into the
    # next word) must read as the window does, and a text whose lowercase moves offsets ("İ")
    # too.
    import random

    from claimsdb.resolve.confidence import _WORD, _last_word_end

    rng = random.Random(7)
    for n in range(100):
        pieces = ["a", "B", "'", "’", " ", ".", "\n", "Ann", "berg", "O'Neil", "İ" if n % 4 == 0 else "xAnn"]
        text = "".join(rng.choice(pieces) for _ in range(60))
        ctx = context(text, [])
        for start in range(0, len(text), 3):
            for pos in range(start, len(text) + 1, 7):
                named = frozenset({"ann", "a", "b", "o'neil", "berg"})
                window = text[start:pos]
                naive = max((m.end() + start for m in _WORD.finditer(window) if m.group().lower() in named),
                            default=None)
                assert _last_word_end(ctx, start, pos, named) == naive, (text, start, pos)


def claim_features(text: str) -> list[list[str]]:
    """The features of every claim of ``text``, in text order."""
    document = Document("article.txt", text, "0")
    claims = resolve_speakers(document, get_extractor().find_claims(document))
    ctx = context(text, claims)
    return [features(r, ctx, i, every=True) for i, r in enumerate(ctx.claims)]


def test_the_words_around_the_speaker_phrase_are_described():
    (found,) = claim_features("Marta Olsen did not say that the mine would close.")
    assert {"lead=start", "aux=negated", "cue_form=base", "lemma=say", "phrase=capital", "phrase_words=2",
            "order=before", "paragraphs=0", "previous_speaker=none"} <= set(found)
    (after,) = claim_features('"The mine will close," Marta Olsen said.')
    assert {"lead=quote", "order=after", "cue_form=ed"} <= set(after)


def test_a_quotation_continued_in_a_later_paragraph_counts_the_paragraphs():
    text = ('Harold Finch arrived at the hearing late.\n\n"We will appeal," he said.\n\n'
            '"The ruling is wrong and we will fight it."')
    found = claim_features(text)
    assert "paragraphs=0" in found[0]
    assert "paragraphs=1" in found[-1] and "previous_speaker=same" in found[-1]


def test_a_speaker_in_a_comparison_is_marked_subordinate():
    (found,) = claim_features("Turnout was lower than pollsters say is normal for a local election.")
    assert "lead=subordinator" in found


def test_a_title_line_and_a_name_written_once_are_marked():
    (found,) = claim_features("Town Leaders Say Budget Is Balanced\n\nThe council met on Tuesday.")
    assert "line_unclosed" in found and "name_count=1" in found


# A body that reports what it saw, and that the article's other speakers speak to.
PATROL = ("The Valley Patrol Office observed that 14 lorries were parked near the depot (3 km south of "
          "the bridge). A farmer told the Valley Patrol Office that the lorries had arrived on Sunday. "
          "The Valley Patrol Office spoke with a driver, who said that he was waiting for fuel.")


def test_a_body_reporting_what_it_saw_is_described_as_such():
    found = scored(PATROL)
    office = set(found["Valley Patrol Office"][1])
    assert {"cue_sense=perception", "content_person=third", "figures=1-2", "listener=2"} <= office
    farmer = set(found["A farmer"][1])
    assert {"cue_sense=speech", "figures=0"} <= farmer
    assert not any(f.startswith("listener=") for f in farmer)  # no name: nothing to look for


def test_content_in_the_first_person_is_told_from_the_third():
    (first,) = claim_features('"We will keep the depot open," Pilar Sand said.')
    assert "content_person=first_second" in first
    (third,) = claim_features("Pilar Sand said the depot would stay open.")
    assert "content_person=third" in third and "listener=0" in third


def test_only_the_weighted_families_are_computed_and_the_score_is_the_same():
    text = ("Ingrid Holm, the harbour master, arrived late.\n\n\"We will reopen the quay,\" she said. "
            "The unions said that they would hold off, and a clerk who would not give a name said the date was rushed.")
    document = Document("article.txt", text, "0")
    claims = resolve_speakers(document, get_extractor().find_claims(document))
    ctx = context(text, claims)
    weights = _weights()
    weighted = {name.split("=", 1)[0] for name in weights}
    for i, r in enumerate(ctx.claims):
        every, used = features(r, ctx, i, every=True), features(r, ctx, i)
        assert set(used) <= set(every)
        assert {f for f in every if f.split("=", 1)[0] in weighted} <= set(used)
        assert sum(weights.get(f, 0.0) for f in used) == sum(weights.get(f, 0.0) for f in every)


def test_a_speaker_phrase_after_another_cue_is_marked():
    found = scored("Aid workers said that the villagers had said the road was closed.")
    assert "cue_before=cue_that" in found["villagers"][1]
    assert not any(f.startswith("cue_before=cue") for f in found["Aid workers"][1])


def test_how_far_back_the_antecedent_stands_is_described():
    text = 'Tove Brandt chaired the hearing.\n\n"The port stays open," she said.'
    found = scored(text)
    features_ = set(found["Tove Brandt"][1])
    assert {"antecedent_paragraphs=1", "number+type=one+person", "speaker_in_sentence+quoted=yes+whole"} <= features_


def test_a_name_word_is_counted_as_reading_every_capitalised_word_counts_it():
    # Looked for one name word at a time; the counts must be those of the whole text read at
    # once: inside other words ("McBlair", "Blairite"), before "'s", in capitals, "İ" moving
    # offsets, the Kelvin sign lowering to "k", one-letter words.
    texts = ["Mr Blair met McBlair and BLAIR. Blairite Blair's aides said O'Neill and o'Neill, K Kim. I",
             "İstanbul: Mr Blair, \u212aim and Kim met. blair Blair", "US bus US-made \u212a"]
    for text in texts:
        ctx, whole = context(text, []), context(text, []).counts()
        for word in set(whole) | {"blair", "kim", "o'neill", "neill", "us", "i", "k", "mr", "absent"}:
            assert ctx.written(word) == whole.get(word, 0), (text, word)
