"""Word tokens of a sentence and the closed word classes the attribution rules look at."""

from __future__ import annotations

from dataclasses import dataclass

# Compiled once per machine (claimsdb.pattern_cache): the same pattern objects as re.compile's.
from claimsdb.pattern_cache import compile_pattern

# "U.S." and "U.K." stay whole; words keep inner hyphens and apostrophes ("Russia's",
# "Commander-in-Chief") and a lower-case plural's possessive mark before a lower-case word
# ("the rebels' leader": one word, so that a speaker phrase runs over it; a capitalised
# "Tories'" may be a name or close a quotation, and stays apart), numbers their thousands
# separators ("12,000"); every other non-space character is its own token.
_TOKEN = compile_pattern(r"(?:[A-Z]\.){2,}|[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w'’-])[a-z]+s['’](?=\s+[a-z])|[\w$€£]+(?:[-'’&.][\w]+)*|[^\w\s]")


# A name that opens with a lower-case Arabic article or kinship word and a hyphen: "al-Ansari",
# "el-Sisi", "bin-Salman"; capitalised like any name (rule particle-name).
PARTICLE_NAME = compile_pattern(r"(?:al|el|ad|ar|as|at|an|ash|ibn|bin|abu)-[A-Z]")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        t = self.text
        return t[:1].isupper() or ("-" in t[:5] and PARTICLE_NAME.match(t) is not None)


# _TOKEN as the engine runs it faster, the same matches: "U.S." checks its first letter before
# entering a repeat, and the repeats are possessive ("++", "*+": never given back). Nothing
# follows them in their alternative, so a greedy match of them is never taken back anyway;
# only the number's, which a look-ahead ends, keeps its backtracking. A fifth fewer
# instructions per token (test_fast_paths checks the matches against _TOKEN's).
#
# Two alternatives come first that take the commonest tokens before the engine tries the five
# above (each of which tests every character against the Unicode word class, and the
# possessive one runs over every lower-case word twice): the same matches, two fifths fewer
# instructions per sentence.
# - A word of ASCII letters or underscores (a quotation's masked inside) followed by a space or
#   one of ,;:!?)"” is what the general word alternative would match there: such a run followed
#   by such a mark is no "U.S." (a letter right before a full stop), no number (its first
#   character is not a digit or a currency sign) and no plural possessive (no quotation mark
#   follows). Any other word (before a full stop, a hyphen, an apostrophe, a digit or a
#   letter outside ASCII) goes on to the alternatives as before.
# - One of ,.;:!?()"“” alone: no other alternative can start with it, the last one takes it.
_COMMON_TOKENS = r'[A-Za-z_]++(?=[ ,;:!?)"”])|[,.;:!?()"“”]|'
_FAST_TOKEN = compile_pattern(_COMMON_TOKENS + r"[A-Z]\.(?:[A-Z]\.)+|[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w'’-])[a-z]++(?<=s)['’](?=\s+[a-z])|[\w$€£]++(?:[-'’&.]\w++)*+|[^\w\s]")
# The same with the whitespace before each token: every character that is not whitespace starts
# a token, so the offsets follow from the lengths, and findall hands over plain strings instead of
# match objects (a quarter cheaper on every word of every sentence parsed).
_SPACED_TOKEN = compile_pattern(r"(\s*+)(" + _FAST_TOKEN.pattern + ")")


_new = object.__new__


def tokenize(masked: str, start: int, end: int) -> list[Token]:
    """The tokens of ``masked[start:end]`` (``_TOKEN``), with offsets into ``masked``."""
    out = []
    pos = start
    for space, text in _SPACED_TOKEN.findall(masked, start, end):
        # Each field set here rather than through Token(...): the call of the generated
        # __init__ is a tenth of the cost of a token, and every parsed sentence has dozens.
        token = _new(Token)
        token.start = pos = pos + len(space)
        token.end = pos = pos + len(text)
        token.text = text
        token.low = text.lower()
        out.append(token)
    return out


def token_texts(s: str) -> list[str]:
    """The texts of the tokens of ``s`` (``_TOKEN``), without offsets."""
    return _FAST_TOKEN.findall(s)


def words(s: str) -> frozenset[str]:
    return frozenset(s.split())


def rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back over the whitespace before it, not past ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


AUXILIARIES = words(
    "has have had will would could can may might should must shall did does do is are was were "
    "be been being 's ’s 've ’ve 'd ’d"
)
PASSIVE_AUX = words("was were been be being is are")
ADVERBS = words(
    "also later earlier again previously repeatedly reportedly recently once then now still "
    "already never not n't just further even too often always first initially subsequently "
    "separately publicly privately explicitly openly flatly allegedly apparently since ever "
    "yesterday today tonight immediately quickly similarly likewise meanwhile however herself "
    "himself themselves itself personally officially jointly"
)
PRONOUNS = {
    "he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i",
    "who": "who", "which": "which", "him": "he", "her": "she", "them": "they",
}
OBJECT_PRONOUNS = words("me him her us them it you")
DETERMINERS = words(
    "the a an another some several many most both all other its his her their our one two three "
    "four five six seven eight nine ten dozens these those this any each various multiple few "
    "numerous unnamed anonymous senior top former key"
)
# Articles and possessives: a cue's word right after one is a noun ("a call", "their claims").
ARTICLES = words("a an the its his her their our my your")


