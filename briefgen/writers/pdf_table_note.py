"""A PDF table with its source note under it: the note moves to a new page only with the table's last rows."""

from __future__ import annotations

from reportlab.platypus import Flowable


class NotedTable(Flowable):
    """`table`, then `note` `gap` points below it; space after is the note's own.

    Split like the table, the note goes with the last part. When the table fits but its note does not, the table
    is split higher, so that its last rows go to the next page with the note and the note never starts a page alone.
    """

    def __init__(self, table: Flowable, note: Flowable, gap: float) -> None:
        super().__init__()
        self.table, self.note, self.gap = table, note, gap
        self.table_height = self.note_height = 0.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        table_width, self.table_height = self.table.wrap(availWidth, availHeight)
        note_width, self.note_height = self.note.wrap(availWidth, availHeight)
        self.width, self.height = max(table_width, note_width), self.table_height + self.gap + self.note_height
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self.wrap(availWidth, availHeight)
        room = availHeight if self.table_height > availHeight else availHeight - self.gap - self.note_height
        parts = self.table.split(availWidth, room)
        if len(parts) < 2:  # too little room for the header and a row: all of it goes to the next page
            return []
        return [parts[0], NotedTable(parts[1], self.note, self.gap)]

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.note.getSpaceAfter()

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self.note_height + self.gap)
        self.note.drawOn(self.canv, 0, 0)
