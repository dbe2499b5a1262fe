"""A PDF table with its source note under it: the note moves to a new page only with the table's last rows."""

from __future__ import annotations

from reportlab.platypus import Flowable

LONG_PAGE = 6.0  # points a page may run into its bottom margin to keep a note with a table that fits (half a line)


class NotedTable(Flowable):
    """`table`, then `note` `gap` points below it; space after is the note's own.

    Split like the table, the note goes with the last part. When the table fits but its note does not, the page runs
    up to LONG_PAGE points long, as a typesetter would make it; failing that, the table is split one row higher, so
    that its last rows start the next page with the note and the note never starts a page alone. Rows split off
    always start the next page: reportlab would otherwise split them again under the rows they came from, repeating
    the header row on the same page.
    """

    def __init__(self, table: Flowable, note: Flowable, gap: float, split_on: int | None = None,
                 long_by: float = 0.0) -> None:
        super().__init__()
        self.table, self.note, self.gap = table, note, gap
        self.split_on = split_on  # the page the rows above these went on: these start the next one
        self.long_by = long_by  # how far the note runs into the bottom margin
        self.table_height = self.note_height = 0.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        table_width, self.table_height = self.table.wrap(availWidth, availHeight)
        note_width, self.note_height = self.note.wrap(availWidth, availHeight)
        self.width = max(table_width, note_width)
        self.height = self.table_height + self.gap + self.note_height - self.long_by
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        canvas = getattr(self, "canv", None)  # set by splitOn when a frame splits this
        page = canvas.getPageNumber() if canvas is not None else None
        if self.long_by or (page is not None and page == self.split_on):  # not a second header on one page
            return []
        self.wrap(availWidth, availHeight)
        fits = self.table_height <= availHeight
        if fits and self.height - availHeight <= LONG_PAGE:
            return [NotedTable(self.table, self.note, self.gap, long_by=self.height - availHeight)]
        parts = self.table.split(availWidth, availHeight - (self.gap + self.note_height if fits else 0))
        if len(parts) < 2:  # too little room for the header and a row: all of it goes to the next page
            return []
        return [parts[0], NotedTable(parts[1], self.note, self.gap, split_on=page)]

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.note.getSpaceAfter()

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self.note_height + self.gap - self.long_by)
        self.note.drawOn(self.canv, 0, -self.long_by)
