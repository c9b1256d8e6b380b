"""Polarity and modality: one case per rule of claimsdb.resolve.positions, then the same
fields through ingest, query, export, show and eval."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.pipeline import analyse
from claimsdb.records import Document, Speaker
from claimsdb.resolve.positions import _hits, _lexicon, classify
from factories import claim, document

runner = CliRunner()

# (rule, sentence, cue, statement, kind, speaker, expected polarity, expected modality)
CASES = [
    ("plain statement", "The mayor said the bridge reopened on Monday.", "said",
     "the bridge reopened on Monday", "indirect", "mayor", "positive", "assert"),
    ("negation of the main predicate", "The mayor said the bridge has not reopened.", "said",
     "the bridge has not reopened", "indirect", "mayor", "negative", "assert"),
    ("negation only in a relative clause", "The mayor said the bridge, which was not damaged, reopened.",
     "said", "the bridge, which was not damaged, reopened", "indirect", "mayor", "positive", "assert"),
    ("cue: rule out", "Norway ruled out a tax on fishing boats.", "ruled out",
     "a tax on fishing boats", "indirect", "Norway", "negative", "intend"),
    ("cue: deny", "The firm denied that it had paid the officials.", "denied",
     "it had paid the officials", "indirect", "firm", "negative", "assert"),
    ("cue: condemn", "The union condemned the closure of the plant.", "condemned",
     "the closure of the plant", "indirect", "union", "negative", "assert"),
    ("cue: accuse", "The mayor accused the builders of cutting corners.", "accused",
     "the builders of cutting corners", "indirect", "mayor", "negative", "assert"),
    ("cue: question", "The auditor questioned the value of the toll bridge.", "questioned",
     "the value of the toll bridge", "indirect", "auditor", "negative", "assert"),
    ("cue: urge", "The mayor urged residents to save water.", "urged",
     "residents to save water", "indirect", "mayor", "positive", "demand"),
    ("cue: call for", "The union called for a new contract.", "called for",
     "a new contract", "indirect", "union", "positive", "demand"),
    ("cue: promise", "The mayor promised to fix the roads.", "promised",
     "to fix the roads", "indirect", "mayor", "positive", "intend"),
    ("cue: vow", "The coach vowed to win the cup.", "vowed",
     "to win the cup", "indirect", "coach", "positive", "intend"),
    ("cue: warn with a listener and an infinitive", "Police warned drivers to avoid the motorway.",
     "warned", "drivers to avoid the motorway", "indirect", "Police", "positive", "demand"),
    ("cue: warn about a possibility", "The agency warned that prices could rise.", "warned",
     "prices could rise", "indirect", "agency", "positive", "possible"),
    ("litotes: no doubt", "The coach said he had no doubt the team was fit.", "said",
     "he had no doubt the team was fit", "indirect", "coach", "positive", "assert"),
    ("litotes: did not object", "The council said it did not object to the plan.", "said",
     "it did not object to the plan", "indirect", "council", "positive", "assert"),
    ("litotes: not only ... but also", "The mayor said the park not only survived but also grew.", "said",
     "the park not only survived but also grew", "indirect", "mayor", "positive", "assert"),
    ("words that condemn", "The minister said the vote was illegal.", "said",
     "the vote was illegal", "indirect", "minister", "negative", "assert"),
    ("regret and concern", "The mayor said he was concerned over the closures.", "said",
     "he was concerned over the closures", "indirect", "mayor", "negative", "assert"),
    ("a call against a wrong stays positive", "The mayor urged an inquiry into the crimes.", "urged",
     "an inquiry into the crimes", "indirect", "mayor", "positive", "demand"),
    ("modal: could", "The mayor said the works could take a year.", "said",
     "the works could take a year", "indirect", "mayor", "positive", "possible"),
    ("modal: must", "The mayor said the city must act now.", "said",
     "the city must act now", "indirect", "mayor", "positive", "demand"),
    ("modal: should", "The mayor said landlords should lower rents.", "said",
     "landlords should lower rents", "indirect", "mayor", "positive", "demand"),
    ("no need is not a demand", "The mayor said there is no need to panic.", "said",
     "there is no need to panic", "indirect", "mayor", "negative", "assert"),
    ("ready to", "The mayor said the city is ready to host the games.", "said",
     "the city is ready to host the games", "indirect", "mayor", "positive", "intend"),
    ("plan to, negated", "Sweden said it does not plan to raise taxes.", "said",
     "it does not plan to raise taxes", "indirect", "Sweden", "negative", "intend"),
    ("a plan (noun) is no intention", "The paper said the council has a plan to sell the land.", "said",
     "the council has a plan to sell the land", "indirect", "paper", "positive", "assert"),
    ("will, said by the speaker's side", "The mayor said we will build a school.", "said",
     "we will build a school", "indirect", "mayor", "positive", "intend"),
    ("would not, the speaker's country", "Norway said Oslo would not take part.", "said",
     "Oslo would not take part", "indirect", Speaker("Norway", type="country", country="NO"),
     "negative", "intend"),
    ("would, someone else's", "The mayor said the merger would hurt small shops.", "said",
     "the merger would hurt small shops", "indirect", "mayor", "positive", "possible"),
    ("hedged intention", "The mayor said some firms could be willing to invest.", "said",
     "some firms could be willing to invest", "indirect", "mayor", "positive", "possible"),
    ("conditional: if", "The mayor said the bridge would open if funds arrived.", "said",
     "the bridge would open if funds arrived", "indirect", "mayor", "positive", "conditional"),
    ("conditional: only under", "Chile said it would send doctors only under a UN mandate.", "said",
     "it would send doctors only under a UN mandate", "indirect", "Chile", "positive", "conditional"),
    ("conditional: only after", "The mayor said the tax will go only after the election.", "said",
     "the tax will go only after the election", "indirect", "mayor", "positive", "conditional"),
    ("conditional: unless", "The mayor said the park will close unless donors step in.", "said",
     "the park will close unless donors step in", "indirect", "mayor", "positive", "conditional"),
    ("conditional: provided that", "The union said it will sign provided that wages rise.", "said",
     "it will sign provided that wages rise", "indirect", "union", "positive", "conditional"),
    ("conditional: without ... would", "The mayor said a sale without a vote would be unlawful.", "said",
     "a sale without a vote would be unlawful", "indirect", "mayor", "negative", "conditional"),
    ("conditional: inverted should", "The mayor said prices may rise should Congress delay the bill.", "said",
     "prices may rise should Congress delay the bill", "indirect", "mayor", "positive", "conditional"),
    ("as if is no condition", "The mayor said the city looks as if it were new.", "said",
     "the city looks as if it were new", "indirect", "mayor", "positive", "assert"),
    ("leading if-clause: the main clause decides", 'The mayor said: "If it rains, we will not open."', "said",
     '"If it rains, we will not open."', "direct", "mayor", "negative", "conditional"),
    ("but: the statement is what follows", "The mayor said there are many ideas, but no money.", "said",
     "there are many ideas, but no money", "indirect", "mayor", "negative", "assert"),
    ("first person in a quotation: we condemn", 'The union said: "We condemn this decision."', "said",
     '"We condemn this decision."', "direct", "union", "negative", "assert"),
    ("first person in a quotation: I urge", 'The mayor said: "I urge everyone to stay home."', "said",
     '"I urge everyone to stay home."', "direct", "mayor", "positive", "demand"),
    ("first sentence of a long quotation", 'The mayor said: "We cannot wait. Maybe we could ask."', "said",
     '"We cannot wait. Maybe we could ask."', "direct", "mayor", "negative", "assert"),
    ("expressed readiness", "Ghana expressed readiness to send engineers.", "expressed readiness",
     "expressed readiness to send engineers", "indirect", "Ghana", "positive", "intend"),
    ("reported denial in the content", "The ministry said Peru ruled out new tolls.", "said",
     "Peru ruled out new tolls", "indirect", "ministry", "negative", "assert"),
    ("a denial in a gerund is not the predicate", "The paper said Peru joined others in refusing to vote.",
     "said", "Peru joined others in refusing to vote", "indirect", "paper", "positive", "assert"),
    ("hope as a noun is no intention", "The mayor said the vote ended the last hope of a deal.", "said",
     "the vote ended the last hope of a deal", "indirect", "mayor", "positive", "assert"),
    ("hopes for one's own side", "The mayor said she hopes to open the pool in May.", "said",
     "she hopes to open the pool in May", "indirect", "mayor", "positive", "intend"),
    ("expressed concern", "The bank expressed concern about inflation.", "expressed concern",
     "about inflation", "indirect", "bank", "negative", "assert"),
    ("a cue-only verb in the content is no denial", "The paper said rebels blasted a bridge.", "said",
     "rebels blasted a bridge", "indirect", "paper", "positive", "assert"),
    ("fear reported in the content is no stance", "The paper said families feared the worst.", "said",
     "families feared the worst", "indirect", "paper", "positive", "assert"),
    ("a quotation has no listener before its infinitive", '"I am happy to see the roads open," the mayor told us.',
     "told", '"I am happy to see the roads open,"', "direct", "mayor", "positive", "assert"),
    ("the importance of: a noun that demands", "The mayor stressed the importance of saving water.", "stressed",
     "the importance of saving water", "indirect", "mayor", "positive", "demand"),
    ("conditional: only post-", "The mayor said a tax is possible, but only post-election.", "said",
     "a tax is possible, but only post-election", "indirect", "mayor", "positive", "conditional"),
    ("a demand verb in the content", "The union said it backs the strike and urged members to join.", "said",
     "it backs the strike and urged members to join", "indirect", "union", "positive", "demand"),
    ("the demands (a noun) ask nothing", "The mayor said the demands of the union were met.", "said",
     "the demands of the union were met", "indirect", "mayor", "positive", "assert"),
    ("necessitate", "The mayor said the works will necessitate new roads.", "said",
     "the works will necessitate new roads", "indirect", "mayor", "positive", "demand"),
    ("considering", "The mayor said the city is considering a new tax.", "said",
     "the city is considering a new tax", "indirect", "mayor", "positive", "possible"),
    ("accusing: a wrong with its culprit", "The union said guards fired on the strikers.", "said",
     "guards fired on the strikers", "indirect", "union", "negative", "assert"),
    ("accusing: a passive with its culprit", "The mayor said the money was stolen by the board.", "said",
     "the money was stolen by the board", "indirect", "mayor", "negative", "assert"),
    ("a bad event without a culprit is no accusation", "The mayor said ten houses burned down.", "said",
     "ten houses burned down", "indirect", "mayor", "positive", "assert"),
    ("an accusation in a reason clause accuses no one", "The mayor said he came because shops were attacked by thieves.",
     "said", "he came because shops were attacked by thieves", "indirect", "mayor", "positive", "assert"),
    ("a noun naming a wrong is a topic", "The bank said card fraud has fallen.", "said",
     "card fraud has fallen", "indirect", "bank", "positive", "assert"),
    ("litotes: should not be ignored", "The mayor said the warning should not be ignored.", "said",
     "the warning should not be ignored", "indirect", "mayor", "positive", "demand"),
    ("litotes: would not exclude", "The mayor said she would not exclude a second vote.", "said",
     "she would not exclude a second vote", "indirect", "mayor", "positive", "intend"),
    ("litotes: could not remain silent", "The mayor said the council could not remain silent about the port.", "said",
     "the council could not remain silent about the port", "indirect", "mayor", "positive", "assert"),
    ("words that condemn: a missed opportunity", "The mayor called the vote a missed opportunity.", "called",
     "the vote a missed opportunity", "indirect", "mayor", "negative", "assert"),
    ("regret of the speaker's side", 'The coach said: "Obviously, we are all disappointed."', "said",
     '"Obviously, we are all disappointed."', "direct", "coach", "negative", "assert"),
    ("concern of the speaker after I'm", 'The coach said: "I\'m very concerned about the pitch."', "said",
     '"I\'m very concerned about the pitch."', "direct", "coach", "negative", "assert"),
    ("someone else's concern is a fact reported", "The mayor said parents were concerned about the school.", "said",
     "parents were concerned about the school", "indirect", "mayor", "positive", "assert"),
    ("as far as I'm concerned is no concern", 'The coach said: "As far as I\'m concerned, he is the best."', "said",
     '"As far as I\'m concerned, he is the best."', "direct", "coach", "positive", "assert"),
    ("can't negates", 'The mayor said: "We can\'t pay for a new bridge."', "said",
     '"We can\'t pay for a new bridge."', "direct", "mayor", "negative", "assert"),
    ("litotes: can't deny", 'The mayor said: "I can\'t deny the plan worked."', "said",
     '"I can\'t deny the plan worked."', "direct", "mayor", "positive", "assert"),
    ("a modal in a that-clause is not the speaker's", "The mayor said the city has shown that it can act.", "said",
     "the city has shown that it can act", "indirect", "mayor", "positive", "assert"),
    ("a modal in a relative that-clause", "The mayor said the plan is a step that could help.", "said",
     "the plan is a step that could help", "indirect", "mayor", "positive", "assert"),
    ("a risk that: the that-clause is weighed", "The mayor said there is a risk that rents would rise.", "said",
     "there is a risk that rents would rise", "indirect", "mayor", "positive", "possible"),
    ("someone else's plan is reported, not intended", "The mayor said the rebels plan to seize the port.", "said",
     "the rebels plan to seize the port", "indirect", "mayor", "positive", "assert"),
    ("a body the speaker speaks for", "The mayor said the council is prepared to sell the land.", "said",
     "the council is prepared to sell the land", "indirect", "mayor", "positive", "intend"),
    ("conditional: a sentence opening with should", "The mayor said: \"Should the river rise, we will close the road.\"",
     "said", "\"Should the river rise, we will close the road.\"", "direct", "mayor", "positive", "conditional"),
    ("a question opening with should is no condition", "The mayor asked: \"Should we close the road, or wait?\"",
     "asked", "\"Should we close the road, or wait?\"", "direct", "mayor", "positive", "demand"),
    ("conditional: a sentence opening with until", "The mayor said: \"Until the bridge is repaired, the ferry will run.\"",
     "said", "\"Until the bridge is repaired, the ferry will run.\"", "direct", "mayor", "positive", "conditional"),
    ("until now is no condition", "The mayor said: \"Until now, the ferry has run daily.\"",
     "said", "\"Until now, the ferry has run daily.\"", "direct", "mayor", "positive", "assert"),
    ("litotes: cannot take for granted", "The mayor said: \"We cannot take for granted that the peace will last.\"",
     "said", "\"We cannot take for granted that the peace will last.\"", "direct", "mayor", "positive", "demand"),
    ("a regret giving a reason is not the statement", "The firm said it sold the plant because it feared losses.",
     "said", "it sold the plant because it feared losses", "indirect", "firm", "positive", "assert"),
    ("litotes: can't wait to", 'The striker said: "I can\'t wait to play again."', "said",
     '"I can\'t wait to play again."', "direct", "striker", "positive", "assert"),
    ("a rhetorical why can't asks for something", 'The coach said: "Why can\'t we just replay the match?"', "said",
     '"Why can\'t we just replay the match?"', "direct", "coach", "positive", "demand"),
    ("litotes: could not ask for a better", 'The coach said: "We could not ask for a better start."', "said",
     '"We could not ask for a better start."', "direct", "coach", "positive", "assert"),
    ("as long as it takes is no condition", "The union said the strike will go on as long as it takes.", "said",
     "the strike will go on as long as it takes", "indirect", "union", "positive", "assert"),
    ("accusing: the speaker's side was targeted", "The union said its offices were targeted by vandals.", "said",
     "its offices were targeted by vandals", "indirect", "union", "negative", "assert"),
    ("calling something a wrong decides even in an intention", "The mayor said the city would regard a sale as a provocation.",
     "said", "the city would regard a sale as a provocation", "indirect", "mayor", "negative", "intend"),
    ("someone else's demand is reported", "The mayor said the rebels demanded a ransom.", "said",
     "the rebels demanded a ransom", "indirect", "mayor", "positive", "assert"),
    ("a passive call is no call", "The mayor said the vote was called on Monday.", "said",
     "the vote was called on Monday", "indirect", "mayor", "positive", "assert"),
    ("rejected calls are not asked for", "The mayor rejected calls for a new tax.", "rejected",
     "calls for a new tax", "indirect", "mayor", "negative", "assert"),
    ("repeated calls are asked for", "The mayor repeated calls for a new tax.", "repeated",
     "calls for a new tax", "indirect", "mayor", "positive", "demand"),
    ("a that-clause after a verb of saying carries the statement", "The mayor said we have indicated that we will sell.",
     "said", "we have indicated that we will sell", "indirect", "mayor", "positive", "intend"),
    ("a pronoun after a reported said is someone else's", "The pollster said most voters said they will stay home.",
     "said", "most voters said they will stay home", "indirect", "pollster", "positive", "assert"),
    ("a failure someone is blamed for accuses", "The mayor said the port authority had failed to dredge the harbour.",
     "said", "the port authority had failed to dredge the harbour", "indirect", "mayor", "negative", "assert"),
    ("calling something meaningless opposes it", "The mayor said the new tram fares were meaningless.",
     "said", "the new tram fares were meaningless", "indirect", "mayor", "negative", "assert"),
    ("no threat asserts", "The mayor said the new ferry line posed no threat to the fishermen.",
     "said", "the new ferry line posed no threat to the fishermen", "indirect", "mayor", "positive", "assert"),
    ("an article in the speaker's mention names nobody", "The leader of the party said the rest would go to schools.",
     "said", "the rest would go to schools", "indirect", "The leader of the party", "positive", "possible"),
]


@pytest.mark.parametrize(
    ("sentence", "cue", "statement", "kind", "speaker", "polarity", "modality"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_position_rules(sentence, cue, statement, kind, speaker, polarity, modality):
    doc = document(sentence)
    if isinstance(speaker, str):
        speaker = Speaker(speaker)
    candidate = claim(doc, statement, speaker, cue=cue, kind=kind)
    position = classify(doc.text, candidate)
    assert (position.polarity, position.modality) == (polarity, modality)


@pytest.mark.parametrize("sentence", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_position_words_are_found_whatever_the_case_and_letters(sentence):
    # ASCII sentences are scanned in lower case, others with a pattern that ignores case: both
    # must find the same words at the same offsets, in capitals and beside accented letters.
    pattern, _ = _lexicon()
    for variant in (sentence, sentence.upper(), sentence.title(), f"{sentence} Zürich", f"ZÜRICH: {sentence.upper()}"):
        expected = [(m.start(), m.end()) for m in pattern.finditer(variant)]
        assert [(h.start, h.end) for h in _hits(variant)] == expected, variant


ARTICLE = """Harbour plan divides the coast

