"""Imposition with pypdf: pages reordered onto the sheets a duplex printer prints.

* Booklet: pages of a saddle-stitched booklet, two per side of the next ISO
  sheet (A5 pages on A4, A4 pages on A3), meeting at its middle, the fold. The
  sheet is the paper's exact size (A5 is 148 mm wide, half of A4 is 148.5 mm):
  printers refuse or scale a 296 mm sheet. Print double-sided, flip on the
  short edge, fold the stack in the middle and staple.
* Tri-fold (DL): six 99 × 210 mm panels onto both sides of a landscape A4 sheet
  in the letter-fold order: outside = inner flap, back, cover; inside = the
  three panels that open up. Print double-sided, flip on the short edge.

Imposed sheets are for printing only: the reading order of a sheet is not the
reading order of the text, so they are not tagged (the page-order PDFs are).
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    NameObject,
    TextStringObject,
)


def booklet_order(pages: int) -> list[tuple[int, int]]:
    """Return (left, right) page indexes for each side of each sheet; ``pages`` is a multiple of 4."""
    if pages % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {pages}")
    sides = []
    for sheet in range(pages // 4):
        sides.append((pages - 1 - 2 * sheet, 2 * sheet))  # front: last … first
        sides.append((2 * sheet + 1, pages - 2 - 2 * sheet))  # back
    return sides


TRIFOLD_ORDER = ((4, 5, 0), (1, 2, 3))  # panels: 0 cover, 1–4 inside and flap, 5 back

MM = 72 / 25.4
# ISO 216 sheets in points, landscape (width, height): the paper two pages go on.
SHEETS = {"A4": (297 * MM, 210 * MM), "A3": (420 * MM, 297 * MM)}
TOLERANCE = 1.5 * MM  # a page may fall short of half the sheet by this much (A5: 0.5 mm)


def sheet_for(width: float, height: float, slots: int) -> tuple[float, float]:
    """Return the ISO sheet that ``slots`` pages of this size fill side by side, else exactly their size."""
    needed = (width * slots, height)
    for sheet in SHEETS.values():
        if abs(sheet[1] - height) < 0.5 and -0.5 < sheet[0] - needed[0] < TOLERANCE:
            return sheet
    return needed


def impose_booklet(pdf: bytes) -> bytes:
    """Return the booklet as printer sheets, two pages side by side."""
    reader = PdfReader(io.BytesIO(pdf))
    return _impose(reader, booklet_order(len(reader.pages)))


def impose_trifold(pdf: bytes) -> bytes:
    """Return six DL panels as the two sides of a landscape A4 sheet."""
    reader = PdfReader(io.BytesIO(pdf))
    if len(reader.pages) != 6:
        raise ValueError(f"a tri-fold leaflet has 6 panels, not {len(reader.pages)}")
    return _impose(reader, TRIFOLD_ORDER)


def _impose(reader: PdfReader, sides) -> bytes:
    """Place pages side by side as form XObjects: their content streams are copied, never parsed."""
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    slots = len(sides[0])
    sheet_width, sheet_height = sheet_for(width, height, slots)
    margin = (sheet_width - width * slots) / 2  # the pages meet at the sheet's middle (the fold)
    writer = PdfWriter()
    forms: dict[int, object] = {}
    for side in sides:
        sheet = writer.add_blank_page(width=sheet_width, height=sheet_height)
        xobjects = DictionaryObject()
        drawing = []
        for slot, index in enumerate(side):
            if index not in forms:
                forms[index] = _as_form(reader.pages[index], writer)
            name = f"/Page{index}"
            xobjects[NameObject(name)] = forms[index]
            drawing.append(f"q 1 0 0 1 {margin + width * slot:.4f} 0 cm {name} Do Q")
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
        content = DecodedStreamObject()
        content.set_data(" ".join(drawing).encode("ascii"))
        sheet[NameObject("/Contents")] = writer._add_object(content)
    _copy_info(reader, writer)
    buffer = io.BytesIO()
    writer.write(buffer)  # no random file identifier: the same pages give the same bytes
    return buffer.getvalue()


def _as_form(page, writer: PdfWriter):
    """Return a reference to a form XObject drawing ``page`` (its compressed stream as it is)."""
    contents = page["/Contents"].get_object()
    if isinstance(contents, ArrayObject):  # several streams: join them (rare; WeasyPrint writes one)
        data = b"\n".join(part.get_object().get_data() for part in contents)
        form = DecodedStreamObject()
        form.set_data(data)
    else:
        form = EncodedStreamObject() if contents.get("/Filter") else DecodedStreamObject()
        form._data = contents._data
        for key in ("/Filter", "/DecodeParms"):
            if key in contents:
                form[NameObject(key)] = contents[key].clone(writer)
    box = page.mediabox
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(box.left), FloatObject(box.bottom), FloatObject(box.right), FloatObject(box.top)])
    form[NameObject("/Resources")] = page["/Resources"].clone(writer)
    return writer._add_object(form)


def _copy_info(reader: PdfReader, writer: PdfWriter) -> None:
    """Keep the title, language and dates; the producer says who imposed."""
    info = reader.metadata or {}
    writer.add_metadata({k: v for k, v in info.items() if k in ("/Title", "/CreationDate", "/ModDate", "/Creator")})
    writer.add_metadata({"/Producer": "pypdf (imposition)"})
    lang = reader.trailer["/Root"].get("/Lang")
    if lang is not None:
        writer._root_object[NameObject("/Lang")] = TextStringObject(str(lang))

