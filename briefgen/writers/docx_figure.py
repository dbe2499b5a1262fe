"""WordprocessingML for an inline picture whose description (wp:docPr/@descr) is the figure's alt text."""

from __future__ import annotations

from ..textsafe import strip_xml_illegal, xml_attribute as quoteattr

EMU_PER_POINT = 12700
DRAWINGML = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
PICTURE = 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def inline_picture(relation_id: str, width_pt: float, height_pt: float, number: int, name: str, alt: str) -> str:
    """A <w:r> holding the picture at its size in points, described for screen readers.

    The document part declares w, r and wp; the DrawingML namespaces are declared where used, as Word does.
    """
    cx, cy = round(width_pt * EMU_PER_POINT), round(height_pt * EMU_PER_POINT)
    descr, title = quoteattr(strip_xml_illegal(alt)), quoteattr(strip_xml_illegal(name))
    return (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{1000 + number}" name={title} descr={descr}/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks {DRAWINGML} noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic {DRAWINGML}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic {PICTURE}><pic:nvPicPr><pic:cNvPr id="{1000 + number}" name={title} descr={descr}/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{relation_id}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        '</wp:inline></w:drawing></w:r>'
    )
