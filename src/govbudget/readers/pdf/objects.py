"""One PDF page into light objects: the visible characters, ruling segments and image boxes.

pdfminer's layout of the page is walked once; pdfplumber's per-object dictionaries
(dozens of keys per character) are not built. Coordinates are pdfplumber's: points
from the top-left of the page (``x0, top, x1, bottom``), rotation applied. What a
reader cannot see is dropped: white or off-page characters and white or off-page
lines and rectangles (Word paints every cell background as a white rectangle,
whose edges would otherwise split the table into phantom columns). Characters
drawn twice at almost the same place (fake bold) are kept once.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "Char",
    "HSeg",
    "VSeg",
    "PageObjects",
    "page_objects",
    "dedupe_chars",
    "is_white",
    "DEFAULT_THIN",
    "DEFAULT_MIN_SEGMENT",
    "DEFAULT_DEDUPE_TOLERANCE",
]

DEFAULT_THIN = 2.0  # a filled rectangle thinner than this is a ruling line
DEFAULT_MIN_SEGMENT = 3.0  # shorter segments are dots or glyph parts, not rules
DEFAULT_AXIS_TOLERANCE = 1.0  # a line this far off the horizontal or vertical still counts as one
DEFAULT_BACKGROUND_SHARE = 0.5  # a filled rectangle over this share of the page is a background
DEFAULT_DEDUPE_TOLERANCE = 1.0  # fake bold draws the same glyph again within about a point
DEFAULT_WHITE = 0.995


class Char(NamedTuple):
    """A visible character and its box in page coordinates."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool = True
    space_before: bool = False  # a space glyph was drawn just before it: a real word break


class HSeg(NamedTuple):
    """A horizontal ruling segment at ``y`` from ``x0`` to ``x1``."""

    y: float
    x0: float
    x1: float


class VSeg(NamedTuple):
    """A vertical ruling segment at ``x`` from ``top`` to ``bottom``."""

    x: float
    top: float
    bottom: float


class PageObjects:
    """What one page holds, in page coordinates; no reference to the page itself is kept."""

    __slots__ = ("number", "width", "height", "bbox", "chars", "hsegs", "vsegs", "images", "cid_chars")

    def __init__(self, number: int, bbox: tuple[float, float, float, float], chars: list[Char],
                 hsegs: list[HSeg], vsegs: list[VSeg], images: list[tuple[float, float, float, float]],
                 cid_chars: int = 0) -> None:
        self.number = number
        self.bbox = bbox
        self.width = bbox[2] - bbox[0]
        self.height = bbox[3] - bbox[1]
        self.chars = chars
        self.hsegs = hsegs
        self.vsegs = vsegs
        self.images = images
        self.cid_chars = cid_chars

    def image_share(self) -> float:
        """The share of the page covered by images (overlaps counted twice, capped at 1)."""
        area = 0.0
        x0, top, x1, bottom = self.bbox
        for ix0, itop, ix1, ibottom in self.images:
            w = min(ix1, x1) - max(ix0, x0)
            h = min(ibottom, bottom) - max(itop, top)
            if w > 0 and h > 0:
                area += w * h
        page = self.width * self.height
        return min(area / page, 1.0) if page > 0 else 0.0


def is_white(color: object) -> bool:
    """True for white in gray, RGB or CMYK; patterns and unknown values count as visible."""
    if isinstance(color, (int, float)):
        return color >= DEFAULT_WHITE
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 1 - DEFAULT_WHITE for v in color)
    return all(v >= DEFAULT_WHITE for v in color)


