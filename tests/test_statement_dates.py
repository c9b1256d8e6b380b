"""When a claim was made, told by the sentences around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app

runner = CliRunner()


def exported(tmp_path: Path, text: str) -> list[dict]:
    """Ingest ``text`` (published 2024-05-10) and export its claims."""
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--published", "2024-05-10"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)]).exit_code == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def dates(tmp_path: Path, text: str) -> dict[str, str | None]:
    """Each claim's speaker → its date."""
    return {c["speaker"]: c["stated_on"] for c in exported(tmp_path, text)}


def test_date_inside_a_relay_dates_the_claim_nested_in_it(tmp_path):
    found = dates(tmp_path, (
        "Budget row\n\n"
        "Minister Olaf Brenner kept silent until March 3, when he said that the budget was "
        "too small, the Daily Courier reported.\n"
    ))
    assert found["Olaf Brenner"] == "2024-03-03"


def test_date_inside_a_quotation_stays_the_quotation_s(tmp_path):
    found = dates(tmp_path, "Budget row\n\n\"We will vote on March 3,\" Olaf Brenner said.\n")
    assert found["Olaf Brenner"] is None


def test_at_the_time_takes_the_date_told_before(tmp_path):
    found = dates(tmp_path, (
        "Budget row\n\n"
        "On March 3 the cabinet met to discuss the budget.\n"
        "\"The budget is too small,\" Olaf Brenner said at the time.\n"
    ))
    assert found["Olaf Brenner"] == "2024-03-03"


def test_a_named_speaker_takes_the_date_of_the_episode_that_named_it(tmp_path):
    found = dates(tmp_path, (
        "Plant visit\n\n"
        "On March 3 Olaf Brenner toured the steel plant with its workers. "
        "Brenner said the plant would stay open.\n"
    ))
    assert found["Olaf Brenner"] == "2024-03-03"


def test_a_speaker_the_dated_sentence_does_not_name_takes_no_date(tmp_path):
    found = dates(tmp_path, (
        "Plant visit\n\n"
        "On March 3 the union toured the steel plant. "
        "Olaf Brenner said the plant would stay open.\n"
    ))
    assert found["Olaf Brenner"] is None


def dates_unpublished(tmp_path: Path, text: str) -> dict[str, str | None]:
    """Ingest ``text`` with no publication date and map each claim's speaker to its date."""
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)]).exit_code == 0
    claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {c["speaker"]: c["stated_on"] for c in claims}


def test_a_glossed_yesterday_dates_every_yesterday_of_the_article(tmp_path):
    found = dates_unpublished(tmp_path, (
        "Border row\n\n"
        "Ion Vrabie said yesterday (14 May) that the border would close.\n"
        "The talks went on into the night.\n"
        "Ana Rusu warned yesterday that prices would rise.\n"
    ))
    assert found["Ion Vrabie"] == "XXXX-05-14"
    assert found["Ana Rusu"] == "XXXX-05-14"


def test_a_bare_yesterday_without_a_gloss_stays_undated(tmp_path):
    found = dates_unpublished(tmp_path, "Border row\n\nAna Rusu warned yesterday that prices would rise.\n")
    assert found["Ana Rusu"] is None


def test_the_day_of_an_interview_dates_what_the_speaker_says_later(tmp_path):
    found = dates_unpublished(tmp_path, (
        "Rebel chief\n\n"
        "Ivan Petrov speaks during an interview in Luhansk on July 25, 2014.\n"
        "The rebels hold most of the region.\n"
        "Petrov said his men would not withdraw.\n"
    ))
    assert found["Ivan Petrov"] == "2014-07-25"


def test_two_interviews_on_different_days_date_nothing(tmp_path):
    found = dates_unpublished(tmp_path, (
        "Rebel chief\n\n"
        "Ivan Petrov spoke in an interview on July 25, 2014, and in another interview on August 2, 2014.\n"
        "The rebels hold most of the region.\n"
        "Petrov said his men would not withdraw.\n"
    ))
    assert found["Ivan Petrov"] is None


