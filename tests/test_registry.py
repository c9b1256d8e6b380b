"""Users fix the actor registry (`claims actors merge / rename / set-country / set-role /
import / export`), and later ingests honour their edits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from claimsdb import pipeline
from claimsdb.cli import app
from claimsdb.models import Actor, ActorAlias, Claim
from claimsdb.registry import REGISTRY_COLUMNS, export_registry, import_registry
from claimsdb.resolve.names import name_key
from factories import said_claims

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SUBCOMMANDS = ["merge", "rename", "set-country", "set-role", "import", "export"]


def claims(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def said(monkeypatch):
    """Every "Name said x." is a claim: what the extractor finds is not under test here."""
    monkeypatch.setattr(pipeline, "analyse", said_claims)


def ingest_text(tmp_path, name: str, text: str, *options: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = claims("ingest", str(path), *options)
    assert result.exit_code == 0, result.output


def speakers(*args: str) -> list[str]:
    result = claims("export", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["speaker"] for line in result.stdout.splitlines()]


def registry() -> dict[str, dict]:
    result = claims("actors", "export")
    assert result.exit_code == 0, result.output
    return {row["name"]: row for row in csv.DictReader(io.StringIO(result.stdout, newline=""))}


@pytest.fixture
def two_zelenskyys(said, tmp_path):
    """One person stored as two actors, under his name and under a nickname."""
    ingest_text(tmp_path, "a.txt", "Volodymyr Zelenskyy said tanks arrived. Kaja Kallas said talks go on.")
    ingest_text(tmp_path, "b.txt", "Vova said peace is near. Vova said the army holds.")


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_registry_command_has_help_with_an_example(command):
    result = claims("actors", command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


def test_merge_moves_claims_and_names(two_zelenskyys, tmp_path):
    result = claims("actors", "merge", "Zelensky", "vova")
    assert result.exit_code == 0, result.output
    assert "Merged Vova" in result.stdout and ": 2 claims and 1 name moved" in result.stdout
    assert speakers("--actor", "Vova") == ["Volodymyr Zelenskyy"] * 3
    assert "Vova" not in registry()
    assert registry()["Volodymyr Zelenskyy"]["aliases"] == "Vova"
    # A later article's "Vova" joins the merged actor instead of making a new one.
    ingest_text(tmp_path, "c.txt", "Vova said winter is coming.")
    assert speakers("--document", "c.txt") == ["Volodymyr Zelenskyy"]


def test_merge_dry_run_names_both_actors_and_changes_nothing(two_zelenskyys):
    result = claims("actors", "merge", "Zelensky", "vova", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Would merge Vova (id ") and "into Volodymyr Zelenskyy (id " in result.stdout
    assert "2 claims would move" in result.stdout and "Nothing changed" in result.stdout
    assert set(speakers()) == {"Volodymyr Zelenskyy", "Kaja Kallas", "Vova"}


def test_merge_at_a_terminal_asks_first(two_zelenskyys, monkeypatch):
    monkeypatch.setattr("claimsdb.cli._at_a_terminal", lambda: True)
    refused = runner.invoke(app, ["actors", "merge", "Zelensky", "vova"], input="n\n")
    assert refused.exit_code == 1 and "cannot be undone" in refused.output
    assert "Vova" in set(speakers())
    accepted = runner.invoke(app, ["actors", "merge", "Zelensky", "vova"], input="y\n")
    assert accepted.exit_code == 0 and "Merged Vova" in accepted.stdout
    assert "Vova" not in set(speakers())
    # --yes answers for a script run at a terminal.
    scripted = runner.invoke(app, ["actors", "merge", "Zelensky", "Kallas", "--yes"])
    assert scripted.exit_code == 0 and "?" not in scripted.stdout


def test_merge_by_id(two_zelenskyys):
    ids = {row["speaker"]: row["actor_id"] for row in map(json.loads, claims("export", "-f", "jsonl").stdout.splitlines())}
    result = claims("actors", "merge", str(ids["Volodymyr Zelenskyy"]), str(ids["Vova"]))
    assert result.exit_code == 0, result.output
    assert set(speakers()) == {"Volodymyr Zelenskyy", "Kaja Kallas"}


def test_merge_errors_name_the_problem(two_zelenskyys, said, tmp_path):
    result = claims("actors", "merge", "Zelensky", "Nobody")
    assert (result.exit_code, result.stderr) == (1, "Error: no actor named 'Nobody'; `claims actors` lists them\n")
    result = claims("actors", "merge", "Zelensky", "Zelenskiy")
    assert result.exit_code == 1 and "same actor" in result.stderr
    ingest_text(tmp_path, "c.txt", "Tony Blair said yes. Cherie Blair said no.")
    result = claims("actors", "merge", "Blair", "Vova")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 'Blair' could be 2 actors: Tony Blair (id ")
    assert "Cherie Blair (id " in result.stderr and "give the id instead" in result.stderr
    assert "Traceback" not in result.output


def test_rename_keeps_the_old_name_as_an_alias(two_zelenskyys, tmp_path):
    result = claims("actors", "rename", "Vova", "Volodymyr Oleksandrovych")
    assert result.exit_code == 0, result.output
    assert speakers("--actor", "Vova") == ["Volodymyr Oleksandrovych"] * 2
    ingest_text(tmp_path, "c.txt", "Vova said winter is coming.")
    assert speakers("--document", "c.txt") == ["Volodymyr Oleksandrovych"]
    # A name another actor has would make two actors answer to it: merging is the way.
    result = claims("actors", "rename", "Vova", "Kaja Kallas")
    assert result.exit_code == 1
    assert "run: claims actors merge" in result.stderr


def test_set_country_and_role(two_zelenskyys):
    assert claims("actors", "set-country", "Zelensky", "Ukrainian").exit_code == 0
    result = claims("actors", "set-role", "Zelensky", "President")
    assert result.exit_code == 0
    assert "role President" in result.stdout
    row = registry()["Volodymyr Zelenskyy"]
    assert (row["country"], row["role"]) == ("UA", "President")
    assert speakers("--country", "UA") == ["Volodymyr Zelenskyy"]
    assert claims("actors", "set-country", "Zelensky", "-").exit_code == 0
    assert registry()["Volodymyr Zelenskyy"]["country"] == ""
    result = claims("actors", "set-country", "Zelensky", "Atlantis")
    assert result.exit_code == 1
    assert "unknown country 'Atlantis'" in result.stderr


def test_edits_survive_a_forced_reingest_of_real_articles():
    assert claims("ingest", str(SEEDS)).exit_code == 0
    assert claims("actors", "rename", "Kallas", "Kaja Kallas (EU)").exit_code == 0
    assert claims("actors", "set-country", "Kaja Kallas (EU)", "Estonia").exit_code == 0
    assert claims("actors", "set-role", "Zelensky", "Head of State").exit_code == 0
    before = registry()
    result = claims("ingest", str(SEEDS), "--force")
    assert result.exit_code == 0, result.output
    after = registry()
    for name in ("Kaja Kallas (EU)", "Volodymyr Zelenskyy"):
        assert {k: v for k, v in after[name].items() if k != "aliases"} == {
            k: v for k, v in before[name].items() if k != "aliases"
        }
    rows = [json.loads(line) for line in claims("export", "-f", "jsonl", "--actor", "Kallas").stdout.splitlines()]
    assert rows and {(r["speaker"], r["country"]) for r in rows} == {("Kaja Kallas (EU)", "EE")}
    assert {r["speaker_role"] for r in map(json.loads, claims("export", "-f", "jsonl", "--actor", "Zelensky").stdout.splitlines())} == {"Head of State"}


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_updates_and_skips_with_reasons(two_zelenskyys, tmp_path):
    registry_file = write_csv(tmp_path / "registry.csv", (
        "name,aliases,role,country\n"
        "Volodymyr Zelenskyy,Vova|Zelensky,President,Ukraine\n"
        "Mark Rutte,Rutte;NATO chief,Secretary General,NATO\n"
        ",nameless,,\n"
        "Nobody Known,,,Atlantis\n"
        "Kaja Kallas,,High Representative,\n"
        "Kaja Kallas,,Prime Minister,\n"
    ))
    result = claims("actors", "import", str(registry_file))
    assert result.exit_code == 1  # some rows were skipped
    out = result.stdout
    assert "line 4" in out and "no name" in out
    assert "line 5" in out and "unknown country 'Atlantis'" in out
    assert "line 7" in out and "same actor as line 6" in out
    actors = registry()
    assert actors["Mark Rutte"]["country"] == "NATO"
    assert actors["Mark Rutte"]["aliases"] == "Rutte; NATO chief"
    assert (actors["Kaja Kallas"]["role"], actors["Kaja Kallas"]["country"]) == ("High Representative", "")
    # Vova was a separate actor: the row's name decides, and Vova keeps its own actor.
    zelenskyy = actors["Volodymyr Zelenskyy"]
    assert (zelenskyy["role"], zelenskyy["country"]) == ("President", "UA")
    assert "Nobody Known" not in actors


def test_import_is_all_or_nothing_when_strict_and_changes_nothing_on_a_dry_run(two_zelenskyys, tmp_path):
    before = registry()
    good_and_bad = write_csv(tmp_path / "r.csv", "name,country\nMark Rutte,NL\nKaja Kallas,Atlantis\n")
    result = claims("actors", "import", str(good_and_bad), "--strict")
    assert result.exit_code == 1
    assert "nothing changed" in result.stdout
    assert registry() == before
    good = write_csv(tmp_path / "good.csv", "name,country\nMark Rutte,NL\n")
    result = claims("actors", "import", str(good), "--dry-run")
    assert result.exit_code == 0
    assert "nothing changed" in result.stdout
    assert registry() == before


@pytest.mark.parametrize(
    "content, message",
    [
        (b"aliases,role\nx,y\n", "has no name column"),
        (b"", "is empty"),
        (b"name,country\nMark Rutte,NL\nJos\xe9,ES\n", "is not UTF-8"),
    ],
)
def test_unreadable_registry_file_changes_nothing(content, message, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    result = claims("actors", "import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert registry() == {}


def test_imported_surname_alias_wins_over_namesakes(said, tmp_path):
    ingest_text(tmp_path, "a.txt", "Tony Blair said yes. Cherie Blair said no.")
    write_csv(tmp_path / "r.csv", "name,aliases,role,country,type\nTony Blair,Blair,Prime Minister,GB,person\n")
    result = claims("actors", "import", "r.csv")
    assert result.exit_code == 0, result.output
    assert "Updated" in result.stdout
    ingest_text(tmp_path, "b.txt", "Blair said maybe.")
    assert speakers("--document", "b.txt") == ["Tony Blair"]
    assert registry()["Tony Blair"]["country"] == "GB"


def test_import_renames_an_actor_its_aliases_name(two_zelenskyys, tmp_path):
    write_csv(tmp_path / "r.csv", "name,aliases\nVolodymyr Zelenskyy (nickname),Vova\n")
    result = claims("actors", "import", "r.csv")
    assert result.exit_code == 0, result.output
    assert speakers("--actor", "Vova") == ["Volodymyr Zelenskyy (nickname)"] * 2


def test_export_writes_a_file_that_imports_unchanged(two_zelenskyys, tmp_path):
    result = claims("actors", "export", "-o", "registry.csv")
    assert result.exit_code == 0
    assert "Wrote 3 actors to registry.csv" in result.stderr
    text = (tmp_path / "registry.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(REGISTRY_COLUMNS)
    result = claims("actors", "import", "registry.csv")
    assert result.exit_code == 0
    assert "│       0 │       0 │         3 │       0 │" in result.stdout


# Names a registry can hold: letters with spaces, apostrophes, hyphens and dots, some starting
# with "=" or "-", which the export quotes against spreadsheet formulas; no alias separators.
# (A name that itself starts with a quote and then "=" would lose that quote: none does.)
_name = (
    st.text(st.sampled_from("abcdeKLMNOÉłø '.-="), min_size=1, max_size=12)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: name_key(s) != "" and not s.startswith("'"))
)


def _uncell(value: str) -> str:
    """A registry CSV cell as the import reads it: without the export's formula quote."""
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@") else value