def page_objects(page) -> PageObjects:
    """The visible objects of a pdfplumber page (its pdfminer layout is parsed here)."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

    layout = page.layout
    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    bbox = _visible_box(page)
    bx0, btop, bx1, bbottom = bbox
    page_area = max((bx1 - bx0) * (bbottom - btop), 1.0)
    chars: list[Char] = []
    white_chars: list[Char] = []
    dark_boxes: list[tuple[float, float, float, float]] = []
    hsegs: list[HSeg] = []
    vsegs: list[VSeg] = []
    images: list[tuple[float, float, float, float]] = []
    cid = 0
    space: tuple[float, float, float] | None = None  # the last space glyph: x0, top, size
    stack = [iter(layout._objs)]
    while stack:
        for obj in stack[-1]:
            cls = type(obj)
            if cls is LTChar or (cls is not LTRect and isinstance(obj, LTChar)):
                text = obj._text
                x0 = obj.x0 + mb_x0
                top = height - obj.y1 + mb_top
                if not text or text.isspace():
                    space = (x0, top, obj.size)
                    continue
                x1 = obj.x1 + mb_x0
                bottom = height - obj.y0 + mb_top
                cx = (x0 + x1) / 2
                cy = (top + bottom) / 2
                if not (bx0 <= cx <= bx1 and btop <= cy <= bbottom):
                    continue
                if "(cid:" in text:
                    cid += 1
                spaced = (space is not None and abs(top - space[1]) < space[2] / 2
                          and 0 <= x0 - space[0] <= 2 * space[2])
                space = None
                char = Char(text, x0, x1, top, bottom, obj.size, obj.upright, spaced)
                if is_white(obj.graphicstate.ncolor):
                    white_chars.append(char)
                else:
                    chars.append(char)
            elif isinstance(obj, LTCurve):
                _path(obj, cls is LTRect, cls is LTLine or isinstance(obj, LTLine), height, mb_x0, mb_top,
                      bbox, page_area, hsegs, vsegs, dark_boxes)
            elif isinstance(obj, LTImage):
                images.append((obj.x0 + mb_x0, height - obj.y1 + mb_top, obj.x1 + mb_x0, height - obj.y0 + mb_top))
            elif isinstance(obj, LTContainer):
                stack.append(iter(obj._objs))
                break
        else:
            stack.pop()
    if white_chars and dark_boxes:
        # White text is visible only on a dark fill (a coloured header row).
        chars.extend(c for c in white_chars if _inside_any(c, dark_boxes))
    return PageObjects(page.page_number, bbox, dedupe_chars(chars), hsegs, vsegs, images, cid)


def _visible_box(page) -> tuple[float, float, float, float]:
    """The page box a viewer shows: the crop box within the media box."""
    mx0, mtop, mx1, mbottom = page.mediabox
    cx0, ctop, cx1, cbottom = getattr(page, "cropbox", page.mediabox)
    box = (max(mx0, cx0), max(mtop, ctop), min(mx1, cx1), min(mbottom, cbottom))
    return box if box[2] > box[0] and box[3] > box[1] else tuple(page.mediabox)


def _inside_any(c: Char, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _path(obj, is_rect: bool, is_line: bool, height: float, mb_x0: float, mb_top: float,
          bbox: tuple[float, float, float, float], page_area: float,
          hsegs: list[HSeg], vsegs: list[VSeg], dark_boxes: list) -> None:
    stroked = bool(obj.stroke) and not is_white(obj.stroking_color)
    filled = bool(obj.fill) and not is_white(obj.non_stroking_color) and not is_line
    if not (stroked or filled):
        return
    if is_rect:
        x0, x1 = obj.x0 + mb_x0, obj.x1 + mb_x0
        top, bottom = height - obj.y1 + mb_top, height - obj.y0 + mb_top
        w, h = x1 - x0, bottom - top
        if w <= DEFAULT_THIN and h <= DEFAULT_THIN:
            return
        if h <= DEFAULT_THIN:
            _add_h(hsegs, (top + bottom) / 2, x0, x1, bbox)
        elif w <= DEFAULT_THIN:
            _add_v(vsegs, (x0 + x1) / 2, top, bottom, bbox)
        elif w * h >= DEFAULT_BACKGROUND_SHARE * page_area and not stroked:
            return  # a page background, not a cell
        else:
            if filled:
                dark_boxes.append((x0, top, x1, bottom))
            _add_h(hsegs, top, x0, x1, bbox)
            _add_h(hsegs, bottom, x0, x1, bbox)
            _add_v(vsegs, x0, top, bottom, bbox)
            _add_v(vsegs, x1, top, bottom, bbox)
        return
    pts = [(x + mb_x0, height - y + mb_top) for x, y in obj.pts]
    if len(pts) < 2:
        return
    pairs = list(zip(pts, pts[1:]))
    if filled and len(pts) > 2:
        pairs.append((pts[-1], pts[0]))
    for (ax, ay), (bx, by) in pairs:
        if abs(ay - by) <= DEFAULT_AXIS_TOLERANCE:
            _add_h(hsegs, (ay + by) / 2, min(ax, bx), max(ax, bx), bbox)
        elif abs(ax - bx) <= DEFAULT_AXIS_TOLERANCE:
            _add_v(vsegs, (ax + bx) / 2, min(ay, by), max(ay, by), bbox)


def _add_h(out: list[HSeg], y: float, x0: float, x1: float, bbox: tuple[float, float, float, float]) -> None:
    if not bbox[1] <= y <= bbox[3]:
        return
    x0, x1 = max(x0, bbox[0]), min(x1, bbox[2])
    if x1 - x0 >= DEFAULT_MIN_SEGMENT:
        out.append(HSeg(y, x0, x1))


def _add_v(out: list[VSeg], x: float, top: float, bottom: float, bbox: tuple[float, float, float, float]) -> None:
    if not bbox[0] <= x <= bbox[2]:
        return
    top, bottom = max(top, bbox[1]), min(bottom, bbox[3])
    if bottom - top >= DEFAULT_MIN_SEGMENT:
        out.append(VSeg(x, top, bottom))


def dedupe_chars(chars: list[Char], tolerance: float = DEFAULT_DEDUPE_TOLERANCE) -> list[Char]:
    """Characters drawn twice within ``tolerance`` (fake bold) kept once, in drawing order.

    Linear: each character is looked up in a hash of its neighbourhood, never
    compared with the whole page.
    """
    seen: dict[tuple[str, int, int], list[Char]] = {}
    out: list[Char] = []
    dropped = False
    for c in chars:
        gx, gy = int(c.x0 // tolerance), int(c.top // tolerance)
        duplicate = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for k in seen.get((c.text, gx + dx, gy + dy), ()):
                    if abs(k.x0 - c.x0) <= tolerance and abs(k.top - c.top) <= tolerance:
                        duplicate = True
                        break
                if duplicate:
                    break
            if duplicate:
                break
        if duplicate:
            dropped = True
            continue
        seen.setdefault((c.text, gx, gy), []).append(c)
        out.append(c)
    return out if dropped else chars