MONITOR_LINES = (
    "Monitors report\n\n"
    "The monitors visited the region this month.\n"
    "The monitors observed a calm situation.\n"
    "Roads were open.\n"
    "On 27 September the OSCE monitors visited two markets in the city.\n"
    "Both markets were well stocked.\n"
)


def test_a_line_naming_the_same_body_carries_the_episode_date(tmp_path):
    found = dates(tmp_path, MONITOR_LINES + "Traders told the OSCE that prices had risen.\n")
    assert found["Traders (story)"] == "2023-09-27"


def test_a_line_naming_no_one_of_the_episode_takes_no_date(tmp_path):
    found = dates(tmp_path, MONITOR_LINES + "Traders told reporters that prices had risen.\n")
    assert found["Traders (story)"] is None


def test_a_name_the_dated_line_only_mentions_does_not_carry_its_date(tmp_path):
    found = dates(tmp_path, (
        "Monitors report\n\n"
        "The monitors visited the region this month.\n"
        "The monitors observed a calm situation.\n"
        "Roads were open.\n"
        "The tone of OSCE reports changed on 27 September.\n"
        "Both markets were well stocked.\n"
        "Traders told the OSCE that prices had risen.\n"
    ))
    assert found["Traders (story)"] is None


def test_the_last_dated_clause_of_a_line_tells_the_episode(tmp_path):
    found = dates(tmp_path, (
        "Monitors report\n\n"
        "The monitors visited the region this month.\n"
        "The monitors observed a calm situation.\n"
        "Roads were open.\n"
        "On 26 September a patrol was stopped at a bridge; on 27 September two "
        "Militia guards stopped the monitors near a farm.\n"
        "The Militia members said the road was closed.\n"
    ))
    assert found["Militia members (story)"] == "2023-09-27"


def test_an_earlier_clause_of_the_line_does_not_tell_the_episode(tmp_path):
    found = dates(tmp_path, (
        "Monitors report\n\n"
        "The monitors visited the region this month.\n"
        "The monitors observed a calm situation.\n"
        "Roads were open.\n"
        "On 26 September two Militia guards stopped a patrol; on 27 September a "
        "bridge was closed to traffic.\n"
        "The Militia members said the road was closed.\n"
    ))
    assert found["Militia members (story)"] is None


def test_a_source_and_date_ending_the_line_date_what_the_line_quotes(tmp_path):
    found = dates(tmp_path, (
        "Interviews\n\n"
        "Olaf Brenner: The talks will go on until spring, Radio North, March 3, 2010 ...\n"
    ))
    assert found["Olaf Brenner"] == "2010-03-03"


def test_a_date_ending_a_quotation_without_a_source_stays_the_quotation_s(tmp_path):
    found = dates(tmp_path, "Budget row\n\nOlaf Brenner: The vote will be held on March 3, 2010\n")
    assert found["Olaf Brenner"] is None


def test_a_line_names_a_speaker_by_whole_word_with_case_ignored():
    from claimsdb.resolve.statements import _names_word

    assert _names_word("On Monday ANDERSSON met the mayor.", "Andersson")
    assert not _names_word("On Monday Anderssonville met the mayor.", "Andersson")
    assert not _names_word("On Monday the mayor met nobody.", "Andersson")
    # Beyond ASCII, case folding decides: "Ł" and "ł", and the Kelvin sign matches "k".
    assert _names_word("Earlier ŁUKASIEWICZ met the mayor.", "Łukasiewicz")
    assert _names_word("Earlier \u212aowalski met the mayor.", "Kowalski")



FERRY_LINES = (
    "Mission report\n\n"
    "The Mission travelled along the coast this month.\n"
    "The weather was calm.\n"
    "Roads were open.\n"
)


def test_a_who_clause_takes_the_date_of_the_line_that_named_its_speaker(tmp_path):
    found = dates(tmp_path, FERRY_LINES + (
        "On 14 March the Mission stopped at a ferry terminal in Harbourton.\n"
        "The Mission enquired with an employee at the ferry terminal who said there was a navy firing range in the area.\n"
    ))
    assert list(found.values()) == ["2024-03-14"]


