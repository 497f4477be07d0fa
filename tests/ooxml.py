"""Small Word packages written by hand for the reader tests: exactly the XML a case needs, nothing else."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="{main}"/></Relationships>'
)
PART_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            '{kind}" Target="{kind}.xml"/>')


def p(text: str = "", *, props: str = "", runs: str | None = None) -> str:
    """A paragraph with one run of ``text`` (or the given runs XML)."""
    body = runs if runs is not None else (f"<w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>"
                                          if text else "")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def tc(text: str = "", *, span: int = 1, vmerge: str | None = None, extra: str = "", content: str | None = None) -> str:
    """A cell: ``vmerge`` is ``restart``, ``continue`` or ``""`` (a bare ``<w:vMerge/>``)."""
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "<w:vMerge/>"
    props += extra
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{content if content is not None else p(text)}</w:tc>"


def tr(*cells: str, before: int = 0, after: int = 0, props: str = "") -> str:
    pr = (f'<w:gridBefore w:val="{before}"/>' if before else "") + (f'<w:gridAfter w:val="{after}"/>' if after else "")
    pr += props
    return f"<w:tr>{f'<w:trPr>{pr}</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str, cols: int | None = None) -> str:
    grid = "".join("<w:gridCol/>" for _ in range(cols or 0))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def simple(rows: list[list[str]]) -> str:
    """A table of plain cells."""
    return tbl(*(tr(*(tc(t) for t in row)) for row in rows), cols=max(len(r) for r in rows))


def docx(path: Path, body: str, *, styles: str | None = None, numbering: str | None = None,
         main: str = "word/document.xml") -> Path:
    """Write a Word package whose body is ``body`` (and styles and numbering parts when given)."""
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NAMESPACES}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=main))
        z.writestr("_rels/.rels", PACKAGE_RELS.format(main=main))
        z.writestr(main, document)
        folder, name = main.rsplit("/", 1)
        parts = {"styles": styles, "numbering": numbering}
        rels = "".join(PART_REL.format(n=n, kind=kind) for n, (kind, xml) in enumerate(parts.items()) if xml)
        if rels:
            z.writestr(f"{folder}/_rels/{name}.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                       f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for kind, xml in parts.items():
            if xml:
                z.writestr(f"{folder}/{kind}.xml",
                           f'<?xml version="1.0" encoding="UTF-8"?><w:{kind} xmlns:w="{W_NS}">{xml}</w:{kind}>')
    return path
