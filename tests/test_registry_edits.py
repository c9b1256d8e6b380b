"""Registry fixes that every later ingest and `ingest --force` keep: an actor's type
(`claims actors set-type`, a registry row of another type), merges into an actor of any type,
and one claim's speaker (`claims reassign`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb import pipeline
from claimsdb.cli import app
from claimsdb.records import ClaimCandidate, Speaker
from factories import said_claims

runner = CliRunner()

# Sentences written for these tests. What the real extractor makes of them is part of what
# they check: it takes the spokesman for a person, "the British prime minister" for an
# organisation and Moscow for the country Russia.
GENEVA = """Talks in Geneva

GENEVA, March 3, 2025 - Kremlin spokesman Dmitry Peskov said on Monday that the talks had been useful. The Kremlin said it would wait for a written proposal.

The British prime minister said London would keep its sanctions in place. Moscow said the sanctions were illegal.
"""
LONDON = """Sanctions stay

LONDON, March 5, 2025 - Keir Starmer said on Wednesday that the sanctions would stay.
"""
MOSCOW = """More talks

MOSCOW, March 9, 2025 - Kremlin spokesman Dmitry Peskov said on Sunday that no date had been set. The British prime minister said he was ready to travel. Moscow said it expected an answer.
"""


def claims(*args: str):
    return runner.invoke(app, list(args))


def ok(*args: str):
    result = claims(*args)
    assert result.exit_code == 0, result.output
    return result


def exported(*args: str) -> list[dict]:
    return [json.loads(line) for line in ok("export", "-f", "jsonl", *args).stdout.splitlines()]


def speakers_by_document(*args: str) -> dict[str, set[tuple[str, str]]]:
    """{document file name: {(speaker, speaker type)}}."""
    found: dict[str, set[tuple[str, str]]] = {}
    for row in exported(*args):
        found.setdefault(Path(row["document"]).name, set()).add((row["speaker"], row["speaker_type"]))
    return found


def registry() -> dict[str, dict]:
    return {row["name"]: row for row in csv.DictReader(io.StringIO(ok("actors", "export").stdout, newline=""))}


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def geneva(tmp_path):
    ok("ingest", write(tmp_path, "geneva.txt", GENEVA), write(tmp_path, "london.txt", LONDON))
    assert speakers_by_document()["geneva.txt"] == {
        ("Dmitry Peskov", "person"), ("Kremlin", "organization"),
        ("British prime minister", "organization"), ("Russia", "country"),
    }
    return tmp_path


def test_merges_into_an_organisation_and_across_types_hold_for_later_ingests_and_force(geneva):
    result = ok("actors", "merge", "Kremlin", "Dmitry Peskov")
    assert "Merged Dmitry Peskov" in result.stdout
    ok("actors", "merge", "Keir Starmer", "British prime minister")
    merged = {
        "geneva.txt": {("Kremlin", "organization"), ("Keir Starmer", "person"), ("Russia", "country")},
        "london.txt": {("Keir Starmer", "person")},
    }
    assert speakers_by_document() == merged

    ok("ingest", write(geneva, "moscow.txt", MOSCOW))
    assert speakers_by_document()["moscow.txt"] == {
        ("Kremlin", "organization"), ("Keir Starmer", "person"), ("Russia", "country"),
    }
    ok("ingest", str(geneva / "geneva.txt"), "--force")
    assert speakers_by_document("--document", "geneva.txt") == {"geneva.txt": merged["geneva.txt"]}
    assert set(registry()) == {"Kremlin", "Keir Starmer", "Russia"}
    # A person's role does not become the organisation's.
    assert registry()["Kremlin"]["role"] == ""


def test_a_merge_into_an_actor_later_merged_again_follows_it(geneva):
    ok("actors", "merge", "Kremlin", "Dmitry Peskov")
    ok("actors", "merge", "Russia", "Kremlin")
    ok("ingest", write(geneva, "moscow.txt", MOSCOW))
    assert ("Russia", "country") in speakers_by_document()["moscow.txt"]
    assert not {name for name, _ in speakers_by_document()["moscow.txt"]} & {"Kremlin", "Dmitry Peskov"}


def test_set_type_changes_the_type_and_holds_for_later_ingests_and_force(geneva):
    result = ok("actors", "set-type", "Russia", "group")
    assert result.stdout == "Russia (id 4): type group (was country).\n"
    assert registry()["Russia"]["type"] == "group"
    # Articles still give Moscow as a country: it is the same actor, with the type you set.
    ok("ingest", write(geneva, "moscow.txt", MOSCOW))
    ok("ingest", str(geneva / "geneva.txt"), "--force")
    assert {row["speaker_type"] for row in exported("--actor", "Russia")} == {"group"}
    assert len(exported("--actor", "Russia")) == 2
    assert [name for name in registry() if name == "Russia"] == ["Russia"]
    assert len(registry()) == 5


def test_set_type_refuses_an_unknown_type_or_actor(geneva):
    result = claims("actors", "set-type", "Russia", "planet")
    assert result.exit_code == 2
    assert "'planet' is not one of" in result.output
    result = claims("actors", "set-type", "Atlantis", "country")
    assert (result.exit_code, result.stderr) == (1, "Error: no actor named 'Atlantis'; `claims actors` lists them\n")


def test_an_import_row_of_another_type_updates_the_actor(geneva):
    write(geneva, "registry.csv", "name,aliases,type\nRussia,Moscow,group\nKremlin,,organization\n")
    result = ok("actors", "import", "registry.csv")
    assert "Created" in result.stdout
    assert "│       0 │       1 │         1 │       0 │" in result.stdout
    actors = registry()
    assert (actors["Russia"]["type"], len(actors)) == ("group", 5)
    ok("ingest", write(geneva, "moscow.txt", MOSCOW))
    assert ("Russia", "group") in speakers_by_document()["moscow.txt"]
    assert len(registry()) == 5


@pytest.fixture
def said(monkeypatch):
    """Every "Name said x." is a claim: what the extractor finds is not under test here."""
    monkeypatch.setattr(pipeline, "analyse", said_claims)


def test_reassign_fixes_one_claim_and_the_fix_survives_force(said, tmp_path):
    path = write(tmp_path, "a.txt", "Tony Blair said taxes will fall. Tony Blair said Gordon Brown agreed. Gordon Brown said nothing.")
    ok("ingest", path)
    rows = exported()
    assert [(r["speaker"], r["speaker_edited"]) for r in rows] == [("Tony Blair", False)] * 2 + [("Gordon Brown", False)]
    result = ok("reassign", str(rows[0]["claim_id"]), "Brown")
    assert result.stdout == f"Claim {rows[0]['claim_id']}: speaker Gordon Brown (id 2) (was Tony Blair (id 1)).\n"
    expected = [("taxes will fall", "Gordon Brown", True), ("Gordon Brown agreed", "Tony Blair", False),
                ("nothing", "Gordon Brown", False)]
    assert [(r["text"], r["speaker"], r["speaker_edited"]) for r in exported()] == expected

    ok("ingest", path, "--force")
    assert [(r["text"], r["speaker"], r["speaker_edited"]) for r in exported()] == expected
    # The CSV marks it too, in its own column.
    rows = list(csv.DictReader(io.StringIO(ok("export").stdout)))
    assert [row["speaker_edited"] for row in rows] == ["True", "False", "False"]
    # A merge of the chosen speaker carries the fix along.
    ok("actors", "merge", "Tony Blair", "Gordon Brown")
    ok("ingest", path, "--force")
    assert [(r["speaker"], r["speaker_edited"]) for r in exported()] == [("Tony Blair", True), ("Tony Blair", False), ("Tony Blair", False)]


def _coordinated(document) -> list[ClaimCandidate]:
    """"A and B said x": one claim per speaker, with the same content span."""
    text = document.text
    start = text.index("said ") + len("said ")
    end = text.index(".", start)
    return [
        ClaimCandidate(kind="indirect", text_start=start, text_end=end, speaker_start=text.index(name),
                       speaker_end=text.index(name) + len(name), speaker=Speaker(name), cue="said",
                       cue_start=start - 5, cue_end=start - 1)
        for name in ("Anna Berg", "Carl Dahl")
    ]


def test_reassign_tells_apart_claims_that_share_their_content(monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "analyse", _coordinated)
    path = write(tmp_path, "a.txt", "Anna Berg and Carl Dahl said the bridge will open.")
    ok("ingest", path)
    write(tmp_path, "r.csv", "name\nErik Falk\n")
    ok("actors", "import", "r.csv")
    second = exported()[1]["claim_id"]
    ok("reassign", str(second), "Erik Falk")
    ok("ingest", path, "--force")
    assert [(r["speaker_mention"], r["speaker"], r["speaker_edited"]) for r in exported()] == [
        ("Anna Berg", "Anna Berg", False), ("Carl Dahl", "Erik Falk", True),
    ]


def test_reassign_errors_name_the_problem(said, tmp_path):
    ok("ingest", write(tmp_path, "a.txt", "Tony Blair said yes."))
    claim_id = str(exported()[0]["claim_id"])
    result = claims("reassign", "999", "Blair")
    assert (result.exit_code, result.stderr) == (1, "Error: no claim with id 999\n")
    result = claims("reassign", claim_id, "Nobody")
    assert result.exit_code == 1 and "no actor named 'Nobody'" in result.stderr
    result = claims("reassign", "one", "Blair")
    assert result.exit_code == 2
    assert exported()[0]["speaker_edited"] is False
    result = ok("reassign", claim_id, "Blair")
    assert "already had Tony Blair (id 1) as speaker" in result.stdout
    assert exported()[0]["speaker_edited"] is True


@pytest.mark.parametrize("command", [("reassign",), ("actors", "set-type")])
def test_new_commands_have_help_with_an_example(command):
    result = claims(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