Norway ruled out a tax on fishing boats, the finance ministry said on Monday.

The mayor of Bergen urged the government to fund the new harbour.

"We will build the harbour only if the state pays half," the mayor said.
"""


def _ingest(tmp_path):
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "harbour.txt")])
    assert result.exit_code == 0, result.output


def test_export_has_polarity_and_modality_after_the_provenance_columns(tmp_path):
    _ingest(tmp_path)
    result = runner.invoke(app, ["export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header.index("polarity") > header.index("rule") and header.index("modality") == header.index("polarity") + 1
    by_text = {row["text"]: (row["polarity"], row["modality"]) for row in rows}
    assert ("negative", "intend") in by_text.values()
    assert any(v == ("positive", "demand") for t, v in by_text.items() if "fund the new harbour" in t)
    assert any(v == ("positive", "conditional") for t, v in by_text.items() if "only if" in t)


def test_polarity_and_modality_filters(tmp_path):
    _ingest(tmp_path)
    result = runner.invoke(app, ["query", "--polarity", "negative", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(row["polarity"] == "negative" for row in rows)
    assert any("fishing boats" in row["text"] for row in rows)
    result = runner.invoke(app, ["export", "--modality", "conditional", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["modality"] for row in rows] == ["conditional"]
    result = runner.invoke(app, ["query", "--modality", "maybe"])
    assert result.exit_code == 2


def test_show_names_the_position(tmp_path):
    _ingest(tmp_path)
    claim_id = json.loads(runner.invoke(app, ["query", "--polarity", "negative", "--format", "json"]).stdout)[0]["claim_id"]
    result = runner.invoke(app, ["show", str(claim_id)])
    assert result.exit_code == 0, result.output
    assert "Position    negative, " in result.stdout


def test_eval_scores_polarity_and_modality(tmp_path):
    _ingest(tmp_path)
    gold = tmp_path / "gold.jsonl"
    items = [
        {"doc": "harbour.txt", "keys": ["Norway"], "evidence": "a tax on fishing boats",
         "polarity": "negative", "modality": "intend"},
        {"doc": "harbour.txt", "keys": ["Bergen", "mayor"], "evidence": "to fund the new harbour",
         "polarity": "negative", "modality": "demand"},
    ]
    gold.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--show-misses"])
    assert result.exit_code == 0, result.output
    assert "Polarity accuracy  0.500" in result.stdout
    assert "Modality accuracy  1.000" in result.stdout
    assert "gold negative demand, stored positive demand" in result.stdout


@pytest.mark.parametrize("headline", [
    "Minister Scoffs at New Harbour Fees", "Union Hits Out at Pension Plan", "Mayor Blasts Ferry Delays",
])
def test_a_headline_verb_of_scorn_takes_a_negative_position(headline):
    text = headline + "\n\nThe talks went on in Bergen on Monday.\n"
    found = analyse(Document(path="a.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest()))
    assert [(c.rule, c.polarity) for c in found] == [("headline-verb", "negative")]


def test_first_person_words_are_found_alike_in_lowered_ascii_text():
    from claimsdb.resolve.positions import _FIRST_PERSON, _FIRST_PERSON_LOWER

    for sentence in ["We condemn it, and I strongly urge talks", "WE ALSO WANT TO leave; i want to go",
                     "Wi we_x we  continue  to  call", "Hawaii we again reject, Iwe I-x", "I\x1cdeny it"]:
        assert ([(m.span(), m.group(1).lower()) for m in _FIRST_PERSON.finditer(sentence)]
                == [(m.span(), m.group(1)) for m in _FIRST_PERSON_LOWER.finditer(sentence.lower())])