def test_the_episode_date_reaches_three_lines_back(tmp_path):
    found = dates(tmp_path, FERRY_LINES + (
        "On 14 March the Mission visited two depots.\n"
        "The first depot was empty.\n"
        "The second depot was locked.\n"
        "At the second depot the Mission learned from local farmers that the trucks had left.\n"
    ))
    assert found["local farmers (story)"] == "2024-03-14"


def test_the_episode_date_does_not_reach_four_lines_back(tmp_path):
    found = dates(tmp_path, FERRY_LINES + (
        "On 14 March the Mission visited two depots.\n"
        "The first depot was empty.\n"
        "The second depot was locked.\n"
        "The third depot was closed.\n"
        "At the second depot the Mission learned from local farmers that the trucks had left.\n"
    ))
    assert found["local farmers (story)"] is None


def test_the_same_day_ignores_a_date_in_brackets_and_a_look_back(tmp_path):
    found = dates(tmp_path, FERRY_LINES + (
        "On 14 March the Mission visited two depots.\n"
        "Trucks were missing, as they had been during the previous visit on 2 January (see the report of 4 January).\n"
        "The Mission visited on the same day a ferry terminal.\n"
        "At the terminal the Mission learned from local farmers that the trucks had left.\n"
    ))
    assert found["local farmers (story)"] == "2024-03-14"



