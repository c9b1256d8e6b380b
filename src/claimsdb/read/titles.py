"""The headline of a plain-text or Markdown article, found by looking at its first lines.

Scraped pages start with site furniture ("Skip to content", "News Feed", a promo line), then a
headline, often a byline ("by Olena Goncharova April 10, 2025 7:29 AM 2 min read") and the body.
The title is the line right before a byline if there is one, else the first line that looks like
a headline. The phrases that are never a headline are tables below, to read and extend.
"""

from __future__ import annotations

import re
from claimsdb.pattern_cache import compile_pattern

# Lines that are page furniture, never a headline: compared case-insensitively with the line
# stripped of surrounding whitespace and of trailing punctuation (":", "|", "»", "›", ">").
FURNITURE_PHRASES = frozenset(
    phrase.lower()
    for phrase in (
        "Skip to content", "Skip to main content", "Skip to navigation", "Jump to content",
        "Main menu", "Menu", "Navigation", "Search", "Home", "Close", "Open menu",
        "Sign in", "Sign up", "Log in", "Login", "Register", "My account", "Subscribe",
        "Subscribe now", "Subscribe to our newsletter", "Sign up for our newsletter",
        "Newsletter", "Newsletters", "Donate", "Support us", "Become a member", "Pre-order now",
        "Edit post", "News Feed", "Latest news", "Breaking news", "Top stories", "Most read",
        "Most popular", "Trending", "Trending now", "Related", "Related articles",
        "Related stories", "Read more", "Read next", "More from", "See also", "Advertisement",
        "Sponsored", "Sponsored content", "Share", "Share this article", "Share this story",
        "Copy link", "Print", "Email", "Comments", "Leave a comment", "Listen to this article",
        "Listen to article", "This audio is created with AI assistance", "Follow us",
        "Cookie settings", "Accept all cookies", "Accept cookies", "Privacy policy",
        "Terms of use", "All rights reserved", "Loading", "Loading...", "Photo", "Video",
        "Watch", "Watch live", "Live", "Gallery", "Opinion", "Analysis", "Explainer",
        "Back to top", "Go to homepage",
    )
)
# Furniture that varies: reading time, "Updated 5 hours ago", photo credits, share counts.
FURNITURE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\d+\s*(?:min|mins|minute|minutes)\.?\s*(?:read|listen|watch)",
        r".*\b\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago",
        r"(?:photo|image|illustration|credit|source|video)\s*:.*",
        r"\d+\s*(?:comments?|shares?|views?)",
        # Breadcrumbs: "Home » News » Politics", "World › Europe".
        r"[^»›]{1,40}(?:[»›][^»›]{1,40})+",
    )
)
_TRAILING_FURNITURE_PUNCTUATION = " \t:|»›>·•-–—"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A date or clock time as bylines and timestamps write them.
_DATE_OR_TIME = compile_pattern(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)"
    r"|\b\d+\s*(?:min|mins|minutes?)\s+read\b",
    re.IGNORECASE,
)
_WEEKDAY = compile_pattern(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?", re.IGNORECASE)
_BYLINE_START = compile_pattern(r"^\s*by\s+(\S.*)$", re.IGNORECASE)
# Lower-case words allowed among author names: "by Jane Doe and John Roe in Kyiv for Reuters".
_BYLINE_CONNECTORS = frozenset({"and", "in", "for", "at", "of", "with", "&", "de", "van", "von", "der", "la", "le"})
_MAX_BYLINE_WORDS = 25
_MAX_BARE_BYLINE_WORDS = 7

# Headline size in words, per the brief and the seeds: long enough to say something, short
# enough not to be a paragraph.
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 30
_MIN_BYLINE_TITLE_WORDS = 2
# A line of this many capitalised words may be the outlet's name printed above the headline.
_MAX_NAME_WORDS = 4
# The title is near the top: look at this many non-blank lines, and stop at the first line this
# long, which is body text.
_MAX_LINES_SCANNED = 12
_BODY_WORDS = 45
# "illustrative photo. British troops" - two sentences on one line are a caption or body text,
# not a headline. Requires lower-case letters before the stop so "U.S. President" passes.
_SENTENCE_BREAK = compile_pattern(r"[^\W\d_]{2}[.!?]\s+\S")
_ABBREVIATION_END = compile_pattern(r"(?:\b[^\W\d_]\.){2,}$")


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture (navigation, promotion, reading time)."""
    stripped = line.strip().rstrip(_TRAILING_FURNITURE_PUNCTUATION).strip()
    if stripped.lower() in FURNITURE_PHRASES:
        return True
    return any(pattern.fullmatch(stripped) for pattern in FURNITURE_PATTERNS)


def is_byline(line: str) -> bool:
    """True for "by NAME" lines: "by Olena Goncharova April 10, 2025 7:29 AM 2 min read".

    The words after "by" must start with capitalised names; the line is a byline if it also
    carries a date or time, or if it is only a few name words ("By Jane Doe and John Roe").
    "By Monday the troops had left." is not one.
    """
    match = _BYLINE_START.match(line)
    if not match:
        return False
    words = match.group(1).split()
    if not words or len(words) > _MAX_BYLINE_WORDS or not words[0][0].isupper():
        return False
    if _DATE_OR_TIME.search(line):
        return True
    if len(words) > _MAX_BARE_BYLINE_WORDS or line.rstrip().endswith("."):
        return False
    return all(
        word[0].isupper() or not word[0].isalpha() or word.lower() in _BYLINE_CONNECTORS
        for word in words
    )


def _is_timestamp(line: str) -> bool:
    """A date or time with at most a couple of words around it ("Published April 10, 2025",
    "Olena Roshchina — Thursday, 10 April 2025, 07:29")."""
    if not _DATE_OR_TIME.search(line):
        return False
    rest = _WEEKDAY.sub(" ", _DATE_OR_TIME.sub(" ", line))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) < _MIN_TITLE_WORDS


def _starts_lower_case(line: str) -> bool:
    """"pre-order now", "illustrative photo": yes; "iTunes now selling", "$1m payoff": no."""
    first = line.split(maxsplit=1)[0]
    return first[0].islower() and first == first.lower()


def _is_headline_like(line: str, min_words: int) -> bool:
    words = line.split()
    if not min_words <= len(words) <= _MAX_TITLE_WORDS:
        return False
    if line.endswith((",", ";", ":")) or (
        line.endswith(".") and not line.endswith("...") and not _ABBREVIATION_END.search(line)
    ):
        return False
    if line.startswith(("(", "[", "©", "http://", "https://")):
        return False
    if _starts_lower_case(line) or _SENTENCE_BREAK.search(line):
        return False
    return not (is_furniture(line) or is_byline(line) or _is_timestamp(line))


def _leading_lines(text: str) -> list[str]:
    lines: list[str] = []
    # Titles are near the top; splitting a bounded prefix keeps this cheap on long texts.
    for raw in text[:8000].splitlines():
        line = raw.strip()
        if not line:
            continue
        lines.append(line)
        if len(lines) >= _MAX_LINES_SCANNED:
            break
    return lines


def find_text_title(text: str) -> str | None:
    """The headline of a plain-text article, or None if nothing at the top looks like one.

    1. The last line before a byline, if it is not furniture (seed: headline, blank, byline).
    2. A line repeated near the top, as scrapes often echo the headline as the lead.
    3. The first headline-like line: 3-30 words, capitalised, no final period, not furniture;
       the second one if the first is only a few capitalised words (a site name).
    A first paragraph of body text (45+ words) ends the search: a title comes before the body.
    """
    lines = _leading_lines(text)
    body_at = next((i for i, line in enumerate(lines) if len(line.split()) >= _BODY_WORDS), len(lines))
    head = lines[:body_at]

    for i, line in enumerate(lines):
        if is_byline(line):
            if i > 0 and _is_byline_title(lines[i - 1]):
                return lines[i - 1]
            break

    seen: set[str] = set()
    for line in head:
        if line in seen and _is_byline_title(line) and len(line.split()) >= _MIN_TITLE_WORDS:
            return line
        seen.add(line)

    candidates = [line for line in head if _is_headline_like(line, _MIN_TITLE_WORDS)]
    if not candidates:
        return None
    # "The Kyiv Independent" above the headline is the outlet's name, not the story's.
    if len(candidates) > 1 and _is_name_like(candidates[0]) and not _is_name_like(candidates[1]):
        return candidates[1]
    return candidates[0]


def _is_name_like(line: str) -> bool:
    words = line.split()
    return len(words) <= _MAX_NAME_WORDS and all(
        word[0].isupper() or word.lower() in _BYLINE_CONNECTORS for word in words
    )


def _is_byline_title(line: str) -> bool:
    """A headline right before a byline or echoed as the lead may end in a period."""
    words = line.split()
    return (
        _MIN_BYLINE_TITLE_WORDS <= len(words) <= _MAX_TITLE_WORDS
        and not _starts_lower_case(line)
        and not is_furniture(line)
        and not is_byline(line)
        and not _is_timestamp(line)
    )


_FRONT_MATTER = compile_pattern(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_TITLE = compile_pattern(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_ATX_H1 = compile_pattern(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = compile_pattern(r"^ {0,3}(```|~~~)")


def find_markdown_title(text: str) -> str | None:
    """The ``title:`` of YAML front matter, else the first ``# `` heading outside code blocks,
    else what :func:`find_text_title` finds in the text."""
    front = _FRONT_MATTER.match(text)
    if front:
        title = _FRONT_MATTER_TITLE.search(front.group(1))
        if title:
            value = title.group(1).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            if value:
                return value
        text = text[front.end():]
    fence: str | None = None
    for line in text.splitlines():
        marker = _FENCE.match(line)
        if marker:
            if fence is None:
                fence = marker.group(1)
            elif marker.group(1) == fence:
                fence = None
            continue
        if fence is None:
            heading = _ATX_H1.match(line)
            if heading:
                return heading.group(1).strip()
    return find_text_title(text)
