"""The printable policy cheat sheet: its content, built from the rules file, as HTML.

Every rule text on the sheet comes from :func:`sellerdesk.domain.policy.rules.load_rules`
(there is no second copy of the rules here); this module only decides which rule goes into
which block, and holds the sheet's own headings in English and Simplified Chinese. Rules are
placed by id where the reading order matters (the contact rules, the returns timeline) and by
section and severity everywhere else, so a rule added to the file shows up on the next print.

The HTML uses the subset ``QTextDocument`` understands (tables, ``bgcolor``, simple CSS);
``sellerdesk.gui.printing.cheatsheet_pdf`` lays it out on A4 or US Letter. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from sellerdesk.domain.policy.rules import Localized, Rule, RuleBook, load_rules

LANGUAGES = ("en", "zh-CN", "bilingual")
PAPERS = ("a4", "letter")

# Reading order of the "when you may contact a buyer" block: the general rule and the
# reply/proactive split first, then the proactive reasons and windows, then how to send.
CONTACT_RULE_IDS = (
    "MSG-SCOPE",
    "MSG-PROACTIVE-30D",
    "MSG-PROACTIVE-REASONS",
    "MSG-REVIEW-ONCE",
    "MSG-CRITICAL-IMPORTANT",
    "MSG-ORDER-ID",
    "MSG-LANGUAGE",
    "MSG-REASON-MATCH",
    "MSG-CHANNEL",
)
# Chronological order of a return and of an A-to-z claim; other dated rules of the returns
# and A-to-z sections follow in file order.
RETURNS_TIMELINE_IDS = (
    "RET-WINDOW-US",
    "RET-WINDOW-HOLIDAY",
    "R2",
    "RET-INTL-DEADLINE",
    "R7",
    "R8",
    "A2Z-PRECONDITIONS",
    "A2Z-RESPONSE",
    "A2Z-APPEAL",
)
# The "never write" block: the rules of these sections that forbid something.
NEVER_SECTIONS = ("messaging", "content", "prohibited")
NEVER_SEVERITIES = ("block", "warn")


@dataclass(frozen=True)
class Label:
    """A heading or caption of the sheet itself (not rule text), in both languages."""

    en: str
    zh: str


LABELS: dict[str, Label] = {
    "title": Label("Amazon buyer contact & returns: cheat sheet", "亚马逊买家沟通与退货速查表"),
    "checked": Label("Rules last checked {date}", "规则最后核对日期：{date}"),
    "contact": Label("When you may contact a buyer", "何时可以联系买家"),
    "never": Label("What never to write, and what to write instead", "切勿这样写，以及合规写法"),
    "rule": Label("Rule", "规则"),
    "meaning": Label("What it means", "说明"),
    "instead": Label("Compliant alternative", "合规替代写法"),
    "response": Label("Response times", "回复时限"),
    "returns": Label(
        "Returns, refunds and A-to-z timeline", "退货、退款与亚马逊商城交易保障索赔时间线"
    ),
    "health": Label("Account health targets", "账户状况指标"),
    "when": Label("Deadline", "时限"),
    "target": Label("Target", "目标"),
    "sources": Label("Where these rules come from", "规则来源"),
    "source_note": Label(
        "Paraphrased from Amazon Seller Central help pages, Seller Forums posts and the SP-API "
        "documentation, collected in {doc}; each rule's source is listed below. Amazon changes "
        "these pages without notice: check Seller Central for your marketplace. "
        "Not legal advice.",
        "内容转述自亚马逊卖家平台帮助页面、卖家论坛帖子及 SP-API 文档，汇总于 {doc}；"
        "各规则的出处列于下方。亚马逊可能随时修改这些页面，请以您所在站点的卖家平台为准。"
        "本表不构成法律意见。",
    ),
    "page": Label("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
}

DEFAULT_BODY_POINTS = 7.0
# Font sizes relative to the body text, so the printer can scale the whole sheet to fit.
_RELATIVE_SIZES = {"h1": 1.8, "h2": 1.2, "meta": 0.92, "th": 0.86, "id": 0.72, "src": 0.72}
# WenQuanYi Micro Hei's natural line is 1.17 em; 92% (1.07 em) still separates CJK lines.
_STYLE = """
body {{ font-size: {body}pt; color: #1a1a1a; }}
td, p {{ line-height: 92%; }}
h1 {{ font-size: {h1}pt; }}
.h2 {{ font-size: {h2}pt; font-weight: bold; color: #ffffff; }}
.meta {{ font-size: {meta}pt; color: #555555; }}
.id {{ font-size: {id}pt; color: #8c8c8c; }}
.title {{ font-weight: bold; }}
.fig {{ font-weight: bold; color: #1d4f91; }}
.th {{ font-size: {th}pt; font-weight: bold; color: #1d4f91; }}
.zh {{ color: #333333; }}
.missing {{ color: #666666; font-style: italic; }}
.src {{ font-size: {src}pt; color: #555555; }}
"""


def stylesheet(body_points: float = DEFAULT_BODY_POINTS) -> str:
    """The sheet's CSS with every size derived from ``body_points``."""
    sizes = {name: round(body_points * factor, 2) for name, factor in _RELATIVE_SIZES.items()}
    return _STYLE.format(body=body_points, **sizes)


ROW_SHADE = "#edf1f7"
HEADING_SHADE = "#23395d"
CELL_PADDING = 1.5


@dataclass(frozen=True)
class Entry:
    """One row of a block: lead (a title or a key figure), optional figure, detail, rule id."""

    rule_id: str
    lead: Localized
    figure: Localized | None
    detail: Localized | None
    stand_in: bool = False  # the detail is the rule's explanation, for want of an example


@dataclass(frozen=True)
class Block:
    """A titled block of the sheet, printed as a table with a caption per column."""

    key: str
    heading: Label
    columns: tuple[Label, Label]
    entries: tuple[Entry, ...]
    lead_width: int  # percent of the table (or half-table) width taken by the lead column
    lead_is_figure: bool = False
    paired: bool = False  # short rows: two entries side by side, read down the left half first


@dataclass(frozen=True)
class CheatSheet:
    """Everything printed on the sheet for one language ("en", "zh-CN" or "bilingual")."""

    language: str
    checked_on: date
    source_document: str
    blocks: tuple[Block, ...]
    sources: tuple[tuple[str, tuple[str, ...]], ...]  # (url, rule ids) in first-use order

    def block(self, key: str) -> Block:
        return next(block for block in self.blocks if block.key == key)

    def rule_ids(self) -> list[str]:
        return [entry.rule_id for block in self.blocks for entry in block.entries]

    def missing_alternatives(self) -> list[str]:
        """Ids in the "never write" block whose rule has no compliant example yet."""
        never = [block for block in self.blocks if block.key == "never"]
        return [entry.rule_id for block in never for entry in block.entries if entry.stand_in]


def check_language(language: str) -> str:
    """``language`` if the sheet supports it, else ``ValueError``."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    return language


def build_cheatsheet(language: str = "en", rulebook: RuleBook | None = None) -> CheatSheet:
    """The sheet's content for ``language``, from ``rulebook`` (default: the packaged rules)."""
    check_language(language)
    book = rulebook if rulebook is not None else load_rules()
    builders: tuple[Callable[[RuleBook], Block], ...] = (
        _contact_block,
        _never_block,
        _response_block,
        _returns_block,
        _health_block,
    )
    blocks = tuple(block for block in (build(book) for build in builders) if block.entries)
    printed = [book.get(entry.rule_id) for block in blocks for entry in block.entries]
    return CheatSheet(
        language=language,
        checked_on=book.checked_on,
        source_document=book.source_document,
        blocks=blocks,
        sources=_sources(printed),
    )


def _worth_printing(rule: Rule) -> bool:
    """Historic or anecdotal notes (low confidence, information only) stay off the sheet."""
    return not (rule.severity == "info" and rule.confidence == "low")


def _present(book: RuleBook, ids: Iterable[str]) -> list[Rule]:
    return [book.get(rule_id) for rule_id in ids if rule_id in book]


def _contact_block(book: RuleBook) -> Block:
    entries = tuple(
        Entry(rule.id, rule.title, rule.figure, rule.explanation)
        for rule in _present(book, CONTACT_RULE_IDS)
    )
    return Block("contact", LABELS["contact"], (LABELS["rule"], LABELS["meaning"]), entries, 24)


def _is_prohibition(rule: Rule) -> bool:
    return (
        rule.section in NEVER_SECTIONS
        and rule.severity in NEVER_SEVERITIES
        and rule.id not in CONTACT_RULE_IDS
    )


def _never_entry(rule: Rule) -> Entry:
    """Title and compliant example; the explanation stands in where the file has no example."""
    if rule.compliant_example is None:
        return Entry(rule.id, rule.title, rule.figure, rule.explanation, stand_in=True)
    return Entry(rule.id, rule.title, rule.figure, rule.compliant_example)


def _never_block(book: RuleBook) -> Block:
    entries = tuple(_never_entry(rule) for rule in book.all() if _is_prohibition(rule))
    return Block("never", LABELS["never"], (LABELS["rule"], LABELS["instead"]), entries, 32)


def _figure_entry(rule: Rule) -> Entry:
    """A row led by the rule's key figure (or its title if it has none)."""
    if rule.figure is None:
        return Entry(rule.id, rule.title, None, rule.explanation)
    return Entry(rule.id, rule.figure, None, rule.explanation)


def _response_block(book: RuleBook) -> Block:
    rules = [rule for rule in book.by_section("response") if _worth_printing(rule)]
    rules.sort(key=lambda rule: rule.figure is None)
    entries = tuple(_figure_entry(rule) for rule in rules)
    columns = (LABELS["when"], LABELS["meaning"])
    return Block("response", LABELS["response"], columns, entries, 22, lead_is_figure=True)


def _returns_block(book: RuleBook) -> Block:
    ordered = _present(book, RETURNS_TIMELINE_IDS)
    dated = [
        rule
        for section in ("returns", "atoz")
        for rule in book.by_section(section)
        if rule.figure is not None and rule not in ordered and _worth_printing(rule)
    ]
    entries = tuple(
        Entry(rule.id, rule.figure, None, rule.title)  # type: ignore[arg-type]
        for rule in [*ordered, *dated]
        if rule.figure is not None
    )
    columns = (LABELS["when"], LABELS["rule"])
    return Block(
        "returns", LABELS["returns"], columns, entries, 21, lead_is_figure=True, paired=True
    )


def _health_block(book: RuleBook) -> Block:
    rules = [
        rule
        for rule in book.by_section("metrics")
        if rule.figure is not None and _worth_printing(rule)
    ]
    entries = tuple(_figure_entry(rule) for rule in rules)
    columns = (LABELS["target"], LABELS["meaning"])
    return Block("health", LABELS["health"], columns, entries, 22, lead_is_figure=True)


def _sources(rules: Sequence[Rule]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    by_url: dict[str, list[str]] = {}
    for rule in rules:
        by_url.setdefault(rule.source_url, []).append(rule.id)
    return tuple((url, tuple(ids)) for url, ids in by_url.items())


# --- HTML -------------------------------------------------------------------------------


def label_text(label: Label, language: str, **values: str) -> str:
    """A sheet label as plain text: English, Chinese, or "English · Chinese"."""
    en, zh = label.en.format(**values), label.zh.format(**values)
    if language == "en":
        return en
    if language == "zh-CN":
        return zh
    return f"{en} · {zh}"


def _label_html(label: Label, language: str, **values: str) -> str:
    return escape(label_text(label, language, **values))


def _text_html(text: Localized | None, language: str) -> str:
    """Rule text: one language, or the English with the Chinese on the line below."""
    if text is None:
        return ""
    if language == "bilingual":
        return f'{escape(text.en)}<br/><span class="zh">{escape(text.zh_cn)}</span>'
    return escape(text.text(language))


PageBreaks = frozenset[tuple[str, int]]  # (block key, row index) rows that start a new page


def render_html(
    sheet: CheatSheet,
    body_points: float = DEFAULT_BODY_POINTS,
    page_breaks: PageBreaks = frozenset(),
) -> str:
    """The whole sheet as QTextDocument HTML (the page footer is drawn by the printer).

    ``page_breaks`` names table rows that must start a new page: the block's table ends
    before such a row and goes on, headings repeated, on the next page. The printer uses it
    to keep every row whole.
    """
    parts = [
        f"<html><head><style>{stylesheet(body_points)}</style></head><body>",
        _header_html(sheet),
        *(_block_html(block, sheet.language, page_breaks) for block in sheet.blocks),
        _sources_html(sheet),
        "</body></html>",
    ]
    return "\n".join(parts)


def block_tables(sheet: CheatSheet, page_breaks: PageBreaks = frozenset()) -> list[tuple[str, int]]:
    """(block key, index of its first row) of each block table, in document order.

    The HTML starts with one title table and ends with the sources table; in between each
    block is one table, plus one more per page break inside it.
    """
    tables = []
    for block in sheet.blocks:
        starts = [0, *sorted(row for key, row in page_breaks if key == block.key and row > 0)]
        tables += [(block.key, start) for start in starts]
    return tables


def _header_html(sheet: CheatSheet) -> str:
    checked = _label_html(LABELS["checked"], sheet.language, date=sheet.checked_on.isoformat())
    title_label = LABELS["title"]
    if sheet.language == "bilingual":  # one language per line rather than a ragged wrap
        title = f"{escape(title_label.en)}<br/>{escape(title_label.zh)}"
    else:
        title = _label_html(title_label, sheet.language)
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="bottom"><h1 style="margin:0">{title}</h1></td>'
        f'<td align="right" valign="bottom"><span class="meta">{checked}</span></td>'
        "</tr></table>"
    )


def _heading_row(text: str, colspan: int) -> str:
    return (
        f'<tr><td colspan="{colspan}" bgcolor="{HEADING_SHADE}">'
        f'<span class="h2">{text}</span></td></tr>'
    )


def _lead_html(entry: Entry, block: Block, language: str) -> str:
    css = "fig" if block.lead_is_figure else "title"
    html = f'<span class="{css}">{_text_html(entry.lead, language)}</span>'
    if entry.figure is not None:
        html += f'<br/><span class="fig">{_text_html(entry.figure, language)}</span>'
    return html


def _detail_html(entry: Entry, language: str) -> str:
    if entry.stand_in:
        return f'<span class="missing">{_text_html(entry.detail, language)}</span>'
    return _text_html(entry.detail, language)


def _entry_cells(entry: Entry, block: Block, language: str) -> str:
    return (
        f"<td>{_lead_html(entry, block, language)}</td>"
        f"<td>{_detail_html(entry, language)}</td>"
        f'<td align="right"><p style="white-space:nowrap"><span class="id">'
        f"{escape(entry.rule_id)}</span></p></td>"
    )


def _caption_cells(block: Block, language: str) -> str:
    lead_caption, detail_caption = (_label_html(c, language) for c in block.columns)
    return (
        f'<td width="{block.lead_width}%"><span class="th">{lead_caption}</span></td>'
        f'<td><span class="th">{detail_caption}</span></td><td width="1%"></td>'
    )


def _row_groups(block: Block) -> list[tuple[Entry, ...]]:
    """The entries of each table row: one, or two (left half first) for a paired block."""
    if not block.paired:
        return [(entry,) for entry in block.entries]
    half = (len(block.entries) + 1) // 2
    left, right = block.entries[:half], block.entries[half:]
    return [(entry, *right[index : index + 1]) for index, entry in enumerate(left)]


def _block_html(block: Block, language: str, page_breaks: PageBreaks = frozenset()) -> str:
    """One block as a table whose header rows (heading, captions) repeat after a page break."""
    per_row = 2 if block.paired else 1
    gap = '<td width="2%"></td>' if block.paired else ""
    captions = (gap).join([_caption_cells(block, language)] * per_row)
    heading = _heading_row(_label_html(block.heading, language), 3 * per_row + per_row - 1)
    head = f"<thead>{heading}<tr>{captions}</tr></thead>"
    table = f'<table width="100%" cellspacing="0" cellpadding="{CELL_PADDING}" style="{{style}}">'
    parts = [table.format(style="margin-top:4px"), head]
    for index, group in enumerate(_row_groups(block)):
        if index and (block.key, index) in page_breaks:
            parts += ["</table>", table.format(style="page-break-before:always"), head]
        shade = f' bgcolor="{ROW_SHADE}"' if index % 2 == 0 else ""
        cells = gap.join(_entry_cells(entry, block, language) for entry in group)
        parts.append(f"<tr{shade}>{cells}</tr>")
    parts.append("</table>")
    return "".join(parts)


def _sources_html(sheet: CheatSheet) -> str:
    note = _label_html(LABELS["source_note"], sheet.language, doc=sheet.source_document)
    items = " · ".join(
        f"<b>{escape(' '.join(ids))}</b> {escape(url)}" for url, ids in sheet.sources
    )
    heading = _label_html(LABELS["sources"], sheet.language)
    return (
        '<table width="100%" cellspacing="0" cellpadding="1.5" style="margin-top:4px">'
        f"<thead>{_heading_row(heading, 1)}</thead>"
        f'<tr><td><span class="src">{note}</span></td></tr>'
        f'<tr><td><span class="src">{items}</span></td></tr>'
        "</table>"
    )


def page_footer(sheet: CheatSheet, page: int, pages: int) -> tuple[str, str]:
    """Left and right footer texts for ``page`` (1-based) of ``pages``."""
    title = label_text(LABELS["title"], sheet.language)
    checked = label_text(LABELS["checked"], sheet.language, date=sheet.checked_on.isoformat())
    number = label_text(LABELS["page"], sheet.language, page=str(page), pages=str(pages))
    return f"{title} · {checked}", number