@st.composite
def registries(draw):
    """Actors whose names and aliases are all different even after key folding."""
    names = draw(st.lists(_name, min_size=1, max_size=5, unique_by=lambda s: name_key(s)))
    seen = {name_key(n) for n in names}
    actors = []
    for name in names:
        aliases = []
        for alias in draw(st.lists(_name, max_size=3)):
            if name_key(alias) not in seen:
                seen.add(name_key(alias))
                aliases.append(alias)
        actors.append({
            "name": name,
            "aliases": aliases,
            "type": draw(st.sampled_from(["person", "organization", "country", "media", "group"])),
            "role": draw(st.one_of(st.just(""), _name)),
            "country": draw(st.sampled_from(["", "UA", "FR", "EU", "NATO"])),
        })
    return actors


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actors=registries())
def test_registry_export_import_round_trip(engine, tmp_path, actors):
    with Session(engine) as session:
        session.execute(delete(Claim))
        session.execute(delete(ActorAlias))
        session.execute(delete(Actor))
        session.commit()
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "aliases", "type", "role", "country"])
        for actor in actors:
            writer.writerow([actor["name"], "|".join(actor["aliases"]), actor["type"], actor["role"], actor["country"]])
    with Session(engine) as session:
        report = import_registry(session=session, path=source)
    assert [row.status for row in report.rows] == ["created"] * len(actors), report.rows

    exported = io.StringIO()
    with engine.connect() as connection:
        export_registry(connection=connection, stream=exported)
    rows = list(csv.DictReader(io.StringIO(exported.getvalue(), newline="")))
    as_imported = sorted((a["name"], tuple(a["aliases"]), a["type"], a["role"], a["country"]) for a in actors)
    aliases = [_uncell(r["aliases"]) for r in rows]
    assert sorted(
        (_uncell(r["name"]), tuple(a.split("; ")) if a else (), r["type"], _uncell(r["role"]), r["country"])
        for r, a in zip(rows, aliases)
    ) == as_imported

    # The exported file imports back as it is.
    again = tmp_path / "out.csv"
    again.write_text(exported.getvalue(), encoding="utf-8")
    with Session(engine) as session:
        report = import_registry(session=session, path=again)
    assert [row.status for row in report.rows] == ["unchanged"] * len(actors), report.rows
    roundtrip = io.StringIO()
    with engine.connect() as connection:
        export_registry(connection=connection, stream=roundtrip)
    assert roundtrip.getvalue() == exported.getvalue()
    with Session(engine) as session:
        assert session.scalar(select(Actor.user_edited).limit(1)) is True


def test_db_option_may_come_before_the_subcommand(two_zelenskyys, tmp_path):
    other = str(tmp_path / "other.db")
    assert claims("db", "upgrade", "--db", other).exit_code == 0  # reading never creates it
    assert claims("actors", "--db", other, "export").stdout.splitlines() == [",".join(REGISTRY_COLUMNS)]
    assert len(claims("actors", "export").stdout.splitlines()) == 4
