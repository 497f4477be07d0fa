"""PDF disclosures into the neutral grid: ruled and unruled tables, paragraphs, each with page and box.

The file is opened with pdfplumber and read one page at a time: the page's
characters and ruling lines are taken from pdfminer's layout once
(:mod:`.objects`), ruled tables are built from the rules (:mod:`.ruling`,
:mod:`.ruled`), tables without rules from the alignment of the text
(:mod:`.aligned`), and the rest becomes lines (:mod:`.page`); the page is closed
before the next is read. The document pass drops page numbers and running
titles and joins paragraphs cut by page breaks (:mod:`.document`), and repairs
what a page break did to a table's grid (:mod:`.pieces`). Tables that run over
pages stay pieces here; the recogniser joins them.

An encrypted file raises :class:`~govbudget.errors.EncryptedFileError`, a damaged
or truncated one (or one that is no PDF) :class:`~govbudget.errors.DamagedFileError`,
naming the file and, where one page fails, the page; a document with no text at
all, or whose text has no Unicode mapping, raises :class:`~govbudget.errors.PdfReadError`
(OCR is needed). A single scanned page or one with
unmapped glyphs in an otherwise readable file becomes a finding, and so does
content pdfminer had to skip (:mod:`.complaints`): figures may be missing there.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import DamagedFileError, EmptyInputError, EncryptedFileError, InputError, PdfReadError
from ...grid import SourceDocument
from ...provenance import Finding, Provenance, Severity
from .. import ReaderSpec, register
from .complaints import Complaints, listening
from .document import assemble
from .objects import page_objects
from .page import PageItems, read_page

__all__ = ["read", "sniff", "NAME", "DEFAULT_CID_SHARE"]

NAME = "pdf"
DEFAULT_CID_SHARE = 0.5  # over this share of unmapped glyphs the document cannot be read
DEFAULT_MESSAGE_CHARS = 160  # of pdfminer's own words quoted in an error or finding
_MAGIC_WINDOW = 1024  # the PDF header may follow some junk bytes


def sniff(head: bytes, path: Path) -> bool:
    """A file whose first kilobyte holds the ``%PDF-`` header."""
    return b"%PDF-" in head[:_MAGIC_WINDOW]


def read(path: Path) -> SourceDocument:
    """Read a PDF disclosure into the neutral grid."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            head = fh.read(_MAGIC_WINDOW)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=name) from err
    if not head:
        raise EmptyInputError("the file is empty", path=name)
    if not sniff(head, path):
        raise DamagedFileError("not a PDF: no %PDF- header (a file of another kind named .pdf?)", path=name)
    with listening() as complaints:
        items, findings, chars, cid, no_text = _read_pages(path, name, complaints)
    if not chars:
        pages_named = _pages(no_text)
        raise PdfReadError(f"no text layer on any page ({pages_named}: images only or blank): OCR needed",
                           path=name)
    if cid > DEFAULT_CID_SHARE * chars:
        raise PdfReadError(
            f"{cid} of {chars} characters have no Unicode mapping ((cid:…) glyphs): the text layer "
            "cannot be read; OCR needed", path=name)
    blocks = assemble(items, name)
    if not blocks:
        raise PdfReadError("no text found on any page", path=name)
    findings.extend(
        Finding("page.blank", Severity.INFO, f"page {n} holds no text", provenance=(Provenance(name, page=n),))
        for n in no_text
        if not any(f.code == "page.no_text_layer" and f.provenance[0].page == n for f in findings)
    )
    return SourceDocument(name, NAME, tuple(blocks), tuple(findings))


