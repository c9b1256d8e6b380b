"""Raw bytes → text, strictly: a character is never guessed or replaced.

The codec recorded in ``Document.encoding`` is the one that produced ``Document.text``, so for
text and Markdown ``raw.decode(document.encoding) == document.text`` always holds. A UTF-8
byte-order mark is therefore not part of the text (codec ``utf-8-sig``), and neither is a UTF-16
or UTF-32 one; character offsets index the decoded text, byte offsets are never used.
"""

from __future__ import annotations

import codecs
import functools
import re
from importlib.resources import files

from claimsdb.pattern_cache import compile_pattern
from claimsdb.errors import InputError

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that text does not contain: C0 except tab, newlines, form feed; DEL; C1.
_CONTROL = compile_pattern(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A text file with more than this share of control characters is binary.
_MAX_CONTROL_SHARE = 0.10
_SAMPLE_CHARS = 65536
# The charset an HTML page declares, within its first bytes (<meta charset>, http-equiv, <?xml>).
_DECLARED_CHARSET = compile_pattern(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096


def decode_bytes(
    raw: bytes, *, html: bool = False, declared: str | None = None, warnings: list[str] | None = None,
) -> tuple[str, str]:
    """``(text, codec)`` for ``raw``, or :class:`InputError` if it is not text.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); the charset its server ``declared``
    (HTTP Content-Type), which browsers put before the page's own; for HTML the charset the
    page declares; strict UTF-8; Windows-1252. A declared charset counts only if it is one of
    the WHATWG Encoding labels (``data/charset_labels.tsv``): one that is not a text encoding
    (utf-7, base64, unicode_escape) is ignored, and a line saying so is added to ``warnings``.
    NUL bytes outside UTF-16/32 mean binary, and so does decoded text that is mostly control
    characters.
    """
    candidates = [codec for bom, codec in _BOMS if raw.startswith(bom)]
    refused = None
    if not candidates:
        if b"\x00" in raw:
            raise InputError("not a text file: it contains NUL bytes" + _utf16_hint(raw))
        labels = [declared] if declared else []
        if html:
            match = _DECLARED_CHARSET.search(raw[:_SNIFF_BYTES])
            if match:
                labels.append((match.group(1) or match.group(2)).decode("ascii"))
        for label in labels:
            codec, not_text = _codec_name(label)
            if codec:
                candidates.append(codec)
            elif not_text and refused is None:
                refused = not_text
        candidates += ["utf-8", "cp1252"]
        candidates = list(dict.fromkeys(candidates))
    last_error: UnicodeDecodeError | None = None
    for codec in candidates:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as err:
            last_error = err
            continue
        _refuse_binary(text)
        if codec == "cp1252" and codec not in candidates[:-1]:
            _refuse_code_page_mojibake(text, raw)
        if refused is not None and warnings is not None:
            warnings.append(f"charset {refused!r} is not a text encoding browsers read; read as {_describe([codec])}")
        return text, codec
    assert last_error is not None
    bad = raw[last_error.start]
    raise InputError(
        f"cannot decode: the text is not {_describe(candidates)}"
        f" (byte 0x{bad:02x} at offset {last_error.start:,} does not decode)"
    )


def _codec_name(label: str) -> tuple[str | None, str | None]:
    """(the codec of charset ``label``, None) if it is a WHATWG label; (None, the label) if it
    is not; (None, None) if it is one not worth using."""
    # Python knows codecs that are no text encoding: utf-7 turns "+AGE-" into "a",
    # unicode_escape reads backslashes as escapes and base64 is no charset at all.
    name = _charset_labels().get(label.strip().lower())
    if name is None:
        return None, label
    # A page without a byte-order mark that says UTF-16 is lying: the declaration is ASCII.
    if name.startswith(("utf-16", "utf-32")):
        return None, None
    return name, None


@functools.cache
def _charset_labels() -> dict[str, str]:
    """WHATWG charset label → Python codec, from ``data/charset_labels.tsv``."""
    table = {}
    for line in (files("claimsdb.data") / "charset_labels.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, codec = line.split("\t")
            table[label] = codec
    return table


def _refuse_binary(text: str) -> None:
    # The whole text, not the sample: a NUL anywhere would be stored on SQLite and refused by
    # PostgreSQL, and the search is a fast scan even over megabytes.
    if "\x00" in text:
        raise InputError("not a text file: it contains NUL characters")
    sample = text[:_SAMPLE_CHARS]
    if _CONTROL.search(sample):
        share = len(_CONTROL.findall(sample)) / len(sample)
        if share > _MAX_CONTROL_SHARE:
            raise InputError(f"not a text file: {share:.0%} of its characters are control characters")


# Read as Windows-1252, a text in another single-byte code page (Cyrillic, Greek) decodes without
# an error but its letters come out as accented Latin ones ("Ïðåçèäåíò"). Western European
# languages accent a few letters in a word, never most of them: a text where more than this share
# of the letters are accented Latin ones is refused rather than stored as nonsense.
_MAX_ACCENTED_SHARE = 0.4
_MIN_LETTERS = 20


def _refuse_code_page_mojibake(text: str, raw: bytes) -> None:
    sample = text[:_SAMPLE_CHARS]
    letters = sum(1 for c in sample if c.isalpha())
    accented = sum(1 for c in sample if "\u00c0" <= c <= "\u00ff" and c.isalpha())
    if letters < _MIN_LETTERS or accented / letters <= _MAX_ACCENTED_SHARE:
        return
    label, iconv = _code_page_guess(raw)
    where = f" (probably {label})" if label else ""
    raise InputError(
        f"cannot decode: read as Windows-1252, {accented / letters:.0%} of its letters would be accented"
        f" Latin ones, so it is in another code page{where}; save it as UTF-8"
        f" (for example: iconv -f {iconv or 'CODEPAGE'} -t UTF-8 FILE > NEW) and ingest that"
    )


def _code_page_guess(raw: bytes) -> tuple[str | None, str | None]:
    """The Cyrillic code page ``raw`` is probably in, as (name, iconv's label): the lower-case
    letters, which most of a text is, lie in 0xE0-0xFF in Windows-1251 and in 0xC0-0xDF in
    KOI8-R/KOI8-U. (None, None) when neither stands out."""
    sample = raw[:_SAMPLE_CHARS]
    upper_half = sum(1 for b in sample if b >= 0xE0)
    lower_half = sum(1 for b in sample if 0xC0 <= b < 0xE0)
    if upper_half > 2 * lower_half:
        return "Cyrillic Windows-1251", "WINDOWS-1251"
    if lower_half > 2 * upper_half:
        return "Cyrillic KOI8-R or KOI8-U", "KOI8-U"
    return None, None


def _utf16_hint(raw: bytes) -> str:
    """A hint when the NUL bytes sit at every other offset: UTF-16 without a byte-order mark."""
    sample = raw[:_SNIFF_BYTES]
    if len(sample) < 8:
        return ""
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if max(even, odd) > 0.3 and min(even, odd) < 0.05:
        order = "big-endian" if even > odd else "little-endian"
        return f" (it looks like UTF-16, {order}, without a byte-order mark: save it as UTF-8, or as UTF-16 with the mark)"
    return ""


def _describe(codecs_tried: list[str]) -> str:
    names = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16", "utf-32": "UTF-32"}
    unique = list(dict.fromkeys(names.get(codec, codec) for codec in codecs_tried))
    return " or ".join(unique) if len(unique) < 3 else ", ".join(unique[:-1]) + " or " + unique[-1]

