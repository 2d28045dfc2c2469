"""Pure layout for the figure of chapter 3, as in the programme plan: the ambition on top, the
strategic goal under it and its operational goals taken up in a row below, joined by lines.
Drawn as an inline SVG (a vector image, on the page and in the PDF)."""

from __future__ import annotations

from dataclasses import dataclass, field

from programme.din.diagram import wrap

WIDTH = 640
GAP = 12
LINE_HEIGHT = 13
PADDING = 8


@dataclass
class Box:
    x: int
    y: int
    width: int
    height: int
    lines: list[str]
    title: str
    kind: str  # ambition, strategic, operational

    @property
    def centre(self) -> int:
        return self.x + self.width // 2

    @property
    def bottom(self) -> int:
        return self.y + self.height

    @property
    def text_x(self) -> int:
        return self.x + self.width // 2

    @property
    def text_rows(self) -> list[tuple[int, str]]:
        first = self.y + PADDING + LINE_HEIGHT - 3
        return [(first + i * LINE_HEIGHT, line) for i, line in enumerate(self.lines)]


@dataclass
class Figure:
    width: int
    height: int
    boxes: list[Box] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)  # SVG polyline points


def _box(text: str, x: int, y: int, width: int, kind: str, rows: int) -> Box:
    chars = max(int(width / 6.2), 10)
    lines = wrap(text, chars, rows)
    return Box(x, y, width, PADDING * 2 + LINE_HEIGHT * len(lines), lines, text, kind)


def goal_figure(ambition: str, strategic: str, operational: list[str]) -> Figure:
    """The boxes and joins of one strategic goal's figure."""
    boxes = []
    y = 0
    if ambition:
        top = _box(ambition, 0, y, WIDTH, "ambition", 2)
        boxes.append(top)
        y = top.bottom + GAP * 2
    middle_width = WIDTH * 2 // 3
    middle = _box(strategic, (WIDTH - middle_width) // 2, y, middle_width, "strategic", 3)
    boxes.append(middle)
    joins = []
    if ambition:
        joins.append(f"{middle.centre},{boxes[0].bottom} {middle.centre},{middle.y}")
    if operational:
        count = min(len(operational), 4)
        width = (WIDTH - GAP * (count - 1)) // count
        y = middle.bottom + GAP * 2
        row_height = 0
        row_boxes = []
        for i, text in enumerate(operational):
            column, row = i % count, i // count
            if column == 0 and row:
                y += row_height + GAP
                row_height = 0
            box = _box(text, column * (width + GAP), y, width, "operational", 5)
            row_boxes.append(box)
            row_height = max(row_height, box.height)
        elbow = middle.bottom + GAP
        for box in row_boxes:
            box.height = max(b.height for b in row_boxes if b.y == box.y)
            joins.append(
                f"{middle.centre},{middle.bottom} {middle.centre},{elbow} "
                f"{box.centre},{elbow} {box.centre},{box.y}"
            )
        boxes.extend(row_boxes)
    height = max(box.bottom for box in boxes) + 2
    return Figure(WIDTH, height, boxes, joins)