def after_article(toks: list[Token], k: int, modified_after: frozenset[str] = ARTICLES) -> bool:
    """Whether token ``k`` follows an article or possessive, or one hyphenated modifier after
    one of ``modified_after`` ("a post-earnings call"): the place of a noun, not of a verb."""
    if k >= 1 and toks[k - 1].low in ARTICLES:
        return True
    return k >= 2 and "-" in toks[k - 1].text and toks[k - 1].text.islower() and toks[k - 2].low in modified_after


CONNECTORS = words("of for and & de von van der al el bin la le du da di del dos ibn")
# Capitalised words that start sentences or clauses but never begin a speaker's name.
CLAUSE_WORDS = words(
    "while when as after before although though if but and so because since meanwhile however "
    "still also then now yet in on at for by with from during despite under over last this that "
    "these those it there here what why how where asked speaking earlier later previously "
    "recently today yesterday instead indeed moreover furthermore nevertheless thus hence "
    "according given unlike like amid following whether once until unless or nor either "
    "neither both not only even just finally first second third overall separately similarly "
    "elsewhere but additionally besides otherwise accordingly consequently among amongst its his "
    "her their our my your you"
)
# Words that may follow a speaker noun and start a post-modifier ("a source in the office").
# Words that open a relative clause: "X, whom the opposition regards as ..., said".
RELATIVES = words("which who whose whom that where when")

POSTMODIFIER_STARTS = words(
    "in at from with on by close familiar involved inside within near under for of "
    "knowledgeable briefed based speaking working present"
)
def participle(word: str) -> bool:
    """A lower-case -ing participle long enough not to be a noun like "king" or "thing"
    ("monitoring", "explaining"); the post-modifier starts ("speaking") are such words too."""
    return len(word) > 5 and word.endswith("ing") and word.islower() and word not in _NOUNS_IN_ING


# Words in -ing that are nouns or prepositions before a speaker's verb, not participles.
_NOUNS_IN_ING = words("building meeting hearing briefing morning evening according including during "
                      "following regarding concerning something anything everything nothing")


LISTENERS = words(
    "reporters journalists lawmakers parliament senators congress supporters voters "
    "students viewers listeners readers members delegates audiences crowd crowds audience"
)
# Quantifiers that stand alone as a speaker: "Several said they would ...".
QUANTIFIER_SPEAKERS = words("several many some others most few both all")
PREPOSITIONS = words("of about for from with against over into onto by at in on to")
# Endings of nouns that name people ("specialists", "donors", "residents", "nominees").
_PERSON_SUFFIXES = ("ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "ors", "ers",
                    "eer", "eers", "ees", "ives")
_NOT_PEOPLE = words(
    "numbers papers letters others orders matters members parameters centers centres borders "
    "governments documents comments statements arguments agreements elements moments events "
    "percent talents payments investments rents tents contents incidents accidents departments "
    "archives initiatives alternatives objectives incentives motives lives "
    # adjectives with a people-like ending
    "recent current different excellent frequent silent urgent violent apparent consistent "
    "efficient evident innocent intelligent permanent present prominent sufficient absent "
    "adjacent ancient competent confident convenient decent dependent eminent equivalent fluent "
    "imminent persistent prevalent prudent resilient transparent turbulent subsequent "
    "important significant relevant constant distant elegant brilliant pleasant vibrant abundant "
    "arrogant dominant redundant reluctant hesitant vigilant radiant tolerant ignorant "
    "expensive extensive intensive massive passive active attractive effective exclusive "
    "impressive inclusive positive negative native relative sensitive aggressive progressive "
    "defensive offensive comprehensive"
)


_AGE_NOUN = compile_pattern(r"\d{1,3}-year-olds?")


def person_noun(low: str) -> bool:
    """A lower-case noun that by its ending names people: the head of "hacking specialists",
    or an age: "the 22-year-old"."""
    if low[:1].isdigit():
        return _AGE_NOUN.fullmatch(low) is not None
    return len(low) > 4 and low.isalpha() and low.endswith(_PERSON_SUFFIXES) and low not in _NOT_PEOPLE
# Time words that sit between a speaker and the cue ("Ryan on Tuesday said") or after it.
DATE_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow "
    "morning afternoon evening night week month year weekend earlier later recently "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
MONTHS = words("january february march april may june july august september october november december")
OPEN_QUOTES = frozenset("\"“„«'‘")
CLOSE_QUOTES = frozenset("\"”»'’")
