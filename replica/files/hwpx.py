"""Write genuine HWPX (OWPML, KS X 6101) documents for the replica site's attachments.

Newer minutes arrive as HWPX: a zip whose first member is an uncompressed `mimetype`, with the text
in `Contents/section0.xml`. The parts written here are the ones Hancom's own files carry (version,
container, package manifest, header with one font/char/para/style definition, section, preview
text), so the crawler meets the real layout. Timestamps and ids are fixed so the same input always
gives the same bytes, which keeps the replica reproducible and its files cacheable.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from xml.sax.saxutils import escape

MEDIA_TYPE = "application/hwp+zip"
NS_PARAGRAPH = "http://www.hancom.co.kr/hwpml/2011/paragraph"
NS_SECTION = "http://www.hancom.co.kr/hwpml/2011/section"
NS_HEAD = "http://www.hancom.co.kr/hwpml/2011/head"
NS_CORE = "http://www.hancom.co.kr/hwpml/2011/core"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
PREVIEW_CHARS = 1000
TEXT_WIDTH = 42520  # A4 less the default margins, in HWPUNIT (1/7200 inch)
CELL_HEIGHT = 1000
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'

# Hancom declares this whole set on every header and section root, used or not; files without it
# are treated by some Hancom versions as tampered with.
_ROOT_NAMESPACES = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in (
        ("ha", "http://www.hancom.co.kr/hwpml/2011/app"),
        ("hp", NS_PARAGRAPH),
        ("hp10", "http://www.hancom.co.kr/hwpml/2016/paragraph"),
        ("hs", NS_SECTION),
        ("hc", NS_CORE),
        ("hh", NS_HEAD),
        ("hhs", "http://www.hancom.co.kr/hwpml/2011/history"),
        ("hm", "http://www.hancom.co.kr/hwpml/2011/master-page"),
        ("hpf", "http://www.hancom.co.kr/schema/2011/hpf"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("opf", "http://www.idpf.org/2007/opf/"),
        ("ooxmlchart", "http://www.hancom.co.kr/hwpml/2016/ooxmlchart"),
        ("hwpunitchar", "http://www.hancom.co.kr/hwpml/2016/HwpUnitChar"),
        ("epub", "http://www.idpf.org/2007/ops"),
        ("config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"),
    )
)

_VERSION = (
    _XML_DECL + '<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" '
    'tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1" os="1" '
    'xmlVersion="1.4" application="Hancom Office Hangul" appVersion="11, 0, 0, 0"/>'
)

_CONTAINER = (
    _XML_DECL + '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles>'
    '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
    '<ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/>'
    "</ocf:rootfiles></ocf:container>"
)

_MANIFEST = _XML_DECL + '<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'

_FONT = (
    '<hh:font id="0" face="함초롬바탕" type="TTF" isEmbedded="0"><hh:typeInfo familyType="FCAT_MYUNGJO" '
    'weight="6" proportion="4" contrast="0" strokeVariation="1" armStyle="1" letterform="1" '
    'midline="1" xHeight="1"/></hh:font>'
)
_LANGS = ("HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER")
_PER_LANG = " ".join(f'{lang.lower()}="{{0}}"' for lang in _LANGS)


def _border_fill(fill_id: int, line: str) -> str:
    sides = "".join(
        f'<hh:{side}Border type="{line}" width="0.12 mm" color="#000000"/>'
        for side in ("left", "right", "top", "bottom")
    )
    return (
        f'<hh:borderFill id="{fill_id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">'
        '<hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" '
        f'isCounter="0"/>{sides}<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/></hh:borderFill>'
    )


_HEADER = (
    _XML_DECL + f'<hh:head {_ROOT_NAMESPACES} version="1.4" secCnt="1">'
    '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/><hh:refList>'
    '<hh:fontfaces itemCnt="7">'
    + "".join(f'<hh:fontface lang="{lang}" fontCnt="1">{_FONT}</hh:fontface>' for lang in _LANGS)
    + "</hh:fontfaces>"
    '<hh:borderFills itemCnt="2">' + _border_fill(1, "NONE") + _border_fill(2, "SOLID") + "</hh:borderFills>"
    '<hh:charProperties itemCnt="1"><hh:charPr id="0" height="1000" textColor="#000000" '
    'shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="1">'
    f"<hh:fontRef {_PER_LANG.format(0)}/><hh:ratio {_PER_LANG.format(100)}/>"
    f"<hh:spacing {_PER_LANG.format(0)}/><hh:relSz {_PER_LANG.format(100)}/>"
    f"<hh:offset {_PER_LANG.format(0)}/>"
    '<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" '
    'color="#000000"/><hh:outline type="NONE"/><hh:shadow type="NONE" color="#C0C0C0" offsetX="10" '
    'offsetY="10"/></hh:charPr></hh:charProperties>'
    '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>'
    '<hh:paraProperties itemCnt="1"><hh:paraPr id="0" tabPrIDRef="0" condense="0" fontLineHeight="0" '
    'snapToGrid="1" suppressLineNumbers="0" checked="0"><hh:align horizontal="JUSTIFY" '
    'vertical="BASELINE"/><hh:heading type="NONE" idRef="0" level="0"/><hh:breakSetting '
    'breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" widowOrphan="0" keepWithNext="0" '
    'keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/><hh:autoSpacing eAsianEng="0" eAsianNum="0"/>'
    '<hh:margin><hc:intent value="0" unit="HWPUNIT"/><hc:left value="0" unit="HWPUNIT"/><hc:right '
    'value="0" unit="HWPUNIT"/><hc:prev value="0" unit="HWPUNIT"/><hc:next value="0" unit="HWPUNIT"/>'
    '</hh:margin><hh:lineSpacing type="PERCENT" value="160" unit="HWPUNIT"/><hh:border '
    'borderFillIDRef="1" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="0" connect="0" '
    'ignoreMargin="0"/></hh:paraPr></hh:paraProperties>'
    '<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" '
    'paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/></hh:styles>'
    '</hh:refList><hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/>'
    '</hh:compatibleDocument><hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/>'
    "</hh:docOption></hh:head>"
)

_NOTE_PR = (
    '<hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/>'
    '<hp:noteLine length="{length}" type="SOLID" width="0.12 mm" color="#000000"/>'
    '<hp:noteSpacing betweenNotes="{between}" belowLine="567" aboveLine="850"/>'
    '<hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="{place}" beneathText="0"/>'
)

_SECTION_PROPERTIES = (
    '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" '
    'outlineShapeIDRef="0" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">'
    '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" '
    'pic="0" tbl="0" equation="0"/><hp:visibility hideFirstHeader="0" hideFirstFooter="0" '
    'hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" '
    'hideFirstEmptyLine="0" showLineNumber="0"/><hp:lineNumberShape restartType="0" countBy="0" '
    'distance="0" startNumber="0"/><hp:pagePr landscape="WIDELY" width="59528" height="84188" '
    'gutterType="LEFT_ONLY"><hp:margin header="4252" footer="4252" gutter="0" left="8504" '
    'right="8504" top="5668" bottom="4252"/></hp:pagePr>'
    "<hp:footNotePr>"
    + _NOTE_PR.format(length=-1, between=283, place="EACH_COLUMN")
    + "</hp:footNotePr><hp:endNotePr>"
    + _NOTE_PR.format(length=14692344, between=0, place="END_OF_DOCUMENT")
    + "</hp:endNotePr>"
    + "".join(
        f'<hp:pageBorderFill type="{kind}" borderFillIDRef="1" textBorder="PAPER" headerInside="0" '
        'footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" '
        'bottom="1417"/></hp:pageBorderFill>'
        for kind in ("BOTH", "EVEN", "ODD")
    )
    + "</hp:secPr>"
    '<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>'
)


def build_hwpx(title: str, paragraphs: list[str], *, table_rows: list[list[str]] | None = None) -> bytes:
    """Return an HWPX file whose body is `paragraphs`, then `table_rows` as a table, if any.

    `title` is document metadata (the package's `opf:title`), not body text, so reading the body
    back gives exactly the paragraphs, then each cell's text in row order, one per line. A "\\n"
    inside a paragraph is a line break and a "\\t" a tab, as Hancom writes them.
    """
    rows = table_rows or []
    ids = itertools.count(1)
    body = [_paragraph(paragraphs[0] if paragraphs else "", next(ids), lead=_SECTION_PROPERTIES)]
    body += [_paragraph(text, next(ids)) for text in paragraphs[1:]]
    if rows:
        body.append(_table_paragraph(rows, ids))
    section = _XML_DECL + f"<hs:sec {_ROOT_NAMESPACES}>" + "".join(body) + "</hs:sec>"
    members = [
        ("mimetype", MEDIA_TYPE),
        ("version.xml", _VERSION),
        ("Contents/header.xml", _HEADER),
        ("Contents/section0.xml", section),
        ("Preview/PrvText.txt", _preview(paragraphs, rows)),
        ("settings.xml", _settings()),
        ("META-INF/container.xml", _CONTAINER),
        ("Contents/content.hpf", _package(title)),
        ("META-INF/manifest.xml", _MANIFEST),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.create_system = 0  # the same bytes whichever system builds the file
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _paragraph(text: str, para_id: int, *, lead: str = "") -> str:
    run = f"<hp:t>{_inline(text)}</hp:t>" if text else ""
    return (
        f'<hp:p id="{para_id}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
        f'<hp:run charPrIDRef="0">{lead}{run}</hp:run></hp:p>'
    )


def _inline(text: str) -> str:
    """Escape text for `hp:t`, turning line breaks and tabs into the elements Hancom uses."""
    text = escape(_NOT_XML.sub("", text))
    return text.replace("\n", "<hp:lineBreak/>").replace("\t", '<hp:tab width="4000" leader="NONE" type="LEFT"/>')


def _table_paragraph(rows: list[list[str]], counter: Iterator[int]) -> str:
    n_rows, n_cols = len(rows), max(len(row) for row in rows)
    width = TEXT_WIDTH // n_cols
    cells = []
    for r, row in enumerate(rows):
        cells.append("<hp:tr>")
        for c in range(n_cols):
            lines = (row[c] if c < len(row) else "").split("\n")
            paras = "".join(_paragraph(line, next(counter)) for line in lines)
            cells.append(
                '<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" '
                'borderFillIDRef="2"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" '
                'vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" '
                f'hasTextRef="0" hasNumRef="0">{paras}</hp:subList><hp:cellAddr colAddr="{c}" '
                f'rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/><hp:cellSz width="{width}" '
                f'height="{CELL_HEIGHT}"/><hp:cellMargin left="510" right="510" top="141" bottom="141"/>'
                "</hp:tc>"
            )
        cells.append("</hp:tr>")
    table = (
        f'<hp:tbl id="{next(counter)}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" '
        'textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" '
        f'rowCnt="{n_rows}" colCnt="{n_cols}" cellSpacing="0" borderFillIDRef="2" noAdjust="0">'
        f'<hp:sz width="{width * n_cols}" widthRelTo="ABSOLUTE" height="{CELL_HEIGHT * n_rows}" '
        'heightRelTo="ABSOLUTE" protect="0"/><hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" '
        'allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" '
        'horzAlign="LEFT" vertOffset="0" horzOffset="0"/><hp:outMargin left="283" right="283" '
        'top="283" bottom="283"/><hp:inMargin left="510" right="510" top="141" bottom="141"/>'
        + "".join(cells)
        + "</hp:tbl>"
    )
    return (
        f'<hp:p id="{next(counter)}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" '
        f'merged="0"><hp:run charPrIDRef="0">{table}<hp:t/></hp:run></hp:p>'
    )


def _package(title: str) -> str:
    return (
        _XML_DECL + '<opf:package xmlns:opf="http://www.idpf.org/2007/opf/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" version="" unique-identifier="" id="">'
        f"<opf:metadata><opf:title>{escape(_NOT_XML.sub('', title))}</opf:title>"
        "<opf:language>ko</opf:language>"
        '<opf:meta name="creator" content="text">서울특별시</opf:meta></opf:metadata>'
        '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '<opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest>'
        '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" '
        'linear="yes"/></opf:spine></opf:package>'
    )


def _settings() -> str:
    return (
        _XML_DECL + '<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
        'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition '
        'listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>'
    )


def _preview(paragraphs: list[str], rows: list[list[str]]) -> str:
    lines = [p.replace("\n", " ") for p in paragraphs]
    lines += ["".join(f"<{cell}>" for cell in row) for row in rows]
    return "\r\n".join(lines)[:PREVIEW_CHARS] + "\r\n"
