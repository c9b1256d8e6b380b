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
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A text file with more than this share of control characters is binary.
_MAX_CONTROL_SHARE = 0.10
_SAMPLE_CHARS = 65536
# The charset an HTML page declares, within its first bytes (<meta charset>, http-equiv, <?xml>).
_DECLARED_CHARSET = re.compile(
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
            raise InputError("not a text file: it contains NUL bytes")
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


def _describe(codecs_tried: list[str]) -> str:
    names = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16", "utf-32": "UTF-32"}
    unique = list(dict.fromkeys(names.get(codec, codec) for codec in codecs_tried))
    return " or ".join(unique) if len(unique) < 3 else ", ".join(unique[:-1]) + " or " + unique[-1]

