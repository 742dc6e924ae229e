"""The programme view's horizontal bars on a phone: each label whole on its own line (a long
province name is not cut), the bar under it, the value beside the bar, all inside the picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from console.programme.charts import FONT, WIDTH, Bar, bar_chart

NS = "{http://www.w3.org/2000/svg}"
GLYPH = 0.6 * FONT


def test_labels_are_whole_and_values_stay_inside() -> None:
    bars = [Bar("Kepulauan Bangka Belitung", 12), Bar("Jawa Barat", 123_456), Bar("Aceh", 0)]
    root = ET.fromstring(bar_chart("p", "Koperasi per provinsi", "ringkasan", bars))
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert texts == ["Kepulauan Bangka Belitung", "12", "Jawa Barat", "123456", "Aceh", "0"]
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == WIDTH
    for text in root.iter(f"{NS}text"):
        assert float(text.get("x", 0)) + len(text.text or "") * GLYPH <= width
        assert float(text.get("y", 0)) <= height
    rects = list(root.iter(f"{NS}rect"))
    assert [float(r.get("width", 0)) for r in rects][1] == max(
        float(r.get("width", 0)) for r in rects
    )
    # Each bar lies below its label, above the next label.
    label_ys = [float(t.get("y", 0)) for t in root.iter(f"{NS}text")][::2]
    for rect, y, next_y in zip(rects, label_ys, [*label_ys[1:], height + FONT], strict=True):
        assert (
            y < float(rect.get("y", 0))
            and float(rect.get("y", 0)) + float(rect.get("height", 0)) < next_y - FONT
        )
