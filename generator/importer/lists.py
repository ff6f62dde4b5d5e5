"""Duty lists (accountabilities, key activities, performance measures) with the source's own
numbering, sub-items and grouping, as the content model's ListSection."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.importer.blocks import Block, is_roman


@dataclass
class _Group:
    heading: str | None
    intro: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)


def _item(node: dict[str, Any]) -> Any:
    """A plain string when the item has neither number nor sub-items, as authors write them."""
    if set(node) == {"text"}:
        return node["text"]
    out: dict[str, Any] = {}
    if node.get("number"):
        out["number"] = node["number"]
    out["text"] = node["text"]
    if node.get("items"):
        out["items"] = [_item(sub) for sub in node["items"]]
    return out


class ListBuilder:
    """Collects one list section's blocks; `stray` receives text that fits nowhere in it."""

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.groups: list[_Group] = [_Group(None)]
        self.pending: list[Block] = []  # paragraphs after items: an outro, unless items follow
        self.stray: list[Block] = []

    def heading(self, block: Block) -> None:
        self._flush_pending()
        self.groups.append(_Group(block.text))

    def para(self, block: Block) -> None:
        group = self.groups[-1]
        if group.items or (len(self.groups) > 1 and group.heading is None):
            self.pending.append(block)
        else:
            group.intro.append(block.text)

    def item(self, block: Block) -> None:
        self._flush_pending()
        items = self.groups[-1].items
        node: dict[str, Any] = {"text": block.text}
        if block.number:
            node["number"] = block.number
        parent = items[-1] if items else None
        if parent is not None and self._is_sub(block, parent):
            target = parent
            # a third level: the last sub-item is the parent when this one is deeper still
            subs = parent.setdefault("items", [])
            if subs and block.level > subs[-1].get("level", 0) and block.level >= 2:
                target = subs[-1]
            target.setdefault("items", []).append(node | {"level": block.level})
        else:
            items.append(node | {"level": block.level})

    @staticmethod
    def _is_sub(block: Block, parent: dict[str, Any]) -> bool:
        if block.level > parent.get("level", 0):
            return True
        parent_number = parent.get("number") or ""
        # "i", "ii" … or "a", "b" … under an arabic-numbered duty (duty 9 of Darlington's)
        return bool(block.number) and parent_number.isdigit() and (
            is_roman(block.number) or (block.number or "").isalpha())

    def _flush_pending(self) -> None:
        self.stray.extend(self.pending)
        self.pending = []

    def section(self) -> dict[str, Any] | None:
        """The ListSection mapping: its items, or its paragraphs alone when it has no list;
        None when neither was found (its text is then stray)."""
        first = self.groups[0]
        grouped = [g for g in self.groups[1:] if g.items]
        empty = [g for g in self.groups[1:] if not g.items]
        for group in empty:  # a heading with no items under it is not a group
            self.stray.append(Block("para", group.heading or "", "a heading with no items"))
            self.stray.extend(Block("para", t, "a heading's text") for t in group.intro)
        if not first.items and not grouped and first.intro and not empty and not self.pending:
            # a section of paragraphs only ("Scope & Accountabilities"): its prose, as written
            return {**({"title": self.title} if self.title else {}),
                    "intro": "\n\n".join(first.intro)}
        if not first.items and not grouped:
            self.stray.extend(Block("para", t, "text before a list") for t in first.intro)
            self.stray.extend(self.pending)
            return None
        out: dict[str, Any] = {}
        if self.title:
            out["title"] = self.title
        if first.intro:
            out["intro"] = "\n\n".join(first.intro)
        if first.items:
            out["items"] = [_item(_strip(n)) for n in first.items]
        if grouped:
            out["groups"] = []
            for group in grouped:
                entry: dict[str, Any] = {"heading": group.heading}
                if group.intro:
                    entry["intro"] = "\n\n".join(group.intro)
                entry["items"] = [_item(_strip(n)) for n in group.items]
                out["groups"].append(entry)
        if self.pending:
            out["outro"] = "\n\n".join(b.text for b in self.pending)
        return out


def _strip(node: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in node.items() if k != "level"}
    if "items" in out:
        out["items"] = [_strip(n) for n in out["items"]]
    return out
