"""A PDF table with its source note under it: the note moves to a new page only with the table's last rows."""

from __future__ import annotations

from reportlab.platypus import Flowable

LONG_PAGE = 6.0  # points a page may run into its bottom margin to keep a note with a table that fits (half a line)


class NotedTable(Flowable):
    """`table`, then `note` `gap` points below it; space after is the note's own.

    Split like the table, the note goes with the last part. When the table fits but its note does not, the page runs
    up to LONG_PAGE points long, as a typesetter would make it; failing that, the table is split one row higher, so
    that its last rows start the next page with the note and the note never starts a page alone.
    """

    def __init__(self, table: Flowable, note: Flowable, gap: float, moved: bool = False, long_by: float = 0.0) -> None:
        super().__init__()
        self.table, self.note, self.gap = table, note, gap
        self.moved = moved  # the last rows split off to go with the note: they start the next page, whole
        self.long_by = long_by  # how far the note runs into the bottom margin
        self.table_height = self.note_height = 0.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        table_width, self.table_height = self.table.wrap(availWidth, availHeight)
        note_width, self.note_height = self.note.wrap(availWidth, availHeight)
        self.width = max(table_width, note_width)
        self.height = self.table_height + self.gap + self.note_height - self.long_by
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if self.moved or self.long_by:
            return []
        self.wrap(availWidth, availHeight)
        fits = self.table_height <= availHeight
        if fits and self.height - availHeight <= LONG_PAGE:
            return [NotedTable(self.table, self.note, self.gap, long_by=self.height - availHeight)]
        parts = self.table.split(availWidth, availHeight - (self.gap + self.note_height if fits else 0))
        if len(parts) < 2:  # too little room for the header and a row: all of it goes to the next page
            return []
        return [parts[0], NotedTable(parts[1], self.note, self.gap, moved=fits)]

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.note.getSpaceAfter()

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self.note_height + self.gap - self.long_by)
        self.note.drawOn(self.canv, 0, -self.long_by)