def all_dates(tmp_path: Path, text: str) -> list[str | None]:
    """Ingest ``text`` (published 2024-05-10) and list every claim's date in text order."""
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(article), "--published", "2024-05-10"]).exit_code == 0
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)]).exit_code == 0
    return [json.loads(line)["stated_on"] for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


BANG_LINES = FERRY_LINES + (
    "The Mission watched on 14 March the repair of a bridge near Harbourton.\n"
    "The Mission heard two loud bangs within an hour.\n"
    "Crane driver Olaf Brenner informed the Mission that a worker had been hurt by a falling beam in the first bang.\n"
)
SECOND_BANG = "The second bang, according to Brenner, was a planned blast of an old pier.\n"


def test_a_speaker_s_next_line_without_a_date_keeps_the_episode_date(tmp_path):
    assert all_dates(tmp_path, BANG_LINES + SECOND_BANG) == ["2024-03-14", "2024-03-14"]


def test_a_date_between_two_lines_of_one_speaker_stops_the_episode(tmp_path):
    found = all_dates(tmp_path, BANG_LINES + "The bridge had been closed on 2 March.\n" + SECOND_BANG)
    assert found == ["2024-03-14", None]


def test_a_year_right_after_the_cue_or_opening_the_clause_dates_the_claim(tmp_path):
    found = dates(tmp_path, (
        "Harbour row\n\n"
        "Olaf Brenner told a local weekly in 2009 that the harbour was too small.\n"
        "In 2011, Karin Dahl said the ferry would be sold.\n"
        "The bridge was \"a road to nowhere\" (as Ivar Moen put it at a meeting in 2012).\n"
    ))
    assert found["Olaf Brenner"] == "2009"
    assert found["Karin Dahl"] == "2011"
    assert found["Ivar Moen"] == "2012"


def test_a_year_in_the_content_or_about_someone_else_dates_nothing(tmp_path):
    found = dates(tmp_path, (
        "Harbour row\n\n"
        "Olaf Brenner said the harbour had been too small in 2009.\n"
        "\"We will sell the ferry,\" said Karin Dahl, who was elected in 2011.\n"
        "In 2012, the council closed the bridge, but Ivar Moen later said it was safe.\n"
    ))
    assert found == {"Olaf Brenner": None, "Karin Dahl": None, "Ivar Moen": None}


def test_a_bound_or_deadline_dates_no_statement(tmp_path):
    found = dates(tmp_path, (
        "Sailor stays in custody\n\n"
        "The trawler was seized in January.\n"
        "Its crew of nine was sent home.\n"
        "A court in Bergen kept the sailor Ola Dahl in custody until March 13.\n"
        "Dahl told the court that he would appeal.\n"
        "The harbour board must pay the fine by April 2.\n"
        "Anna Lund, the board's chair, said the fine was unfair.\n"
    ))
    assert found["Ola Dahl"] is None
    assert found["Anna Lund"] is None


def test_a_day_before_the_episode_still_dates_it(tmp_path):
    found = dates(tmp_path, (
        "Sailor stays in custody\n\n"
        "The trawler was seized in January.\n"
        "Its crew of nine was sent home.\n"
        "A court in Bergen on March 13 kept the sailor Ola Dahl in custody.\n"
        "Dahl told the court that he would appeal.\n"
        "The trawler is still in port.\n"
        "Its owner has not paid the fine.\n"
    ))
    assert found["Ola Dahl"] == "2024-03-13"


def test_a_date_found_only_in_the_body_anchors_years_but_is_no_publication_date(tmp_path):
    # A caption's full date is the only one with a year: it tells the year of "Oct. 2", but the
    # article did not appear that day, so nothing is stored or shown as its publication date.
    article = tmp_path / "story.txt"
    article.write_text(
        "Ministers back training mission\n\n"
        "Minister Olaf Brenner at a summit in Lisbon on June 3, 2031. (Photo: agency)\n\n"
        "Minister Olaf Brenner said on Oct. 2 that the mission would start in spring.\n\n"
        "\"We are ready,\" said Greta Lindqvist, the bloc's envoy.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(article)]).exit_code == 0
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)]).exit_code == 0
    claims = {c["speaker"]: c for c in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert claims["Olaf Brenner"]["stated_on"] == "2031-10-02"
    assert claims["Greta Lindqvist"]["stated_on"] is None
    assert {c["published_on"] for c in claims.values()} == {None}
    assert {c["date_source"] for c in claims.values()} == {"statement", None}
    # An undated claim of such an article is not placed on the caption's day by --since.
    listed = runner.invoke(app, ["query", "--since", "2031-06-01", "--format", "json"])
    assert [c["speaker"] for c in json.loads(listed.stdout)] == ["Olaf Brenner"]


def test_a_photo_caption_s_press_conference_dates_no_quote(tmp_path):
    caption = ("Envoy Greta Lindqvist gives a press conference in Oslo on March 3, 2031."
               " (Ola Nordmann/Picture Agency)\n\n")
    story = "\"We have trained more than ever,\" Lindqvist said.\n"
    assert dates_unpublished(tmp_path, "Training mission grows\n\n" + caption + story)["Greta Lindqvist"] is None
    # The same occasion told in the article's own words still dates what she said there.
    told = "Envoy Greta Lindqvist gave a press conference in Oslo on March 3, 2031.\n\n"
    assert dates_unpublished(tmp_path, "Training mission grows\n\n" + told + story)["Greta Lindqvist"] == "2031-03-03"


def test_a_transcript_is_dated_by_the_date_line_under_its_occasion_title(tmp_path):
    found = dates(tmp_path, (
        "Press conference by Secretary General Anna Lund after the council meeting\n\n"
        "03 Dec. 2024 | Last updated: 04 Dec. 2024\n\n"
        "Secretary General Anna Lund: The allies agreed to send more air defence systems.\n"
    ))
    assert found["Anna Lund"] == "2024-12-03"


def test_a_date_in_a_relative_clause_on_the_speaker_dates_nothing(tmp_path):
    # The clause tells when something happened to the speaker, not when she spoke.
    found = dates(tmp_path, (
        "Claims pile up\n\n"
        "Marta Lind, a nurse from Tromsø whose house burned down in March 2022, said she was still waiting.\n"
    ))
    assert found["Marta Lind"] is None


def test_a_date_after_the_cue_still_dates_a_speaker_with_a_relative_clause(tmp_path):
    found = dates(tmp_path, (
        "Claims pile up\n\n"
        "Marta Lind, who was elected in May 2019, said on 3 March that the fund was empty.\n"
    ))
    assert found["Marta Lind"] == "2024-03-03"


def test_a_time_between_the_object_and_as_dates_the_description(tmp_path):
    found = dates(tmp_path, (
        "Fund row\n\n"
        "Marta Lind described the fund on Wednesday as \"a trick to seize our money\".\n"
    ))
    assert found["Marta Lind"] == "2024-05-08"


def test_the_answers_of_a_question_and_answer_interview_take_the_day_its_lead_gives(tmp_path):
    found = dates(tmp_path, (
        "The fishing minister on quotas\n\n"
        "Marta Lind runs Norway's fisheries ministry. We spoke in Oslo on 3 March.\n\n"
        "Q: Are the quotas fair?\n"
        "LIND: The quotas are fair and they will stay.\n"
    ))
    assert found["Marta Lind"] == "2024-03-03"


def claim_dates(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    """Each claim's speaker and date, in text order."""
    return [(c["speaker"], c["stated_on"]) for c in sorted(exported(tmp_path, text), key=lambda c: c["text_start"])]


def test_the_same_speaker_s_next_paragraph_goes_on_with_the_day_they_spoke(tmp_path):
    found = claim_dates(tmp_path, (
        "Schools budget\n\n"
        "Finance Minister Olaf Brenner said on March 3 that the schools budget was too small.\n\n"
        "\"We cannot fund the new classrooms this year,\" Brenner said at the news conference.\n\n"
        "Advertisement\n\n"
        "He added that teachers would get their pay rise in the autumn.\n"
    ))
    assert found == [("Olaf Brenner", "2024-03-03")] * 3


def test_another_speaker_between_ends_the_occasion(tmp_path):
    found = claim_dates(tmp_path, (
        "Schools budget\n\n"
        "Finance Minister Olaf Brenner said on March 3 that the schools budget was too small.\n\n"
        "Opposition leader Lisa Marsh said the government had cut it twice.\n\n"
        "\"We cannot fund the new classrooms this year,\" Brenner said.\n"
    ))
    assert found == [("Olaf Brenner", "2024-03-03"), ("Lisa Marsh", None), ("Olaf Brenner", None)]


def test_a_day_inside_what_was_said_is_no_occasion_to_carry(tmp_path):
    found = claim_dates(tmp_path, (
        "Schools budget\n\n"
        "Finance Minister Olaf Brenner said the vote on the schools budget would be held on March 3.\n\n"
        "\"We are ready for it,\" Brenner said.\n"
    ))
    assert found == [("Olaf Brenner", None), ("Olaf Brenner", None)]


def test_a_month_carries_nothing(tmp_path):
    month = claim_dates(tmp_path, (
        "Schools budget\n\n"
        "Finance Minister Olaf Brenner said in March that the schools budget was too small.\n\n"
        "\"We cannot fund the new classrooms this year,\" Brenner said.\n"
    ))
    assert month == [("Olaf Brenner", "2024-03"), ("Olaf Brenner", None)]


def test_a_paragraph_between_ends_the_occasion(tmp_path):
    apart = claim_dates(tmp_path, (
        "Schools budget\n\n"
        "Finance Minister Olaf Brenner said on March 3 that the schools budget was too small.\n\n"
        "The cabinet meets every week in the old town hall.\n\n"
        "\"We cannot fund the new classrooms this year,\" Brenner said.\n"
    ))
    assert apart == [("Olaf Brenner", "2024-03-03"), ("Olaf Brenner", None)]


@pytest.mark.parametrize(("sentence", "day"), [
    # the dateline's day is closer to the cue, but the sentence tells its own day
    ("Berg told a news conference on May 8 that the budget was too small.", "2024-05-08"),
    # with none of its own, the lead takes the dateline's
    ("Berg told a news conference that the budget was too small.", "2024-05-09"),
])
def test_the_dateline_s_date_gives_way_to_the_sentence_s_own(tmp_path, sentence, day):
    # (rule dateline-date-last)
    assert dates(tmp_path, f"Budget row\n\nOSLO, May 9 — {sentence}\n")["Berg"] == day