def _read_pages(path: Path, name: str, complaints: Complaints
                ) -> tuple[list[PageItems], list[Finding], int, int, list[int]]:
    """Each page's items, the findings, the counts of characters and unmapped glyphs, the pages with no text."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as err:  # pdfminer raises many kinds for a bad file; all mean "cannot open"
        raise _open_error(err, name) from err
    try:
        try:
            pages = pdf.pages
        except Exception as err:
            raise _open_error(err, name) from err
        if not pages:
            raise DamagedFileError("the PDF has no pages", path=name)
        items: list[PageItems] = []
        findings: list[Finding] = []
        findings.extend(_skipped(complaints.take(), name, None))
        chars = cid = 0
        no_text: list[int] = []
        ordinal = 1
        for page in pages:
            number = page.page_number
            try:
                try:
                    page.layout  # parsed here, so that a damaged page is reported with its number
                except Exception as err:
                    raise _open_error(err, name, f"page {number}") from err
                objs = page_objects(page)
            finally:
                page.close()
            findings.extend(_skipped(complaints.take(), name, number))
            chars += len(objs.chars)
            cid += objs.cid_chars
            if not objs.chars:
                no_text.append(number)
            page_items = read_page(objs, name, ordinal)
            ordinal += page_items.tables
            findings.extend(page_items.findings)
            items.append(page_items)
            del objs
    finally:
        _close(pdf)
    return items, findings, chars, cid, no_text


def _close(pdf) -> None:
    """Close the file; pdfplumber's ``close`` lists the pages again, which fails where the page tree is damaged."""
    try:
        pdf.close()
    except Exception:
        if not getattr(pdf, "stream_is_external", True):
            pdf.stream.close()


def _skipped(messages: list[str], name: str, page: int | None) -> list[Finding]:
    """One finding for what pdfminer skipped on a page (or, with no page, in the file's structure)."""
    if not messages:
        return []
    more = f"; {len(messages) - 1} more such" if len(messages) > 1 else ""
    said = f"{messages[0][:DEFAULT_MESSAGE_CHARS]}{more}"
    if page is None:
        return [Finding("file.damaged_structure", Severity.WARNING,
                        f"the PDF's structure is damaged and was read around ({said}): figures may be missing; "
                        "check them against the rendered pages", actual=str(len(messages)),
                        provenance=(Provenance(name),))]
    return [Finding("page.damaged_content", Severity.WARNING,
                    f"page {page}: part of its content could not be decoded and was skipped ({said}): figures "
                    "on it may be missing; check them against the rendered page", actual=str(len(messages)),
                    provenance=(Provenance(name, page=page),))]


def _pages(numbers: list[int]) -> str:
    """``page 3`` or ``pages 1-4`` or ``pages 1, 3, 7``."""
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"pages {numbers[0]}-{numbers[-1]}"
    return "pages " + ", ".join(map(str, numbers))


def _open_error(err: BaseException, name: str, where: str | None = None) -> InputError:
    """What went wrong opening or parsing a PDF, in words a user can act on."""
    inner = err
    while inner.__cause__ is not None or (inner.args and isinstance(inner.args[0], BaseException)):
        inner = inner.args[0] if inner.args and isinstance(inner.args[0], BaseException) else inner.__cause__
    kind = type(inner).__name__
    said = str(inner)
    if len(said) > DEFAULT_MESSAGE_CHARS:  # pdfminer quotes whole dictionaries
        said = said[:DEFAULT_MESSAGE_CHARS] + "…"
    if kind == "PDFPasswordIncorrect":
        return EncryptedFileError("the PDF is encrypted and needs a password to open; remove the password first",
                                  path=name, where=where)
    if "Encryption" in kind or "encrypt" in said.lower():
        return EncryptedFileError(f"the PDF is encrypted in a way that cannot be read ({said}); "
                                  "remove the encryption first", path=name, where=where)
    if kind in ("PSEOF", "PDFNoValidXRef", "PDFSyntaxError", "PSSyntaxError", "PDFNoPageLabels"):
        return DamagedFileError(f"damaged or truncated PDF ({kind}: {said}); save or download it again",
                                path=name, where=where)
    return DamagedFileError(f"damaged PDF, or not a PDF ({kind}: {said})", path=name, where=where)


register(ReaderSpec(name=NAME, extensions=("pdf",), sniff=sniff, read=read))
