"""The country a speaker is tied to, when the speaker phrase itself did not say.

Extraction gives a speaker the country its own phrase names ("Italy's Foreign Minister ...").
This stage looks further, in this order, and the first source that answers wins:

1. the article's other mentions of the same person: a title before the name elsewhere
   ("Ukrainian opposition leader Vitali Klitschko"), an appositive after it ("Borodai, a
   Russian national,"), with demonyms misspelt by one letter tolerated on long words;
2. the place an office is held in ("the governor of the Kursk region", "the mayor of Odesa",
   "a Donetsk native"), looked up in the GeoNames gazetteer;
3. whose spokesperson or adviser the speaker is ("a spokesman for President Putin");
4. world knowledge: a person listed in the office-holder table (claimsdb.resolve.offices), who
   also gets the role held then when the article gave none;
5. the body the speaker is or works for: the country the article gives the body ("US
   broadcaster X", "X, a Kyiv-based think tank"), the class it was introduced as one more of
   ("the big Polish lenders ... Another lender, X"), the outlet table (media.tsv)
   and the table of well-known organisations (organisations.tsv), in that order; a person
   "with CBS News", "an activist at X", "X's spokesman" takes it (outlets speaking too);
6. the place of the dateline ("SIMFEROPOL, Ukraine (AFP) -"), for the people a reporter meets
   there (a resident, a 60-year-old, a protester) and the local police or authorities; without
   a dateline, the one country the headline names when the article is mostly about it, for
   those local speakers and for speakers of that country's domestic politics ("the opposition
   leader", "an MP");
7. for an office of a national government named without its country ("Energy Minister X", "a
   senior government official"), the country of the speaker the headline quotes.

Bodies the article names again with less ("the police" after "the Odessa regional police",
"the heads of state and government" after "... of the EU") take the country of the fuller
mention just before; "the country's Interior Ministry" takes the country named last before it.

Only speakers without a country are changed, so what the article says always wins; actors a
user edited keep their own country and role in any case (claimsdb.resolve.actors).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache
from importlib.resources import files

from claimsdb.extract.lexicon import first_names, title_words
from claimsdb.extract.speakers import ORG_WORDS
from claimsdb.read.datelines import Dateline
# (the module's patterns are compiled through it: their compiled code is kept between processes,
# so a process starts without parsing them again)
from claimsdb.pattern_cache import compile_pattern
from claimsdb.records import ClaimCandidate
from claimsdb.resolve.documents import DOCUMENT_NOUNS
from claimsdb.resolve.countries import (
    COUNTRY_CODES,
    ORG_CODES,
    country_of_phrase,
    demonym_code,
    find_countries,
    studied_after,
    is_complement,
    misspelt_country,
)
from claimsdb.resolve.names import whole_word_starts
from claimsdb.resolve.offices import given_names, is_listed_name, office_of, same_given_name
from claimsdb.resolve.places import place_country

__all__ = ["attribute_countries", "dateline_country", "place_text_country"]

# Speaker types that belong to no country by their phrase: outlets are media, not states.
_SKIPPED_TYPES = frozenset({"media", "country"})

_SPACES = " \u00a0"
_SPACE = compile_pattern("[ \u00a0]")
_NAME_WORD = compile_pattern(r"[A-Z][\w'’.-]*")
_WORD = compile_pattern(r"[\w'’.-]+")

# Words before a name that still belong to its title: "opposition leader", "separatist
# commander", besides the title words of the extractor's lexicon.
_TITLE_EXTRA = frozenset({
    "opposition", "separatist", "separatists", "rebel", "insurgent", "militia", "pro-russian",
    "pro-western", "pro-european", "nationalist", "far-right", "leftist", "ruling", "state",
    "national", "regional", "former", "ex", "then", "new", "top", "senior", "chief", "deputy",
    "self-proclaimed", "de", "facto", "party", "'s", "’s", "man", "woman",
    "pilot", "soldier", "serviceman", "servicewoman", "journalist", "citizen",
})

# A party's or body's other name in brackets, inside a title: "UDAR (Punch)".
_BRACKETED = compile_pattern(r"\([A-Z][\w'’.-]*\)")

# Whose voice the speaker is: the country of what follows is the speaker's.
_VOICE_OF = compile_pattern(
    r"\b(?:spokes(?:man|woman|person)|advis[eo]r|aide|press (?:secretary|officer|service)|"
    r"chief of staff|assistant)\s+(?:to|for|of|at)\s+(?:the\s+)?(.{2,80})",
    re.IGNORECASE,
)

# The place an office or a person belongs to.
# (a capitalised "Regional", "Oblast" after the name is the office's, not the place's: "Head of
# Odesa Regional Military Administration", "Kherson Regional Military Administration head";
# but "City" is a club's or a place's own name: "Manchester City", "Mexico City")
_PLACE = r"(?!The\b)([A-Z][\w'’-]+(?:[ -](?!(?i:region(?:al)?|oblast|province|district)\b)[A-Z][\w'’-]+)?)"
_PLACE_PATTERN = compile_pattern(
    # The noun capitalised too, opening a sentence: "Witnesses in Kramatorsk told ...".
    r"\b(?i:governor|mayor|head|chief|leader|administration|government|council|police|"
    r"prosecutor|authorities|residents?|natives?|people|officials?|witness(?:es)?)\s+(?:of|in|for)\s+"
    r"(?:the\s+)?" + _PLACE + r"(?:\s+(?:(?i:region|oblast|province|district)|city|area))?"
    r"|" + _PLACE.replace("(?!The", "(?!The") + r"(?:\s+(?:(?i:region(?:al)?|oblast|province|district)|city|municipal)\b"
    r"|-born\b|\s+native\b|\s+(?i:mayor|governor)\b)"
    # Where the speaker is posted: "the commander at the ferry landing near Berdychiv", "(40km
    # south of Zhytomyr)".
    # Where the speaker comes from: "a pharmacy student from Kano".
    r"|\b(?:near|outside|from|\d+\s?(?:km|kilometres|kilometers|miles)\s+(?:[a-z-]+\s+){0,2}of)\s+"
    r"(?:the\s+)?" + _PLACE
)


# People and bodies of the place a story was filed from, as reporters describe them: the
# ordinary people a reporter meets there ("a 52-year-old baker", "a dairy farmer"),
# never an aid worker, who comes from elsewhere.
_LOCAL = compile_pattern(
    r"\b(?:\d+-year(?:-old)?|residents?|locals?|local (?:police|authorities|officials?|people)|retirees?|"
    r"pensioners?|villagers?|witness(?:es)?|protesters?|demonstrators?|passers-by|passer-by|"
    r"shop-?keepers?|onlookers?|police(?:man|woman)?|authorities|interlocutors?|"
    r"labou?rers?|(?<!aid )workers?|miners?|farmers?|housewi(?:fe|ves)|"
    r"(?:taxi |truck |lorry |bus )?drivers?|street vendors?|market traders?)\b",
    re.IGNORECASE,
)
# A man or a woman is local only as the whole of what the speaker is called ("one woman", "an
# elderly man with a pushchair"), not in "a lawsuit against two men".
_LOCAL_PERSON = compile_pattern(
    r"^(?:(?:one|a|an|another|the|two|three|some|several)[ \u00a0]+)?(?:[a-z-]+[ \u00a0]+){0,2}(?:wo)?m[ae]n\b",
    re.IGNORECASE,
)

# A local word right before a name, with at most a title and given names between: "retiree
# Olga Petrova", "60-year-old Ms Olga"; not "the 18-year-old beat Olga".
_LOCAL_BEFORE_NAME = compile_pattern("(?i:" + _LOCAL.pattern + r")(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")


def attribute_countries(text: str, claims: list[ClaimCandidate], *, year: int | None = None,
                        dateline: Dateline | None = None, title: str | None = None) -> None:
    """Set the country (and for listed office holders the role) of speakers that have none.

    ``year``: the year the article was published, when known, which picks the office a
    listed person held then. ``dateline``: the story's dateline, whose place is the country
    of the local people and bodies it quotes. ``title``: the article's headline, which tells
    the article's own country when there is no dateline.
    """
    _outlets_countries(text, claims)
    speakers = [c.speaker for c in claims if c.speaker.type not in _SKIPPED_TYPES and not c.speaker.country]
    if not speakers:
        return
    names = [c.speaker.name for c in claims if c.speaker.type == "person"]
    # (country, role, whether the country was inferred from where the speaker is quoted)
    decided: dict[tuple[str, str | None], tuple[str | None, str | None, bool]] = {}
    document_countries = _lazy(lambda: {m.code for m in find_countries(text)})
    own_country = cache(lambda: _own_country(text, title, dateline))
    headline_politics = cache(lambda: _headline_politics(text, title))
    # A person quoted with several roles is decided once per role, from the same mentions.
    mentions: dict[str, list[str]] = {}
    colleagues: list[ClaimCandidate] = []  # titled ministers decided by their government, after the loop
    homeless: list[ClaimCandidate] = []  # offices of a state's own, placed by the speakers' home, after the loop
    unmarked: list[ClaimCandidate] = []  # the country's own bodies and officials, placed by the dateline, after the loop
    for c in claims:
        sp = c.speaker
        if sp.type in _SKIPPED_TYPES or sp.country:
            continue
        phrase = _without_participle_aside(text[c.speaker_start : c.speaker_end]) + _bracket_after(text, c.speaker_end)
        # Said of one body at one place: "the country's ministry", "the police" after a fuller
        # mention; decided per claim, as the same words can mean another body further on.
        spoken_for = _spoken_for(text, c.speaker_start, c.speaker_end)
        if spoken_for and sp.type == "person":
            # whom a person speaks for holds for their other claims ("He said ...") too
            decided.setdefault((sp.name, sp.role), (spoken_for, None, True))
        code = spoken_for or _country_named_before(text, c.speaker_start, phrase) or _body_named_before(
            text, c.speaker_start, phrase) or _fuller_mention(
            text, c.speaker_start, sp.name, sp.type) or _document_of_the_sentence_before(
            text, c.speaker_start, sp.name, sp.type) or _section_region_country(text, c.speaker_start, sp.role, phrase) \
            or _ministry_named_before(text, c.speaker_start, sp.role) or _its_body_country(text, c.speaker_start, phrase)
        if code:
            sp.country, sp.country_inferred = code, True
            continue
        key = (sp.name, sp.role)
        if key not in decided:
            decided[key] = (*_country(text, sp.name, sp.type, sp.role, phrase, names, year, document_countries,
                                      mentions), False)
            if decided[key][0] is None:
                code = _speaker_body_country(text, sp.name, sp.type, sp.role, phrase, mentions, claims)
                if code:
                    decided[key] = (code, None, False)
            # Domestic politics only under a dateline, or a headline about one country's politics
            # ("Ukraine opposition protests"): a headline names what a story is about ("MP
            # mugged in Kenya"), not always where its politicians are from.
            if decided[key][0] is None and (
                    _is_local(text, sp.name, sp.type, phrase)
                    or (dateline is not None or headline_politics())
                    and _is_domestic([sp.role or "", phrase, *mentions.get(sp.name, ())])):
                decided[key] = (own_country(), None, True)
            if decided[key][0] is None and (_is_domestic([sp.role or "", phrase])
                                            or (sp.role or "").lower() in ("deputy", "people's deputy", "senator")):
                # "In the Verkhovna Rada, deputy X said", "In Kiev, the Rada voted ... Opposition
                # leader Y objected": the parliament or capital the passage has just named (a
                # bare "deputy" or "senator" is a member of parliament).
                decided[key] = (_domestic_scene(text, c.speaker_start), None, True)
            if decided[key][0] is None and _COURT_ROLE.search(" ".join((sp.role or "", phrase))):
                # "Judge X", "prosecutors", "her lawyer X" in a story of "a Moscow court": the
                # court's country (rule court-country)
                decided[key] = (_court_country(text), None, True)
            if decided[key][0] is None and (_NATIONAL_OFFICE.search(" ".join((sp.role or "", phrase)))
                                            or _is_domestic([sp.role or "", phrase])):
                # Also a role of domestic politics: "Opposition Leader X" in an article whose
                # headline quotes the country's prime minister.
                decided[key] = (_headline_speakers_country(text, claims), None, True)
            if decided[key][0] is None and sp.type == "person" and sp.role and _TITLED_OFFICE.search(sp.role) \
                    and own_country():
                # "Finance Minister X", "Central Bank Governor Y", titled with no country, in an
                # article about one country (its dateline's, or the one its headline names and
                # it names most): that country's (rule own-country-office)
                decided[key] = (own_country(), None, True)
            if decided[key][0] is None and sp.type == "person" and sp.role and _OTHER_TITLED_OFFICE.search(sp.role):
                # the same for "Home Secretary X", "petroleum minister Y" under a dateline; else
                # decided below, by the government the article quotes (rule government-colleague)
                if dateline is not None:
                    decided[key] = (own_country(), None, True)
                else:
                    colleagues.append(c)
            if decided[key][0] is None and dateline is not None \
                    and (_STATE_OFFICE.fullmatch(sp.name) or sp.role and _STATE_OFFICE_ROLE.match(sp.role)) and own_country():
                # "The Foreign Office said", "Presidency spokesperson X", "Navy spokesman Y": a
                # state's own body, named without its country, under a dateline: that place's
                # country (rule own-country-body). Not by the headline's country, which is often
                # the country the story is about, not whose officials speak ("Lula defends ... war
                # in Ukraine": Brazil's Presidency).
                decided[key] = (own_country(), None, True)
        country, role, inferred = decided[key]
        if country:
            sp.country, sp.country_inferred = country, inferred
        if role and not sp.role:
            sp.role = role
        if not country and dateline is not None and _unmarked_home_speaker(sp.name, sp.type, sp.role, phrase):
            unmarked.append(c)
        if not country and dateline is None and own_country() is None \
                and (_home_office(sp.name, sp.role, phrase, mentions.get(sp.name, ()))
                     or _unmarked_home_speaker(sp.name, sp.type, sp.role, phrase, _POLITICAL_TITLE)):
            homeless.append(c)
    _principals_countries(text, claims)
    _another_of_the_same(text, claims)
    _the_same_noun_again(text, claims)
    for c in unmarked:
        if c.speaker.country is None and own_country():
            # "The Directorate of Criminal Investigations said", "Secretary X", "a senior
            # official at the presidential office": a body or an official of the country's own,
            # named without one, in a story filed from that country, when nothing else in the
            # article places them (rule dateline-home)
            c.speaker.country, c.speaker.country_inferred = own_country(), True
    speakers_home = cache(lambda: _speakers_home(claims))
    _government_colleagues(claims, colleagues, lambda: _headline_state_body(_headline(text, title)) or speakers_home())
    for c in homeless:
        if c.speaker.country is None and speakers_home():
            # "Presidency spokesperson X", "Communications Director Y", "the opposition leader"
            # with no dateline or headline to place them, in an article most of whose speakers
            # are of one country: that country's (rule speakers-home)
            c.speaker.country, c.speaker.country_inferred = speakers_home(), True


# Most speakers placed in one country by the text itself: at least this many, distinct.
_HOME_SPEAKERS = 3


def _speakers_home(claims: list[ClaimCandidate]) -> str | None:
    """The country of more than half of the distinct speakers the text itself places (their
    phrase or an outlet's table; not inferred), when at least three are of it: an article
    quoting mostly one country's politicians is about that country's politics, and its other
    officials named without a country are most likely that country's too."""
    # (not a speaker facing abroad, an embassy or an envoy: it tells where its own state is,
    # not where the article is)
    placed = {(c.speaker.name, c.speaker.country) for c in claims
              if c.speaker.country and not c.speaker.country_inferred and c.speaker.type not in _SKIPPED_TYPES
              and not _ABROAD.search(" ".join((c.speaker.name, c.speaker.role or "")))}
    counts = Counter(code for _, code in placed)
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if code in COUNTRY_CODES and n >= _HOME_SPEAKERS and 2 * n > len(placed) else None


def _home_office(name: str, role: str | None, phrase: str, mentions: tuple[str, ...] | list[str]) -> bool:
    """Whether a speaker holds an office of a state's own politics or service, as written
    without its country: a domestic role ("opposition leader", "MP"), a ministry or the
    government, a titled national office ("Finance Minister"), a state body or its
    spokesperson ("the Navy", "Presidency spokesperson")."""
    words = " ".join((role or "", phrase))
    return bool(_is_domestic([role or "", phrase, *mentions]) or _NATIONAL_OFFICE.search(words)
                or role and _TITLED_OFFICE.search(role) or _STATE_OFFICE.fullmatch(name)
                or role and _STATE_OFFICE_ROLE.match(role) or _HOME_TITLE.search(words))


# Words of a country's own bodies: "the Directorate of Criminal Investigations", "the Energy
# Market Authority", "the spy agency", "the Left Alliance", "a senior official at the
# presidential office".
_HOME_BODY_WORD = compile_pattern(
    r"\b(?i:ministry|department|office|authority|directorate|agency|service|council|committee|commission|"
    r"presidency|presidential|government|cabinet|parliament|assembly|senate|party|alliance|coalition|congress|"
    r"greens|board|bureau|institute|police|army|navy|military|court|bank|chamber|association|federation|"
    r"division|administration|regulator|inspectorate|prosecutors?)\b")
# Titles of the people who lead or speak for them: "Secretary X", "Chair Y", "Rep. Z",
# "Association chairman W".
_HOME_PERSON_TITLE = compile_pattern(
    r"\b(?i:secretary|minister|spokes(?:person|man|woman)|chair(?:man|woman|person)?|director|head|chief|"
    r"leader|governor|mayor|mp|rep|representative|senator|deputy|lawmaker|legislator|commander|general|"
    r"prosecutor|judge|speaker|td|mla|adviser|advisor|president|premier|chancellor)\b")
# Speakers who face abroad or belong to no one state: an embassy, an envoy, a Western diplomat,
# the UN's or the EU's people, international bodies; and a republic the country tables did not
# place ("the head of the Dniester Republic"), which is not the dateline's.
_NOT_HOME = compile_pattern(
    r"\b(?i:ambassadors?|envoys?|diplomats?|diplomatic|consul\w*|embass(?:y|ies)|emissar(?:y|ies)|missions?|"
    r"foreign (?:diplomats?|officials?|ministers|leaders)|western|international|world|global|european|"
    r"commissioner|secretary[- ]general|high representative|interpol|red cross|red crescent|amnesty|watch|republic|"
    r"united nations|u\.n\.)\b"
    r"|\b(?:UN[A-Z]*|EU|NATO|OSCE|IMF|IAEA|WHO|WTO|WFP|OPEC|OECD|IEA|ICC|ICJ|IOC|FIFA|UEFA|BRICS|ASEAN|AU|"
    r"ECOWAS|GCC|CSTO|SCO|ECB|G7|G20)\b")
# Speakers who are their state's people abroad: an embassy, a consulate, an envoy.
_ABROAD = compile_pattern(r"\b(?i:ambassadors?|envoys?|diplomats?|consul\w*|embass(?:y|ies)|missions?)\b")
# A body's name that is its initials: "the DFA", "MEA", "MoFA".
_INITIALS = compile_pattern(r"(?:[Tt]he\s+)?[A-Z][A-Za-z]?[A-Z][A-Z]{0,4}")


# Of those, the titles of a country's own politics, which alone place a person by the country of
# the article's other speakers: "Tory leader X", "economics spokesman Y" (not "chief economist at
# X", "chairman", "adviser", which private bodies and foreign ones give too).
_POLITICAL_TITLE = compile_pattern(
    r"\b(?i:leader|spokes(?:person|man|woman)|secretary|minister|mp|rep|representative|senator|lawmaker|"
    r"legislator|whip|td|mla)\b")


def _unmarked_home_speaker(name: str, speaker_type: str, role: str | None, phrase: str,
                           titles: re.Pattern[str] = _HOME_PERSON_TITLE) -> bool:
    """Whether a speaker with no country of their own is one of the country's own bodies or
    officials by the words it is written with: a body whose name holds a word of one
    (ministry, authority, party, agency) or is its initials, an official titled by such an
    office (one of ``titles``), an unnamed official of such a body; never one facing abroad or
    of no one state (an embassy, an envoy, the UN)."""
    words = " ".join((name, role or "", phrase))
    if _NOT_HOME.search(words):
        return False
    if speaker_type == "organization":
        return bool(_HOME_BODY_WORD.search(name) or _INITIALS.fullmatch(name))
    if speaker_type == "person":
        return bool(role and titles.search(role))
    if speaker_type == "anonymous":
        return bool(_HOME_BODY_WORD.search(phrase))
    return False


# Other titles of a state's own service, capitalised before a name: "Communications Director
# X", "Presidential Spokesperson Y", "Senate President Z", "Chief of Staff of the Navy W".
_HOME_TITLE = compile_pattern(r"\b(?:Communications Director|Director of Communications|Senate President"
                              r"|Speaker of (?:the )?(?:Parliament|House|Senate|Assembly)"
                              r"|Chief of (?:the )?(?:General |Defen[cs]e |Naval |Air )?Staff(?: of the (?:Navy|Army|Air Force))?"
                              r"|[Pp]residential [Ss]pokes(?:man|woman|person)|[Pp]residency [Ss]pokes(?:man|woman|person))\b")


# Titles of a head of state or government, whose ministers the article may name without country.
# (not the "Chancellor of the Exchequer", a finance minister)
_HEAD_OF_GOVERNMENT = compile_pattern(r"\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Cc]hancellor(?! of)|[Pp]remier)\b")


def _government_colleagues(claims: list[ClaimCandidate], colleagues: list[ClaimCandidate],
                           headline_body: Callable[[], str | None]) -> None:
    """"Home Secretary X", "petroleum minister Y" with no country of their own and no dateline:
    the country of the one government whose head the article quotes with a country ("President
    X", KE), else of the state body or party its headline names ("Labour accused of broken
    pledge"). Not the one country the headline names, often the story's subject, not whose
    ministers speak ("Ruto: Africa cannot afford another year of war in Ukraine") (rule
    government-colleague)."""
    if not colleagues:
        return
    heads = {c.speaker.country for c in claims if c.speaker.country and c.speaker.type == "person" and c.speaker.role
             and _HEAD_OF_GOVERNMENT.search(c.speaker.role) and not _SUBORDINATE_BEFORE.search(c.speaker.role)}
    country = heads.pop() if len(heads) == 1 else None if heads else headline_body()
    if country is None:
        return
    for c in colleagues:
        if c.speaker.country is None:
            c.speaker.country, c.speaker.country_inferred = country, True


# "Vice President", "Deputy Prime Minister", "former president": not the head of government.
_SUBORDINATE_BEFORE = compile_pattern(r"(?i)\b(?:vice|deputy|former|ex)[- ]")


# A round-up's paragraph that opens with the region it reports on: "Kherson Oblast: The regional
# governor said ...".
_SECTION_REGION = compile_pattern(r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)[ \u00a0]+(?:Oblast|Region|Province|Krai|"
                             r"Governorate|Voivodeship|County)[ \u00a0]*:")
# Offices of a region or a town, which the region of the paragraph places.
_REGIONAL_OFFICE = compile_pattern(r"\b(?i:governor|mayor|head|chief|regional|administration|authorities|"
                              r"officials?|police|council)\b")


def _section_region_country(text: str, start: int, role: str | None, phrase: str) -> str | None:
    """The country of the region whose heading opens the speaker's paragraph, for a governor,
    a mayor or a regional administration the phrase gives no place of its own (rule
    section-region)."""
    if not _REGIONAL_OFFICE.search(" ".join((role or "", phrase))):
        return None
    m = _SECTION_REGION.match(text, text.rfind("\n", 0, start) + 1)
    return place_country(m.group(1)) if m is not None and m.end() <= start else None


# The people of a trial: judges, prosecutors, investigators, lawyers (not a court speaking:
# one actor row per name, and "the Supreme Court" of one article is not another's).
_COURT_ROLE = compile_pattern(r"\b(?:[Jj]udges?|[Pp]rosecut(?:ors?|ion)|[Ii]nvestigators?|[Ll]awyers?|[Aa]ttorneys?|"
                         r"[Dd]efen[cs]e)\b")
# The court the article names with its place or country: "A Moscow court", "the Russian court",
# "a Kyiv district court".
_COURT_OF = compile_pattern(r"\b(?:[Aa]|[Tt]he)[ \u00a0]+([A-Z][\w'’-]+(?:[ \u00a0]+[A-Z][\w'’-]+)?)[ \u00a0]+"
                       r"(?:(?:[Dd]istrict|[Rr]egional|[Cc]ity|[Mm]ilitary|[Aa]ppeals?|[Ss]upreme)[ \u00a0]+)?[Cc]ourt\b")


def _court_country(text: str) -> str | None:
    """The one country of the courts the article names ("A Moscow court extended ..."), or None
    when it names none or several."""
    codes = set()
    for m in _COURT_OF.finditer(text):
        words = [w for w in m.group(1).split() if w.lower() not in _COURT_KINDS]
        code = next((c for c in map(country_of_phrase, words) if c), None)
        if code is None and len(words) == 1:
            code = place_country(words[0])  # "A Rostov court": a city of a country the article names
            if code not in {f.code for f in find_countries(text)}:
                code = None
        if code in COUNTRY_CODES:
            codes.add(code)
    return codes.pop() if len(codes) == 1 else None


# Words of a court's name that name no place: "the Supreme Court", "the High Court".
_COURT_KINDS = frozenset({"supreme", "high", "constitutional", "criminal", "federal", "international",
                          "european", "crown", "magistrates", "county", "state", "bankruptcy", "arbitration",
                          "circuit", "lower", "higher", "administrative", "commercial"})


# An office of a national government named without its country: "Foreign Ministry spokesman
# X", "Energy Minister Y", "a senior government official", "National Security Adviser Z",
# "presidential aide W".
_NATIONAL_OFFICE = compile_pattern(r"\b(?:[Mm]inist(?:er|ry)|[Gg]overnment|[Cc]abinet|[Nn]ational [Ss]ecurity [Aa]dviser"
                              r"|[Pp]residential (?:aide|adviser|advisor|spokes(?:man|woman|person)|administration))\b")


# A national office's title as written before a name, capitalised: "Finance Minister",
# "Deputy Prime Minister", "Central Bank Governor", "Defence Forces commander", "Chief of the
# General Staff", "Prosecutor General".
_TITLED_OFFICE = compile_pattern(r"(?:^|\b)(?:[A-Z][a-z]+ )*Minister\b|\bCentral Bank (?:Governor|Chair(?:man|woman)?)\b"
                            r"|\b(?:Defen[cs]e|Armed) Forces (?:[Cc]ommander|[Cc]hief)\b|\bChief of (?:the )?(?:General|Defen[cs]e) Staff\b"
                            r"|\bProsecutor[- ]General\b")


# Titles that some countries give ministers, or that papers write in lower case: "Foreign
# Affairs Secretary X", "Home Secretary Y", "petroleum minister Z" (not "Secretary-General").
_OTHER_TITLED_OFFICE = compile_pattern(r"\b(?:[A-Z][a-z]+ )+Secretary\b(?![- ]General)|\b[a-z]+ minister\b")


# A state's own body as written without its country, capitalised: "the Foreign Office", "the
# Presidency", "the Ministry of National Defence", "the Navy", "the General Staff".
_STATE_BODY = (r"(?:Foreign Office|Foreign Ministry|Presidency|Ministry of (?:National )?Defen[cs]e"
               r"|Ministry of Foreign Affairs|Defen[cs]e Ministry|Navy|Air Force|Armed Forces|General Staff"
               r"|Joint Chiefs of Staff|Border Guard|Coast Guard)")
# The speaker is the body itself ("The Foreign Office"; not "the Royal Navy", a named foreign one)...
_STATE_OFFICE = compile_pattern(rf"(?:[Tt]he\s+)?{_STATE_BODY}")
# ... or speaks for it by title: "Presidency spokesperson X", "Navy spokesman Y".
_STATE_OFFICE_ROLE = compile_pattern(rf"(?:[Tt]he\s+)?{_STATE_BODY}\s+(?:spokes\w+|press\s+secretary)\b")


def _headline_speakers_country(text: str, claims: list[ClaimCandidate]) -> str | None:
    """The country of the speaker the headline quotes ("Japan to tighten sanctions, Suga says"):
    the country whose government the article reports on, so that its officials named without
    their country ("Foreign Minister Kishida" further down) are that country's."""
    title_end = text.find("\n")
    for c in claims:
        if c.kind == "headline" and c.text_start < title_end:
            code = c.speaker.country
            return code if code in COUNTRY_CODES else None
    return None


def _outlets_countries(text: str, claims: list[ClaimCandidate]) -> None:
    """An outlet speaking takes the country the article gives it, else the outlet table's."""
    for c in claims:
        sp = c.speaker
        if sp.type == "media" and not sp.country and sp.name[:1].isupper():
            # "the Spanish newspaper ABC" is Spanish whatever outlet the table calls ABC.
            sp.country = _classed_country(text[c.speaker_start : c.speaker_end], at_end=False) or \
                _named_body_country(text, sp.name, claims)[1]


def _speaker_body_country(text: str, name: str, speaker_type: str, role: str | None, phrase: str,
                          mentions: dict[str, list[str]], claims: list[ClaimCandidate]) -> str | None:
    """A named body's own country; for a person, that of the body the person works for."""
    if not name[:1].isupper() or speaker_type == "group":
        # ("Analysts at Sberbank said": people of a body, named by their noun, rule group-of-body)
        return _affiliated_country(text, "", [p for p in (role, phrase) if p], claims)
    if speaker_type == "organization" or (speaker_type == "person" and _is_body(text, name, role, phrase)):
        return _named_body_country(text, name, claims)[1]
    if speaker_type != "person":
        return None
    phrases = [p for p in (role, phrase) if p] + mentions.get(name, []) + _affiliation_after_name(text, name)
    return _affiliated_country(text, name, phrases, claims)


@cache
def _associates() -> re.Pattern[str]:
    text = (files("claimsdb.data") / "associate_nouns.txt").read_text(encoding="utf-8")
    nouns = sorted((line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")),
                   key=len, reverse=True)
    # Ends where the speaker phrase ends: "Petrov's friends and former colleagues", or with
    # the associate's own name: "Petrov's spokesman, Ivan Sidorov".
    # The noun in any case: headlines write "Castro's Son Says ...".
    return compile_pattern(r"(?<![\w-])([A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+){0,5}(?i:" + "|".join(map(re.escape, nouns))
                      + r")(?:,?\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)?$")


# An office's associate named by the office alone: "the president's press secretary", "the prime
# minister's spokesman, X".
_OFFICE_ASSOCIATE = compile_pattern(
    r"\b[Tt]he\s+(president|prime\s+minister|premier|chancellor|foreign\s+minister)['’]s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:press\s+secretary|spokes(?:man|woman|person)|advis[eo]r|aide|chief\s+of\s+staff)"
    r"(?:,?\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)?$")


def _holders_country(claims: list[ClaimCandidate], office: str) -> str | None:
    """The country of the speakers holding ``office`` (not "vice president", "former ..."), when
    the article places them all in one."""
    office = " ".join(office.split())
    found = {c.speaker.country for c in claims
             if c.speaker.type == "person" and c.speaker.country and c.speaker.role
             and office in " ".join(c.speaker.role.lower().split()) and not _SUBORDINATE_BEFORE.search(c.speaker.role)}
    return found.pop() if len(found) == 1 else None


# The given names and surname that end where a possessive's name ends: "Angela Merkel".
_NAME_BEFORE = compile_pattern(r"(?:[A-Z][\w'’-]+ )?[A-Z][\w-]+$")


def _principals_countries(text: str, claims: list[ClaimCandidate]) -> None:
    """Speakers described as a person's associates ("Petrov's lawyer", "Petrov's former
    colleagues") take the country of that person as the article's other claims place them; when
    they do not, the person is noted as the speaker's principal, whose country the database
    may know from other articles (see resolve.actors)."""
    open_claims = [c for c in claims if c.speaker.type not in _SKIPPED_TYPES and not c.speaker.country]
    if not open_claims:
        return
    # Keyed by every surname a person bears ("Pablo Ortega Lamas": Ortega and Lamas, also
    # when named "Ortega Lamas"); a surname two placed persons of different countries share places no one.
    placed: dict[str, str | None] = {}
    for c in claims:
        if c.speaker.type == "person" and c.speaker.country:
            words = c.speaker.name.split()
            given = first_names()
            for surname in [w for w in words if w.lower() not in given] or words[-1:]:
                if surname[:1].isupper():
                    known = placed.setdefault(surname, c.speaker.country)
                    if known != c.speaker.country:
                        placed[surname] = None
    for c in open_claims:
        line_start = text.rfind("\n", 0, c.speaker_start) + 1
        office = _OFFICE_ASSOCIATE.search(text, max(line_start, c.speaker_start - 80), c.speaker_end)
        if office is not None:
            # "the president's press secretary": the country of the one holder of that office
            # the article places (rule office-associate)
            c.speaker.country = _holders_country(claims, office.group(1).lower())
            continue
        m = _associates().search(text, max(line_start, c.speaker_start - 80), c.speaker_end)
        if m is None:
            continue
        if placed.get(m.group(1)):
            c.speaker.country = placed[m.group(1)]
        elif m.group(1) not in placed:
            c.speaker.principal = m.group(1)
            # "Chancellor Angela Merkel's spokesman": the principal's office, when listed in full
            full = _NAME_BEFORE.search(text, max(line_start, m.start(1) - 40), m.end(1))
            office = office_of(full.group(0)) if full and " " in full.group(0) else None
            if office is None or not office.country:
                # "Zelensky's spokesman", "President Aliyev's adviser": a listed surname alone,
                # trusted when the article names the office's country.
                office = office_of(m.group(1))
                if office is not None and office.country not in {x.code for x in find_countries(text)}:
                    office = None
            if office is not None and office.country:
                c.speaker.country = office.country


# "another Hamas official", "another Pravyi Sektor activist": one more of a group named before.
_ANOTHER = compile_pattern(r"\banother[ \u00a0]+((?:[A-Z][\w'’-]*[ \u00a0]+)*[A-Z][\w'’-]*)[ \u00a0]+[a-z]")


def _another_of_the_same(text: str, claims: list[ClaimCandidate]) -> None:
    """A speaker called "another <group> <noun>" takes the country of the earlier speaker whose
    phrase named the same group, when that speaker has one."""
    for c in claims:
        if c.speaker.type in _SKIPPED_TYPES or c.speaker.country:
            continue
        m = _ANOTHER.search(text, c.speaker_start, c.speaker_end)
        if m is None:
            continue
        group = m.group(1)
        countries = {o.speaker.country for o in claims
                     if o.speaker.country and o.speaker_end <= c.speaker_start
                     and group in text[o.speaker_start : o.speaker_end]}
        if len(countries) == 1:
            c.speaker.country = countries.pop()


# An unnamed speaker called again by its noun: "the official" after "a senior External
# Affairs Ministry official"; "the diplomat".
_THE_NOUN = compile_pattern(r"^(?:the|that|this)[ \u00a0]+([a-z][a-z-]+)$", re.IGNORECASE)


def _the_same_noun_again(text: str, claims: list[ClaimCandidate]) -> None:
    """An unnamed speaker called by a bare noun ("the official said") takes the country of the
    nearest unnamed speaker before it whose phrase ends, before any comma, with the same noun
    ("a senior Foreign Ministry official, speaking on condition of anonymity"); a headline's bare noun ("..., says official") takes that of the first
    such speaker of the body. Only unnamed speakers (types anonymous and group) are joined."""
    title_end = text.find("\n")
    unnamed = [c for c in claims if c.speaker.type in ("anonymous", "group")]
    for c in unnamed:
        if c.speaker.country:
            continue
        phrase = text[c.speaker_start : c.speaker_end].strip()
        in_title = c.speaker_start < title_end
        m = _THE_NOUN.match(phrase) or (re.fullmatch(r"(?:an?[ \u00a0]+)?([a-z][a-z-]+)", phrase) if in_title else None)
        if m is None:
            continue
        noun = m.group(1).lower()
        fuller = [o for o in unnamed if o.speaker.country and o is not c
                  and (o.speaker_end <= c.speaker_start or in_title)
                  and _ends_with_noun(text[o.speaker_start : o.speaker_end], noun)]
        if not fuller:
            continue
        nearest = fuller[0] if in_title else max(fuller, key=lambda o: o.speaker_start)
        c.speaker.country = nearest.speaker.country


def _ends_with_noun(phrase: str, noun: str) -> bool:
    """Whether a longer phrase's head, before any comma, is ``noun``: "a senior government
    official, who asked not to be named" for "official"."""
    head = phrase.split(",", 1)[0].strip().lower()
    return " " in head and re.search(r"(?<![\w-])" + re.escape(noun) + r"$", head) is not None


def _without_words(phrase: str, words: set[str]) -> str:
    return " ".join(w for w in phrase.split()
                    if w.strip(",.;:").removesuffix("'s").removesuffix("’s") not in words)


def _lazy(compute: Callable[[], set[str]]) -> Callable[[], set[str]]:
    return cache(compute)


# A past office: "the former Estonian prime minister", "ex-president".
_FORMER_ROLE = compile_pattern(r"\b(?:[Ff]ormer|ex-)")


def _country(text: str, name: str, speaker_type: str, role: str | None, phrase: str, names: list[str],
             year: int | None, document_countries: Callable[[], set[str]],
             mentions: dict[str, list[str]]) -> tuple[str | None, str | None]:
    person = speaker_type == "person" and name[:1].isupper()
    name_words = set(name.split()) if person else set()
    own = [p for p in (role, phrase) if p]
    if person and name not in mentions:
        mentions[name] = _other_mentions(text, name)
    phrases = list(dict.fromkeys(own + (mentions[name] if person else [])))
    # A phrase that is only the person's own name ("Angela" before "Merkel") says nothing.
    phrases = [p for p in phrases if not (name_words and set(p.split()) <= name_words)]
    # The person's own name is no demonym ("Mr Irish", "Philip French, the critic").
    in_name = {w for w in name_words if country_of_phrase(w)}
    former = None
    for p in phrases:
        code = country_of_phrase(_without_words(p, in_name) if in_name else p)
        if code and _FORMER_ROLE.search(p) and person:
            # "the former Estonian prime minister" of a person the article gives another
            # office ("the EU's foreign policy chief"): the past office's country only if
            # nothing else places them (rule former-role-country)
            former = former or code
            continue
        if code:
            return code, None
    if former:
        return former, None
    code = _body_title_country(own, document_countries)
    if code:
        return code, None
    for p in own:
        # Misspellings are looked for in the speaker's own phrase only, and not in the name:
        # elsewhere a one-letter slip would more often be some other word.
        code = misspelt_country(_without_words(p, name_words))
        if code:
            return code, None
    for p in phrases:
        code = _voice_country(p, names, year, document_countries) or _place_of(p) or _body_country(p) \
            or _institution_country(p, document_countries)
        if code:
            return code, None
    if not person:
        return None, None
    if role and not any(w in _political_words() for p in (role, *phrases) for w in re.findall(r"[^\W\d_]+", p.lower())):
        # "John Reid, chairman of a record label" is not the minister of that name; "President
        # X ... The head of state said" is, by the title the article gives him elsewhere.
        return None, None
    office = office_of(name, year=year, context=names, titles=own)
    if office is None or not office.country:
        return None, None
    if not is_listed_name(name):
        # A surname alone, or a given name spelt another way, is trusted only in an article
        # that names the person's country; a bare surname also needs the person's given name
        # or the office's title somewhere in the article ("Foreign Minister Lavrov").
        if office.country not in document_countries():
            return None, None
        if " " not in name.strip() and not _named_or_titled(text, name, office.role):
            return None, None
    # Without the article's year the office held then is unknown: the country only.
    return office.country, (office.role or None) if year is not None else None


@cache
def _body_titles() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """Titles only international bodies give (data/body_titles.tsv) → the bodies that give them."""
    text = files("claimsdb.data").joinpath("body_titles.tsv").read_text(encoding="utf-8")
    rows = (ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return tuple((compile_pattern(r"(?<![\w-])" + re.escape(t.strip()).replace(r"\-", "[- ]").replace(r"\ ", "[ -]")
                             + r"(?![\w-])", re.IGNORECASE), tuple(b.strip() for b in bodies.split("|")))
                 for t, bodies in rows)


@cache
def _any_body_title() -> re.Pattern[str]:
    """All the body titles' patterns as one alternation: a phrase it finds nothing in holds no
    title (each alternative is a whole title's pattern, lookarounds and all, so the one
    search finds a match exactly when one of the title patterns would)."""
    return compile_pattern("|".join(pattern.pattern for pattern, _ in _body_titles()), re.IGNORECASE)


# "A Commission spokesperson", "Commission Vice-President X", opening the phrase: the European
# Commission's, in an article that names the EU (not "Central Election Commission President X").
_COMMISSION_TITLE = compile_pattern(r"^(?:(?:[Aa]n?|[Tt]he)\s+)?Commission\s+(?:spokes(?:person|man|woman|people)"
                                    r"|(?:[Ee]xecutive\s+)?[Vv]ice[- ][Pp]resident|[Pp]resident)\b")


def _body_title_country(phrases: list[str], document_countries: Callable[[], set[str]]) -> str | None:
    """"Assistant Secretary-General for Humanitarian Affairs", "Commissioner for Energy": a title
    only an international body gives, of the one such body the article names (rule
    body-title)."""
    if any(_COMMISSION_TITLE.match(p) for p in phrases) and "EU" in document_countries():
        return "EU"
    for p in phrases:
        if not _any_body_title().search(p):
            continue  # one search instead of one per title: almost no phrase holds one
        for pattern, bodies in _body_titles():
            if pattern.search(p):
                named = [b for b in bodies if b in document_countries()]
                if len(named) == 1:
                    return named[0]
    return None


@cache
def _political_words() -> frozenset[str]:
    text = (files("claimsdb.data") / "political_roles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _named_or_titled(text: str, surname: str, role: str) -> bool:
    lower = text.lower()
    if any(_occurrences(lower, given) for given in given_names(surname)):
        return True
    role_words = {w.lower() for w in role.split() if len(w) > 3}
    return any(w.lower() in role_words for start, _ in _occurrences(text, surname)
               for w in _title_before(text, start).split())


_PHRASE_BREAK = compile_pattern(r"[,.;:()“”\"\n]")


def _is_local(text: str, name: str, speaker_type: str, phrase: str) -> bool:
    # An unnamed speaker's name is its description, also when the phrase is a pronoun ("a
    # protester, who said ...").
    if _LOCAL.search(phrase) or (speaker_type != "person" and _LOCAL.search(name)):
        return True
    if speaker_type != "person" and (_LOCAL_PERSON.match(phrase) or _LOCAL_PERSON.match(name)):
        return True
    if speaker_type != "person" or not name[:1].isupper():
        return False
    if _given_name_only(text, name):
        return True
    surname = name.split()[-1]
    for start, end in _occurrences(text, surname):
        # What is said of the person in the same phrase: "60-year-old Ms Olga", "Ivan Petrov,
        # a retiree"; not "the locals" further on in the sentence.
        before = _PHRASE_BREAK.split(text[max(0, start - 40) : start])[-1]
        if (_LOCAL_BEFORE_NAME.search(before) or _LOCAL.search(_appositive_after(text, end))) and not find_countries(
                before, regions=True):  # "Northern Ireland man James Petrie": from there, not from the story's place
            return True
    return False



# A participle's aside closing a speaker phrase: where the speaker was, not whose they are
# ("President X, speaking in Ankara", "Minister Y, speaking at a forum in Bergen").
# (not "including": "Proponents, including the US Conference of Mayors" are whose it lists)
_PARTICIPLE_ASIDE = compile_pattern(r",\s+(?!including\b)[a-z]+ing\b[^,]*$")


def _without_participle_aside(phrase: str) -> str:
    """``phrase`` without a participle's aside at its end (rule speaking-in-place)."""
    m = _PARTICIPLE_ASIDE.search(phrase)
    return phrase[: m.start()] if m else phrase


_BRACKET_AFTER = compile_pattern(r"[ \u00a0]*\([^()\n]{2,80}\)")


def _bracket_after(text: str, end: int) -> str:
    """A bracket right after the speaker phrase, which describes it: "the ferry landing near
    Tulcea (40km east of Galati)"."""
    m = _BRACKET_AFTER.match(text, end, min(len(text), end + 90))
    return m.group() if m else ""


def _given_name_only(text: str, name: str) -> bool:
    """Whether the article calls the person by a given name only, nowhere with a surname:
    "Piet, who would not give his surname, said ..." is someone a reporter met there."""
    if " " in name.strip() or name.lower() not in first_names():
        return False
    for start, end in _occurrences(text, name):
        if re.match(r"[ \u00a0]+[A-Z]", text[end : end + 3]):
            return False  # "Oleg Petrov": a surname follows
        before = re.search(r"(?<![\w.'’-])([A-Z][\w.'’-]*)[ \u00a0]+$", text[max(0, start - 30) : start])
        if before and (not before.group(1).endswith(".") or len(before.group(1)) <= 4):
            return False  # "Pope Francis", "Mr. Oleg": a title or name before it, not a sentence end
    return True


# Words of a country's own politics that a headline ties to the country it names: "Ukraine
# opposition protests ...", "Moldovan parliament votes ...", "Estonia's national defence".
_HEADLINE_POLITICS = compile_pattern(
    r"(?:['’]s)?[ \u00a0]+(?:opposition|parliament|parliamentary|mps|lawmakers|legislators|politics|"
    r"political|election|elections|government|national)\b", re.IGNORECASE)


def _headline(text: str, title: str | None) -> str:
    """The article's headline: its title, else its first line."""
    return title or (text[: text.find("\n")] if "\n" in text else text)


def _headline_politics(text: str, title: str | None) -> bool:
    """Whether the headline is about one country's domestic politics: a country word right
    before a word of politics ("Ukrainian opposition uses polls")."""
    title = _headline(text, title)
    return any(m.code in COUNTRY_CODES and _HEADLINE_POLITICS.match(title, m.end)
               for m in find_countries(title)) or _headline_state_body(title) is not None


def _headline_state_body(title: str) -> str | None:
    """The country of the one state body the headline names ("Rada debates law on ..."): a
    headline about a country's parliament or security service is about its politics."""
    pattern, codes = _state_bodies()
    found = {codes[m.group()] for m in pattern.finditer(title)}
    return found.pop() if len(found) == 1 else None


def dateline_country(dateline: Dateline) -> str | None:
    """The country of the place ``dateline`` names, if it names a known one."""
    return place_text_country(dateline.place)


@cache
def place_text_country(place: str) -> str | None:
    """The country of a dateline's place as written ("KYIV", "RIGA/VILNIUS Latvia"), if known."""
    code = country_of_phrase(place)
    if code:
        return code
    for part in re.split(r"[/,]", place):
        code = place_country(part.strip())
        if code:
            return code
    return None


def _own_country(text: str, title: str | None, dateline: Dateline | None) -> str | None:
    """The country the article is about: its dateline's, else the one country its headline
    names, if the article names that country more often than any other."""
    if dateline is not None:
        return place_text_country(dateline.place)
    title = _headline(text, title)
    in_title = {m.code for m in find_countries(title) if m.code in COUNTRY_CODES}
    if not in_title:
        # A headline naming no country but one country's state body: "Rada debates law".
        return _headline_state_body(title)
    if len(in_title) != 1:
        return None
    code = in_title.pop()
    counts = Counter(m.code for m in find_countries(text) if m.code in COUNTRY_CODES)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][0] != code or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return code


@cache
def _domestic_words() -> frozenset[str]:
    text = (files("claimsdb.data") / "domestic_roles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_domestic(phrases: list[str]) -> bool:
    """Whether a role is one of a country's own politics ("opposition leader", "an MP")."""
    words = _domestic_words()
    return any(w in words for p in phrases for w in _LOWER_WORD.findall(p.lower()))


_LOWER_WORD = compile_pattern(r"[a-z]+")
_THE_COUNTRYS = compile_pattern(r"\b(?:the|this|that)\s+(?:country|nation)['’]s\b", re.IGNORECASE)
# Who stands across from a country rather than for it: "the country's partners".
_RELATIONS = frozenset({
    "partner", "partners", "ally", "allies", "neighbour", "neighbours", "neighbor", "neighbors",
    "enemy", "enemies", "critic", "critics", "rival", "rivals", "creditor", "creditors", "foreign",
    "opponent", "opponents", "adversary", "adversaries",
})
# Right before the speaker phrase, which may leave it out: "the country's [Interior Ministry]".
_THE_COUNTRYS_BEFORE = compile_pattern(r"\b(?:the|this|that)[ \u00a0]+(?:country|nation)['’]s[ \u00a0]+$", re.IGNORECASE)
# How far back the country that "the country's" refers to, or a fuller mention of a body, is
# looked for: the sentences just before.
_ANTECEDENT_CHARS = 600


# An opener naming whom the speaker speaks for: "Speaking for Ukraine, Ambassador X said",
# "On behalf of the EU, X told the council"; the speaker phrase follows (a title may open it).
_SPOKEN_FOR = compile_pattern(r"(?:\b[Ss]peaking (?:for|on behalf of)|\b[Oo]n behalf of)[ \u00a0]+(?:the[ \u00a0]+)?"
                         r"([A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,3})[ \u00a0]*,[ \u00a0]*$")


_SPOKEN_FOR_AFTER = compile_pattern(r",[ \u00a0]*(?:speaking (?:for|on behalf of)|on behalf of)[ \u00a0]+(?:the[ \u00a0]+)?"
                               r"([A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,3})[ \u00a0]*,")


def _spoken_for(text: str, start: int, end: int | None = None) -> str | None:
    """The country or body a "Speaking for X," opener right before the speaker names
    (rule speaking-for), or an aside right after the speaker's name: "X, speaking for the
    Russian Federation, said" (rule speaking-for-aside)."""
    m = _SPOKEN_FOR.search(text, max(0, start - 60), start)
    if m:
        return country_of_phrase(m.group(1))
    if end is not None:
        # (the speaker's phrase may hold the aside: "X, speaking for the Russian Federation")
        m = _SPOKEN_FOR_AFTER.search(text, start, min(len(text), end + 80))
        if m and m.start() <= end:
            return country_of_phrase(m.group(1))
    # "For the SPD, the defence spokesman X said": a listed party or body the sentence opens with.
    m = _FOR_BODY.search(text, max(0, start - 60), start)
    if m and (m.start() == 0 or text[m.start() - 1] in "\n" or text[max(0, m.start() - 2) : m.start()] in (". ", "? ", "! ")):
        listed, code = _listed_body_country(m.group(1))
        return code if listed else None
    return None


_FOR_BODY = compile_pattern(r"\bFor[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,3})[ \u00a0]*,[ \u00a0]*"
                       r"(?:the[ \u00a0]+)?(?:[a-z][\w-]*[ \u00a0]+){0,4}$")


# A portfolio minister's title with no country: "Defense Minister X", "Foreign Minister Y".
_PORTFOLIO_MINISTER = compile_pattern(r"\b([A-Z][a-z]+) Minister\b")
# That portfolio's ministry with its country: "Romania's Defense Ministry", "the Latvian Defence
# Ministry", "the Ministry of Defence of Latvia".
_MINISTRY = compile_pattern(r"\b([A-Z][\w-]+)(?:['’]s)? ([A-Z][a-z]+) Ministry\b|\bMinistry of ([A-Z][a-z]+) of ([A-Z][\w-]+)")


def _ministry_named_before(text: str, start: int, role: str | None) -> str | None:
    """The country of the portfolio's ministry named last in the speaker's paragraph or the one
    before, for a minister titled without a country: "Romania's Defense Ministry said ...
    Defense Minister X later told ..." is Romania's minister, whatever the story's own country
    (rule ministry-named-before)."""
    title = _PORTFOLIO_MINISTER.search(role or "")
    if title is None:
        return None
    portfolio = _same_portfolio(title.group(1))
    found = None
    for m in _MINISTRY.finditer(text, _paragraph_before(text, start), start):
        owner, kind = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if _same_portfolio(kind) == portfolio:
            found = country_of_phrase(owner) or found
    return found if found in COUNTRY_CODES else None


# "Its president X", "its leader": the office of a body named just before.
_ITS = compile_pattern(r"(?:^|(?<=\s))[Ii]ts[ \u00a0]+$")
# A capitalised run ending in an organisation's word: "Swiss People's Party", "Latvian Farmers' Union".
_CAPITALISED_RUN = compile_pattern(r"(?:[A-Z][\w'’.-]*[ \u00a0]+)*[A-Z][\w'’.-]*")


def _its_body_country(text: str, start: int, phrase: str) -> str | None:
    """The country of the body the sentence before names first, for "Its president X" ("The
    right-wing Swiss People's Party took the opposite view. Its president X warned ...": CH),
    when that body's name gives one (rule its-body-country)."""
    lead = phrase.lstrip()
    if lead[:4].lower() == "its ":
        at = start + len(phrase) - len(lead)
    else:
        its = _ITS.search(text, max(0, start - 6), start)
        if its is None:
            return None
        at = its.start()
    sentence = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    before = max(text.rfind(". ", 0, max(0, sentence - 2)), text.rfind("\n", 0, max(0, sentence - 2))) + 1
    if text[sentence:at].strip():
        return None  # only an "Its" that opens its sentence looks back to the sentence before
    for m in _CAPITALISED_RUN.finditer(text, before, sentence):
        words = m.group().split()
        if len(words) >= 2 and re.sub(r"['’]s?$", "", words[-1].lower()) in ORG_WORDS:
            code = country_of_phrase(m.group())
            return code if code in COUNTRY_CODES else None
    return None


def _paragraph_before(text: str, start: int) -> int:
    """Where the paragraph before the one holding ``start`` begins (blank lines skipped)."""
    end = text.rfind("\n", 0, start)
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    return text.rfind("\n", 0, end) + 1 if end > 0 else 0


def _same_portfolio(word: str) -> str:
    """A portfolio's word in one spelling: "Defense" and "Defence" are one."""
    return word.lower().replace("defense", "defence")


def _country_named_before(text: str, start: int, phrase: str) -> str | None:
    """The country "the country's" in or right before ``phrase`` refers to: the last one
    named before it."""
    if not _THE_COUNTRYS.search(phrase) and not _THE_COUNTRYS_BEFORE.search(text, max(0, start - 24), start):
        return None
    if any(w in _RELATIONS for w in _LOWER_WORD.findall(phrase.lower())):
        return None  # "the country's foreign partners" are other countries
    # "Ukraine's wish for closer ties to Russia, the country's partners ...": a country after
    # "to", "with", "against" ... is the one talked about, not the one "the country" is.
    before = [m.code for m in find_countries(text, max(0, start - _ANTECEDENT_CHARS), start)
              if m.code in COUNTRY_CODES and not is_complement(text, m.start)]
    return before[-1] if before else None


# "the organization's chairmanship", "the alliance's top commander", "the bloc's foreign
# ministers": an international body the article has just named.
_THE_BODYS = compile_pattern(r"^(?:(?:the|this|that)[ \u00a0]+)?(?:organi[sz]ation|alliance|bloc)['’]s\b", re.IGNORECASE)
# Right before the speaker phrase, which may leave it out: "the alliance's [spokesperson]".
_THE_BODYS_BEFORE = compile_pattern(r"\b(?:the|this|that)[ \u00a0]+(?:organi[sz]ation|alliance|bloc)['’]s[ \u00a0]+$",
                               re.IGNORECASE)


def _body_named_before(text: str, start: int, phrase: str) -> str | None:
    """The international body (EU, UN, NATO, OSCE) "the organization's" or "the alliance's" at
    the start of or right before ``phrase`` refers to: the last one named before it."""
    if not _THE_BODYS.match(phrase.strip()) and not _THE_BODYS_BEFORE.search(text, max(0, start - 30), start):
        return None
    before = [m.code for m in find_countries(text, max(0, start - _ANTECEDENT_CHARS), start) if m.code in ORG_CODES]
    return before[-1] if before else None


def _document_of_the_sentence_before(text: str, start: int, name: str, speaker_type: str) -> str | None:
    """A document nobody is named as issuing ("Draft conclusions say ...") is of the country or
    body the sentence just before opens with ("EU leaders will meet on Thursday.")."""
    if speaker_type == "person" or not name.split():
        return None
    head = name.split()[-1].lower()
    if head not in DOCUMENT_NOUNS and head.removesuffix("s") not in DOCUMENT_NOUNS:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # the document is not what its sentence opens with
    # The sentence before: from the last sentence end before it (within a few lines).
    window = max(0, line_start - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, max(window, line_start - 1))]
    sentence_start = ends[-1] if ends else window
    mentions = [m for m in find_countries(text, sentence_start, line_start) if not is_complement(text, m.start)]
    # What it opens with: "EU leaders will meet ...", not a country named further on.
    if mentions and text[sentence_start : mentions[0].start].strip(" \n\u00a0\"“").lower() in ("", "the"):
        return mentions[0].code
    return None


_SENTENCE_END = compile_pattern(r"[.!?][\"”’)]*\s+")
# A sentence that opens with its place: "In Kiev, ...", "In Warsaw, ...".
_IN_PLACE = compile_pattern(r"(?:^|(?<=[.!?\n])\s*)In ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),")


def _domestic_scene(text: str, start: int) -> str | None:
    """The country of the parliament or capital named last before the speaker, in the speaker's
    sentence or the two before it: a state body (data/state_bodies.tsv: "the Verkhovna Rada")
    or a capital or city that opens a sentence ("In Kiev, ...")."""
    ends = [0] + [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 600), start)]
    window = ends[-3] if len(ends) >= 3 else max(0, start - 600)
    found: list[tuple[int, str]] = []
    pattern, codes = _state_bodies()
    found += [(m.start(), codes[m.group()]) for m in pattern.finditer(text, window, start)]
    for m in _IN_PLACE.finditer(text, window, start):
        code = place_country(m.group(1))
        if code:
            found.append((m.start(), code))
    return max(found)[1] if found else None


# A character that joins a word: none may stand right before or after a name searched for.
_WORD_CHAR = compile_pattern(r"[\w-]")
_COMPLEMENT_AFTER = compile_pattern(r"\s+(?:of|in|for)\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def _fuller_mention(text: str, start: int, name: str, speaker_type: str) -> str | None:
    """The country of the nearest earlier mention of a body the speaker names with less:
    "the police" after "the Odessa regional police", "the heads of state and government"
    after "the heads of state and government of the EU"."""
    if speaker_type == "person" and name[:1].isupper():
        return None
    head = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).strip()
    if len(head) < 4:
        return None
    lo = max(0, start - _ANTECEDENT_CHARS)
    window = text[lo:start]
    i = window.lower().rfind(head.lower())
    if i < 0:
        # "Commission spokesperson", "Commission figures": the body the capitalised words
        # before a common noun name, as the article named it more fully before ("the European
        # Commission"; rule body-short-name)
        short = re.match(r"((?:[A-Z][\w'’-]+[ \u00a0]+)+)[a-z]", head + " x")
        if short is None or len(short.group(1).strip()) < 4 or short.group(1).strip() == head:
            return None
        head = short.group(1).strip()
        # (anywhere before: a body keeps its name through the article)
        # (a plain search for the name, as finditer finds (?<![\w-])HEAD(?![\w-]): no pattern
        # compiled for each name)
        for found in reversed(list(whole_word_starts(text[:start], head, _WORD_CHAR, _WORD_CHAR))):
            before = text[max(0, found - 40) : found]
            # one word before it, a country's or body's own ("European", "Polish", "US"):
            # not "Inner Mongolia Yili", a firm named after a region
            fuller = re.search(r"(?<![\w'’-])([A-Z][\w'’-]+)[ \u00a0]+$", before)
            prior = re.search(r"([A-Z][\w'’-]*)[ \u00a0]+$", before[: fuller.start()]) if fuller else None
            if fuller and (prior is None or prior.group(1) in ("The", "A", "An")):
                code = country_of_phrase(fuller.group(1) + " " + head)
                if code:
                    return code
        return None
    i += lo
    end = i + len(head)
    if (i and text[i - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return None
    m = _COMPLEMENT_AFTER.match(text, end, min(len(text), end + 60))
    fuller = " ".join(p for p in (_title_before(text, i), head, m and "of " + m.group(1)) if p)
    if fuller == head:
        return None
    return country_of_phrase(fuller) or _place_of(fuller)


def _country_of_words(phrase: str) -> str | None:
    return country_of_phrase(phrase) or misspelt_country(phrase)


_MENTIONS_LOOKED_AT = 8


def _other_mentions(text: str, name: str) -> list[str]:
    """The title before and the appositive after each mention of ``name``'s surname."""
    surname = name.split()[-1]
    if len(surname) < 3 or not surname[:1].isupper():
        return []
    known_given = first_names()
    given = {w.lower() for w in name.split()[:-1] if w.lower() in known_given}
    out = []
    # The first mentions are where an article introduces a person; later ones rarely add to it.
    for start, end in _occurrences(text, surname)[:_MENTIONS_LOOKED_AT]:
        previous = text[max(0, start - 30) : start].split()[-1:]
        other = previous[0].lower() if previous else ""
        if given and other in known_given and not any(same_given_name(other, g) for g in given):
            continue  # "John Howard" is not the "Michael Howard" we are placing
        before = _title_before(text, start)
        if before:
            out.append(before)
        # "Donetsk native, Alexander Petrenko": a title set off by a comma before the full name.
        # Only before a full name that a comma closes: "... by EU leaders, Petrenko said" and
        # "... his term as US President, Tony Blair said" are other clauses.
        if before and set(before.split()) <= set(name.split()) and text.startswith(",", end):
            before_comma = _title_before_comma(text, start - len(before) - 1)
            if before_comma:
                out.append(before_comma)
        alias = _alias_clause(text, start)
        if alias:
            out.append(alias)
        after = _appositive_after(text, end)
        if after:
            out.append(after)
    return out


def _article_memo(memo: dict[str, dict], text: str) -> dict:
    """The answers ``memo`` keeps for the article ``text``: those of the last two articles asked
    about only, so that what is remembered stays as small as an article."""
    found = memo.get(text)
    if found is None:
        if len(memo) >= 2:
            memo.clear()
        found = memo[text] = {}
    return found


# _occurrences' answers for the last articles: the steps that place a speaker each ask again
# for the same names in the same article (20,002 questions on the BBC corpus, 6,200 distinct).
_OCCURRENCES: dict[str, dict[str, tuple[tuple[int, int], ...]]] = {}


def _occurrences(text: str, word: str) -> tuple[tuple[int, int], ...]:
    """Where ``word`` stands as a whole word in ``text`` (a plain search: one regular expression
    per speaker would cost more to compile than to run); remembered per article."""
    memo = _article_memo(_OCCURRENCES, text)
    found = memo.get(word)
    if found is None:
        found = memo[word] = _find_occurrences(text, word)
    return found


def _find_occurrences(text: str, word: str) -> tuple[tuple[int, int], ...]:
    out = []
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if not (i and (text[i - 1].isalnum() or text[i - 1] == "-")) and not (
                j < len(text) and (text[j].isalnum() or text[j] == "-")):
            out.append((i, j))
        i = text.find(word, j)
    return tuple(out)


def _title_before(text: str, end: int) -> str:
    """The title words right before a name: "Ukrainian opposition leader Vitali" before
    "Klitschko"; capitalised words, possessives and title words, up to eight."""
    if end < 2 or text[end - 1] not in _SPACES or not (text[end - 2].isalnum() or text[end - 2] in "'’.)"):
        return ""
    line_start = text.rfind("\n", max(0, end - 120), end) + 1
    # Split on single spaces (no-break ones too): a double space parts two phrases.
    tokens = _SPACE.split(text[max(line_start, end - 120) : end])[-10:-1]
    titles = title_words()
    kept: list[str] = []
    backwards = list(reversed(tokens[-8:]))
    for k, token in enumerate(backwards):
        if token and _BRACKETED.fullmatch(token):
            kept.append(token)
            continue
        if not token or not _WORD.fullmatch(token):
            break  # punctuation or a double space between: another phrase
        bare = token.lower().removesuffix("'s").removesuffix("’s")
        if token.endswith(".") and token.count(".") == 1 and bare not in titles:
            break  # the end of the sentence before ("... with the EU. Opposition leader X")
        if not (token[:1].isupper() or bare in titles or bare in _TITLE_EXTRA or _title_modifier(backwards, k, kept)):
            break
        kept.append(token)
    return " ".join(reversed(kept))


# Heads of an office a word before may say the subject of: "sanctions envoy", "climate
# commissioner", "trade minister".
_MODIFIED_ROLES = frozenset("envoy minister commissioner secretary ambassador adviser advisor negotiator "
                            "representative spokesman spokeswoman spokesperson coordinator".split())


def _title_modifier(backwards: list[str], k: int, kept: list[str]) -> bool:
    """Whether the lower-case word ``backwards[k]`` is what an office is about, between the
    office's head and a country's or body's name: "sanctions" of "the EU's sanctions envoy",
    "climate" of "the Latvian climate envoy" (one such word, right before the head)."""
    word, before = backwards[k], backwards[k + 1] if k + 1 < len(backwards) else ""
    return (word.isalpha() and word.islower() and len(kept) == 1 + sum(w[:1].isupper() for w in kept[:-1])
            and kept[-1].lower() in _MODIFIED_ROLES and before[:1].isupper()
            and country_of_phrase(before) is not None)


# A title that ends with one of these can stand before a comma and the name it describes.
_COMMA_TITLE_ENDS = frozenset({"native", "national", "citizen"})


def _title_before_comma(text: str, name_start: int) -> str:
    """The title before a comma and a name: "Russia's foreign minister, Sergei" → "Russia's
    foreign minister"; only when the word before the comma is a title or "native"."""
    if name_start < 3 or text[name_start - 2] != "," or text[name_start - 1] not in _SPACES:
        return ""
    line_start = text.rfind("\n", max(0, name_start - 120), name_start) + 1
    segment = text[max(line_start, name_start - 120) : name_start - 2]
    last = segment.rsplit(None, 1)[-1:] or [""]
    word = last[0].lower()
    if word.endswith("s"):
        return ""  # a plural describes no one person
    if not (word in title_words() or word in _COMMA_TITLE_ENDS or word.endswith("-born")):
        return ""
    prefix = segment[: len(segment) - len(last[0])]
    return " ".join(p for p in (_title_before(prefix, len(prefix)), last[0]) if p)


# The clause that gives a person's other name: "Girkin, a Russian better known by his assumed
# name Strelkov" describes Strelkov.
_ALIAS = compile_pattern(r"(?:known|nicknamed|called)\s+(?:as\s+|by\s+(?:his|her|the)\s+(?:[\w-]+\s+){0,2}name\s+)?$")


def _alias_clause(text: str, start: int) -> str:
    head = text[max(0, start - 120) : start]
    if "known" not in head and "name" not in head:
        return ""
    m = _ALIAS.search(head)
    if m is None or "known" not in head[m.start():] and "name" not in head[m.start():]:
        return ""
    comma = max(head.rfind(",", 0, m.start()), head.rfind("\n", 0, m.start()))
    return head[comma + 1 : m.start()].strip() if comma >= 0 else ""


_APPOSITIVE = compile_pattern(r"\s*,\s+([^,.;:()“”\"\n]{2,120})")
_DETERMINERS = frozenset({"a", "an", "the", "one"})
# Words that open the next item of a list, not a description: "President X, and European
# leaders held in Washington" says nothing of X.
_CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})


def _appositive_after(text: str, end: int) -> str:
    """The description after a name and a comma: "a Russian national", "deputy head of the
    Kursk regional administration"; not a clause ("who said", "which ...")."""
    m = _APPOSITIVE.match(text, end, min(len(text), end + 130))
    if not m:
        return ""
    words = m.group(1).split()
    if words[0].lower() in _CONJUNCTIONS:
        return ""
    if words[0].lower() in _DETERMINERS:
        # Only the head of the appositive describes the person: "a Russian national", not
        # "a former officer who fought in Chechnya".
        return " ".join(words[:5])
    titles = title_words()
    if any(w.lower() in titles for w in words[:3]) and words[0][:1].islower():
        return " ".join(words[:12])
    return ""


# The place a body is named after: "the Donetsk railway", "the Odesa port authority".
_PLACE_NAMED_BODY = compile_pattern(r"^(?:the[ \u00a0]+)?([A-Z][\w'’-]+)[ \u00a0]+[a-z]")


def _voice_country(phrase: str, names: list[str], year: int | None,
                   document_countries: Callable[[], set[str]] = lambda: set()) -> str | None:
    m = _VOICE_OF.search(phrase)
    if not m:
        return None
    whose = m.group(1)
    code = _country_of_words(whose)
    if code:
        return code
    # "a spokeswoman for the Bergen tramway": a body named after a city of a country the
    # article names (a guard against the namesake towns of other countries).
    named = _PLACE_NAMED_BODY.match(whose)
    if named and named.group(1).lower() not in first_names():
        code = place_country(named.group(1))
        if code and code in document_countries():
            return code
    # "a spokesman for President Putin": the principal's own country.
    capitalised = [w for w in _NAME_WORD.findall(whose) if w.lower() not in title_words()]
    if capitalised:
        office = office_of(" ".join(capitalised[:3]), year=year, context=names)
        if office is not None:
            return office.country
    return None


@cache
def _state_bodies() -> tuple[re.Pattern[str], dict[str, str]]:
    text = (files("claimsdb.data") / "state_bodies.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    codes = {name.strip(): code.strip() for name, code in rows[1:]}
    names = sorted(codes, key=len, reverse=True)
    return compile_pattern(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"), codes


def _body_country(phrase: str) -> str | None:
    """The country of a state body the phrase names ("his former colleagues at the FSB")."""
    pattern, codes = _state_bodies()
    m = pattern.search(phrase)
    return codes[m.group()] if m else None


# A university or institute named after a country or place, or said to be in one: "at Korea
# University", "Moscow State University", "the University of Tartu", "a university in Kharkiv".
_INSTITUTION = r"(?:[Uu]niversity|[Ii]nstitute|[Aa]cademy|[Cc]ollege|[Pp]olytechnic)"
_INSTITUTION_PLACE = compile_pattern(
    r"(?<![\w'’-])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)[ \u00a0]+(?:(?:State|National|Federal|Technical)[ \u00a0]+)?"
    + _INSTITUTION + r"\b"
    r"|\b" + _INSTITUTION + r"[ \u00a0]+(?:of|in)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")


def _institution_country(phrase: str, document_countries: Callable[[], set[str]]) -> str | None:
    """The country of a university or institute the phrase places the speaker at: named after
    a country ("Korea University"), or after or in a place of a country the article names
    ("the University of Tartu" in a story naming Estonia), a guard against namesake towns; a
    think tank whose name opens with a country's adjective or capital ("a fellow at the Oslo
    Peace Research Institute", "head of a programme at the Danish Council on ...")."""
    for m in _INSTITUTION_PLACE.finditer(phrase):
        place = m.group(1) or m.group(2)
        if m.group(2) and studied_after(phrase, m.end()):
            continue  # "the Institute of Russian, East European ... Studies": what it studies
        code = country_of_phrase(place)
        if code in COUNTRY_CODES:
            return code
        code = place_country(place)
        if code and code in document_countries():
            return code
    for m in _THINK_TANK.finditer(phrase):
        for word in m.group(1).split():
            code = country_of_phrase(word)
            if code in COUNTRY_CODES:
                return code  # (rule think-tank-country)
    for m in _PLACE_BASED.finditer(phrase):
        # "director of the Bergen-based think tank X": where the body is based, a city of a
        # country the article names (rule place-based-employer)
        code = country_of_phrase(m.group(1))
        if code not in COUNTRY_CODES:
            code = place_country(m.group(1))
            if code not in document_countries():
                continue
        if code in COUNTRY_CODES:
            return code
    return None


# A research body's name ending in its noun, the words before it capitalised: "the Vikland
# Arctic Studies Institute", "the Polish Council on Energy Policy".
_THINK_TANK = compile_pattern(r"(?<![\w'’-])((?:[A-Z][\w'’-]+[ \u00a0]+){1,5})(?:Institute|Council|Centre|Center|"
                         r"Foundation|Endowment|Academy)\b")


def _place_of(phrase: str) -> str | None:
    for m in _PLACE_PATTERN.finditer(phrase):
        code = place_country(m.group(1) or m.group(2) or m.group(3))
        if code:
            return code
    return None


# ---------------------------------------------------------------------------------------------
# Bodies: the country of a company, an outlet, an NGO, and of the people who speak for them.
#
# A body's country is, in this order: what the article says of it ("US broadcaster X",
# "Britain's X", "the Russia-based X", "X, a Kyiv-based think tank"); the country of the
# "<demonym> <nouns>" it was introduced as one more of ("the big Polish lenders ...
# Another lender, X"); the outlet table (media.tsv); the table of well-known organisations
# (organisations.tsv). A person working for a body ("X with CBS News", "an activist at X",
# "X's spokesman Y") takes the body's country when nothing closer placed the person.

_SP = "[ \u00a0]"
# A body's name: capitalised words, with the small words names contain ("Bank of America").
_BODY = (r"[A-Z0-9][\w&.'’-]*(?:" + _SP + r"(?:(?:of|for|and|on|the|de|du|des|der|&)" + _SP
         + r")*[A-Z0-9][\w&.'’-]*)*")
# A body a person belongs to: "with CBS News", "an activist at the X", "a researcher for X".
_AFFILIATED_TO = compile_pattern(r"(?<![\w-])(?:at|with|of|for|from)" + _SP + r"+(?:the" + _SP + r"+)?(" + _BODY + ")")
# A body before the person's role: "CBS News correspondent", "Gazprom's spokesman", and before
# a title in capitals ("Gazprom CEO").
_BODY_BEFORE_ROLE = compile_pattern(r"(?<![\w&.'’-])(" + _BODY + r")(?:['’]s)?" + _SP + r"+(?=[a-z]|[A-Z]{2,4}\b)")
# After a person's name, the body the article ties the person to: "Ward with CBS News", "Raiu, a
# security researcher at X"; not a clause ("Petrov, who met with ...").
_AFFILIATION_AFTER_NAME = compile_pattern(
    r"(?:,?" + _SP + r"+(?:a|an|the|one)" + _SP + r"+(?:[a-z][\w-]*" + _SP + r"+){0,4}?)?" + _SP
    + r"*(?:at|with|of|for|from)" + _SP + r"+(?:the" + _SP + r"+)?" + _BODY)
_NOT_AFFILIATION = frozenset({"who", "whom", "which", "that", "when", "where", "said", "says", "told"})
# Who stands across from a body rather than for it ("a critic of X", "a lawyer suing X"), only
# visits it ("speaking at X", "in an interview with X") or once studied there ("a graduate of X").
_AGAINST_BODY = compile_pattern(r"\b(?:critics?|opponents?|rivals?|customers?|clients?|investors?|shareholders?|"
                           r"lawyers?|suing|against|speaking|talking|addressing|interview|interviewed|"
                           r"visit|visiting|meeting|met|appearing|quoted|cited|told|conference|forum|event|"
                           r"panel|hearing|speech|talks|graduates?|alumn(?:us|a|i))" + _SP + r"+(?:of" + _SP + r"+|at" + _SP + r"+)?(?:[a-z]+"
                           + _SP + r"+)?(?:the" + _SP + r"+)?$", re.IGNORECASE)


@cache
def body_class_nouns() -> frozenset[str]:
    """Nouns that say what kind of body a name is (the last word of each phrase)."""
    from claimsdb.extract.lexicon import company_nouns, word_set
    own = (files("claimsdb.data") / "body_nouns.txt").read_text(encoding="utf-8")
    words = {line.split()[-1].lower() for line in own.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(words | company_nouns() | word_set("outlet_nouns.txt"))


def _fold_name(name: str) -> str:
    """A name as the organisation table is keyed: spacing collapsed, a possessive's "'s" or "'"
    and a leading "the" dropped, casefolded.

    (String tests, not patterns: the table folds its ~1,400 names at every start. The text is
    split and joined first, so it has no newline for "$" to stand before; a case-blind "the "
    is tested on ASCII text only, where ``lower`` matches exactly what IGNORECASE does.)"""
    name = " ".join(name.replace("’", "'").split())
    if name.endswith("'s"):
        name = name[:-2]
    elif name.endswith("'"):
        name = name[:-1]
    if name[:4].isascii():
        if name[:4].lower() == "the ":
            name = name[4:]
    else:
        name = _LEADING_THE.sub("", name)
    return name.casefold()


_LEADING_THE = re.compile(r"^the ", re.IGNORECASE)


@cache
def _organisations() -> dict[str, str]:
    """Folded name or other name of a well-known organisation → its country ("" for a body of
    many countries); from organisations.tsv."""
    text = (files("claimsdb.data") / "organisations.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t") + ["", ""]
        name, others, code = fields[0].strip(), fields[1], fields[2].strip()
        if name == "name":
            continue  # the column names
        for form in [name, *(o.strip() for o in others.split(",") if o.strip())]:
            table.setdefault(_fold_name(form), code)
    return table


@cache
def _organisation_abbreviations() -> frozenset[str]:
    """Short other names of the organisation table as written there, with a capital inside
    ("AfD", "PiS"): not a word or a surname."""
    text = (files("claimsdb.data") / "organisations.tsv").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) > 1 and not line.startswith("#"):
            out.update(o.strip() for o in fields[1].split(",") if 0 < len(o.strip()) <= 4 and not o.strip().isupper()
                       and any(ch.isupper() for ch in o.strip()[1:]))
    return frozenset(out)


def listed_organisation(name: str) -> bool:
    """Whether ``name``, as written (capitalised; an abbreviation in capitals), is a well-known
    organisation's name in organisations.tsv."""
    folded = _fold_name(name)
    return bool(folded) and name[:1].isupper() and (len(folded) > 3 or name.isupper()) \
        and folded in _organisations()


def _listed_body_country(name: str) -> tuple[bool, str | None]:
    """(listed, country) of a body from the outlet and organisation tables. Abbreviations of
    three letters or fewer count only as written, in capitals ("MTS", not "Mts")."""
    from claimsdb.extract.lexicon import media_countries, media_names

    folded = _fold_name(name)
    if not folded:
        return False, None
    short = len(folded) <= 3
    if short and not name.strip().isupper() and name.strip() not in _organisation_abbreviations():
        return False, None  # (an abbreviation the table writes in mixed case counts so written: "AfD")
    outlet = media_names().get(folded) or media_names().get("the " + folded)
    if outlet is not None:
        return True, media_countries().get(outlet)
    code = _organisations().get(folded)
    if code is None:
        return False, None
    return True, code or None


# A country word, or a place, right before a class noun ("US broadcaster", "the Kyiv-based think
# tank", "Russia's largest mobile operator", "Russian state-owned gas giant").
_QUALIFIER = r"(?:['’]s)?(?:-(?:based|owned|registered|headquartered|controlled|run|listed|funded|financed))?"
_NOUN_RUN = r"(?:" + _SP + r"+[a-z][\w-]*){0,3}"
# A place is a capitalised word, not an abbreviation ("ILO-based figures" name no city).
_PLACE_BASED = compile_pattern(r"(?<![\w-])(?!The\b)([A-Z][a-z][\w'’]*(?:" + _SP + r"[A-Z][\w'’]+)?)-(?:based|headquartered)(?![\w-])")


def _classed_country(segment: str, *, at_end: bool) -> str | None:
    """The country a segment gives a body by a country word or a place before a class noun:
    "US broadcaster", "a Kyiv-based think tank". ``at_end``: the class noun must end the
    segment (the body's name follows it)."""
    nouns = body_class_nouns()
    for m in find_countries(segment, regions=False):
        if m.code not in COUNTRY_CODES or segment[m.start - 1 : m.start] in ("-", "‐", "‑"):
            continue  # "Anglo-Dutch", "pro-Russian": not one country's body
        tail = re.match(_QUALIFIER + _NOUN_RUN + (",?" + _SP + "*$" if at_end else ""), segment[m.end :])
        if tail is None:
            continue
        qualifier = re.match(_QUALIFIER, tail.group()).group()
        words = tail.group()[len(qualifier):].replace(",", " ").split()
        qualified = bool(qualifier)
        # After a possessive, adjectives alone may stand before the name: "Russia's
        # state-owned X", "Ukraine's largest X"; not "Russia's sanctions against X".
        adjectives = qualifier.startswith(("'", "’")) and all("-" in w or w.endswith("est") for w in words)
        if (words and words[-1].lower().strip(",") in nouns) or (qualified and not words) or (
                at_end and words and adjectives) or (not at_end and any(w.lower() in nouns for w in words)):
            return m.code
    for m in _PLACE_BASED.finditer(segment):
        rest = segment[m.end():]
        if at_end and not re.fullmatch(_NOUN_RUN + ",?" + _SP + "*", rest):
            continue
        code = country_of_phrase(m.group(1)) or place_country(m.group(1))
        if code in COUNTRY_CODES:
            return code
    return None


# A body's name spelt out before its initials in brackets: "Internal Security Service (".
_SPELLED_OUT = compile_pattern(r"(?<![\w'’-])([A-Z][\w'’-]*(?:" + _SP + r"+(?:of" + _SP + r"+|for" + _SP + r"+|and" + _SP
                          + r"+|the" + _SP + r"+)*[A-Z][\w'’-]*){1,7})" + _SP + r"*\(")


def _tail_of_listed(before: str, name: str) -> str | None:
    """The international body whose listed name ends with ``name`` here: "Commission" at the
    end of "the European Commission" (EU), "Security Council" (UN)."""
    segment = before + name
    for m in find_countries(segment, regions=False):
        if m.end == len(segment) and m.start < len(before) and " " in segment[m.start : m.end]:
            # (a body's name only: "White House" holds "House" as a country's seat, not a body)
            return m.code if m.code in ORG_CODES else None
    return None


_LAST_CAPITALISED = compile_pattern(r"(?:^|[\s(])(?:[Tt]he" + _SP + r"+)?([A-Z][a-z]+)" + _SP + r"+$")


def _demonym_before(before: str) -> str | None:
    """The country of a demonym right before a body's name: "the Ukrainian Navy", "the Estonian
    Internal Security Service" (a country's own body, named with its adjective)."""
    m = _LAST_CAPITALISED.search(before)
    if m is None:
        return None
    code = demonym_code(m.group(1))
    return code if code in COUNTRY_CODES else None


_BODY_APPOSITIVE = compile_pattern(r"," + _SP + r"+(?:a|an|the|one)" + _SP + r"+([^,.;:()“”\"\n]{2,80})")


@lru_cache(maxsize=256)  # an article asks about the same body for each of its claims
def _stated_body_country(text: str, name: str) -> str | None:
    """The country the article gives a body where it names it: "US broadcaster X", "Britain's
    X", "the Russia-based X", "X, a Kyiv-based think tank"."""
    for start, end in _occurrences(text, name)[:_MENTIONS_LOOKED_AT]:
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - 80) : start]
        code = _classed_country(before, at_end=True) or _demonym_before(before) or _tail_of_listed(before, text[start:end])
        if code:
            return code
        full = _SPELLED_OUT.search(text, max(line_start, start - 120), start)
        if full is not None and full.end() == start and full.group(1) != name:
            # "the Estonian Internal Security Service (KAPO)": the initials are that body
            # (rule initials-of-body)
            spelled = re.sub(r"^The" + _SP + "+", "", full.group(1))
            first, _, rest = spelled.partition(" ")
            code = (demonym_code(first) if rest else None) or _stated_body_country(text, spelled)
            if code in COUNTRY_CODES:
                return code
        m = _BODY_APPOSITIVE.match(text, end, min(len(text), end + 90))
        if m:
            head = " ".join(m.group(1).split()[:6])
            code = _classed_country(head, at_end=False)
            if code:
                return code
    return None


_ANOTHER_NOUN = compile_pattern(r"(?<![\w-])[Aa]nother" + _SP + r"+(?:[a-z][\w-]*" + _SP + r"+)?([a-z][\w-]*)\b")


# Words that make a body one more of a class named before ("Another lender, X", "rival
# operator X"); "the bank X" only names the class.
_ONE_MORE = frozenset({"another", "rival", "fellow", "second", "third"})


def _class_noun_of(text: str, name: str, claims: list[ClaimCandidate]) -> tuple[str, bool] | None:
    """The class noun a body is introduced with, and whether the words say it is one more of a
    class named before: "Another lender, X", "rival operator X", "X, another bank," (True),
    "the bank X" (False); for the body quoted just before "another lender", that noun (True)."""
    nouns = body_class_nouns()
    occurrences = _occurrences(text, name)
    for start, end in occurrences[:_MENTIONS_LOOKED_AT]:
        line_start = text.rfind("\n", 0, start) + 1
        m = re.search(r"(?<![\w-])(another|rival|fellow|the|a|an|one|its|second|third)" + _SP
                      + r"+(?:[a-z][\w-]*" + _SP + r"+)?([a-z][\w-]*),?" + _SP + r"+$",
                      text[max(line_start, start - 60) : start], re.IGNORECASE)
        if m and m.group(2).lower() in nouns:
            return m.group(2).lower(), m.group(1).lower() in _ONE_MORE
        m = re.match(r"," + _SP + r"+(another|a|an|the|one)" + _SP + r"+(?:[a-z][\w-]*" + _SP + r"+)?([a-z][\w-]*)",
                     text[end : end + 60])
        if m and m.group(2).lower() in nouns:
            return m.group(2).lower(), m.group(1).lower() in _ONE_MORE
    if not occurrences:
        return None
    # "X wrote ... Another lender, Y, ...": X was a lender too, when it is the body quoted
    # last before "another lender".
    first = occurrences[0][0]
    for m in _ANOTHER_NOUN.finditer(text, first, min(len(text), first + _ANTECEDENT_CHARS)):
        noun = m.group(1).lower()
        if noun not in nouns:
            continue
        before = [c for c in claims if c.speaker.type in ("organization", "media")
                  and c.speaker.name[:1].isupper() and c.speaker_start < m.start()]
        if before and max(before, key=lambda c: c.speaker_start).speaker.name == name:
            return noun, True
    return None


def _class_country(text: str, name: str, found: tuple[str, bool] | None, *, one_more: bool) -> str | None:
    """The country of "<demonym> <nouns>" or "<country>'s <nouns>" before a body introduced as
    one of those nouns ("the big Polish lenders ... Another lender, X"), when that
    is the only country the article gives that class. ``one_more``: only for a body the words
    make one more of the class ("another", "rival"); else only for one they merely class ("the
    bank X"). ``found``: the class noun the body is introduced with, as _class_noun_of tells."""
    if found is None or found[1] != one_more:
        return None
    noun = found[0]
    from claimsdb.extract.lexicon import plural

    occurrences = _occurrences(text, name)
    limit = occurrences[0][0] if occurrences else len(text)
    # The article's class mentions before the body's first: "Polish mortgage lenders".
    pattern = re.compile(r"(?:['’]s)?(?:" + _SP + r"+[a-z][\w-]*){0,2}" + _SP + r"+" + re.escape(plural(noun))
                         + r"(?![\w-])")
    codes = {m.code for m in find_countries(text, 0, limit)
             if m.code in COUNTRY_CODES and m.form in ("name", "demonym", "code") and pattern.match(text, m.end)}
    return codes.pop() if len(codes) == 1 else None


# _named_body_country's answers for the last articles, by body and what it reads of the
# claims: a body is asked about once per speaker phrase that names it.
_BODY_COUNTRIES: dict[str, dict[tuple, tuple[bool, str | None]]] = {}


def _named_body_country(text: str, name: str, claims: list[ClaimCandidate]) -> tuple[bool, str | None]:
    """(known, country) of the body called ``name``: what the article says, the class it was
    introduced as one more of, the outlet and organisation tables, then a class it was merely
    introduced as one of."""
    # What it reads of the claims (_class_noun_of): each speaker's type, name and place.
    memo = _article_memo(_BODY_COUNTRIES, text)
    key = (name, tuple((c.speaker.type, c.speaker.name, c.speaker_start) for c in claims))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _body_country_of(text, name, claims)
    return found


def _body_country_of(text: str, name: str, claims: list[ClaimCandidate]) -> tuple[bool, str | None]:
    code = _stated_body_country(text, name)
    if code:
        return True, code
    # The class noun is read once for both of its uses.
    found = _class_noun_of(text, name, claims)
    code = _class_country(text, name, found, one_more=True)
    if code:
        return True, code
    known, code = _listed_body_country(name)
    if known:
        return known, code
    # "the bank X" after "Russian banks": weaker than the tables, which know the bank.
    code = _class_country(text, name, found, one_more=False)
    return (True, code) if code else (False, None)


def _is_class_noun_phrase(words: str) -> bool:
    """Whether a description is headed by a class noun: "another carrier", "a Bergen-based
    charity"; the head is the word before the first preposition ("fellow at X": fellow)."""
    head = re.split(r"\s+(?:at|of|with|for|in|from|to|on)\s+", words.lower(), maxsplit=1)[0].split()
    return bool(head) and head[-1] in body_class_nouns() and head[-1] not in title_words()


def _is_body(text: str, name: str, role: str | None, phrase: str = "") -> bool:
    """Whether a speaker taken for a person is a body: its role or the appositive of its phrase
    is headed by a class noun ("Nordnett, another carrier", "X, a Bergen-based charity"), or its
    name is a listed body that no title, given name or honorific comes before anywhere in the
    article ("Gazprom said")."""
    appositive = _BODY_APPOSITIVE.search(phrase)
    if appositive and _is_class_noun_phrase(appositive.group(1)):
        return True
    if role:
        return _is_class_noun_phrase(role)
    listed, _ = _listed_body_country(name)
    if not listed or name.split()[0].lower() in first_names():
        return False
    return not any(_title_before(text, start) for start, _ in _occurrences(text, name)[:_MENTIONS_LOOKED_AT])


def _affiliated_bodies(phrase: str) -> list[str]:
    """The bodies a speaker phrase ties a person to: "X with CBS News", "an activist at the
    Acme Foundation", "Gazprom spokesman Y"."""
    out = []
    for m in _AFFILIATED_TO.finditer(phrase):
        if not _AGAINST_BODY.search(phrase, max(0, m.start() - 30), m.start()):
            out.append(m.group(1))
    for m in _BODY_BEFORE_ROLE.finditer(phrase):
        body = m.group(1)
        possessive = body.endswith(("'s", "’s"))
        if possessive:
            # "the SPD's defence spokesman", "the party's foreign policy spokeswoman": the title
            # may follow a field or two in lower case.
            body = body[:-2]
            if body.startswith("The ") and body[4:5].isupper():
                body = body[4:]
        words = [w.lower().strip(",.") for w in phrase[m.end():].split(None, 3)[:3]]
        for word in words[: 3 if possessive else 1]:
            if word in title_words() or word in _TITLE_EXTRA:
                out.append(body)
                break
            if not (word.isalpha() and phrase[m.end():].split(None, 1)[0][:1].islower()):
                break
    # The whole name only: "the Orange Revolution" is no company called Orange.
    return list(dict.fromkeys(out))


def _affiliation_after_name(text: str, name: str) -> list[str]:
    """What follows the person's name where the article ties it to a body: "with CBS News", ",
    a security researcher at X"."""
    surname = name.split()[-1]
    if len(surname) < 3 or not surname[:1].isupper():
        return []
    out = []
    for _, end in _occurrences(text, surname)[:_MENTIONS_LOOKED_AT]:
        m = _AFFILIATION_AFTER_NAME.match(text, end, min(len(text), end + 140))
        if m and not any(w in _NOT_AFFILIATION for w in m.group().lower().split()):
            out.append(m.group())
    return out


# A title whose "of" or "for" names a portfolio, not a body the person works for.
_PORTFOLIO_BEFORE = compile_pattern(r"\b(?:[Mm]inist(?:er|ry)|[Ss]ecretary|[Dd]epartment|[Cc]ommissioner)\s+(?:of|for)\s+(?:the\s+)?$")


def _affiliated_country(text: str, speaker_name: str, phrases: list[str],
                        claims: list[ClaimCandidate]) -> str | None:
    """The country of the body a person speaks for or works at, as the phrases name it."""
    name_words = set(speaker_name.split())
    for phrase in phrases:
        for body in _affiliated_bodies(phrase):
            if set(body.split()) & name_words or country_of_phrase(body):
                continue  # the person's own name; a country is no body
            if _PORTFOLIO_BEFORE.search(phrase[: phrase.find(body)]):
                continue  # "the Minister of Foreign Affairs": a portfolio, not the magazine of that name
            known, code = _named_body_country(text, body, claims)
            if known:
                if code:
                    return code
                break
    return None
