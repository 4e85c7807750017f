"""Tidy-tree layout for the org chart: pure, deterministic, iterative (no recursion limit).

A Reingold–Tilford style contour layout for boxes of any width: each subtree keeps its left
and right contour per level, siblings are packed as close as the contours allow, and a parent
is centred over its first and last child. To avoid the classic left bias (small subtrees
between big ones drift left), siblings are packed once from the left and once from the right
and the two placements are averaged: both satisfy the linear "no overlap" constraints, so their
mean does too, and the result is mirror-symmetric.

    specs = [NodeSpec(1, None), NodeSpec(2, 1), NodeSpec(3, 1, collapsed=True), NodeSpec(4, 3)]
    result = layout_forest(specs, h_gap=24, v_gap=48)
    result.nodes[2].x, result.nodes[2].y      # top-left corner of node 2's box
    result.nodes[3].hidden                    # 1: node 4 is hidden under collapsed node 3
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

NodeId = TypeVar("NodeId", bound=Hashable)

DEFAULT_WIDTH = 200.0
DEFAULT_HEIGHT = 76.0


@dataclass(frozen=True, slots=True)
class NodeSpec(Generic[NodeId]):
    """One box. Children keep the order in which they appear in the input.

    A `parent` that is None or not among the input ids makes the node a root.
    """

    id: NodeId
    parent: NodeId | None = None
    width: float = DEFAULT_WIDTH
    height: float = DEFAULT_HEIGHT
    collapsed: bool = False


@dataclass(slots=True)
class Placed(Generic[NodeId]):
    """A visible node: `x`, `y` are its box's top-left corner; `hidden` counts the
    descendants hidden by collapsing it (0 unless it is collapsed)."""

    id: NodeId
    parent: NodeId | None
    x: float
    y: float
    width: float
    height: float
    depth: int
    children: list[NodeId] = field(default_factory=list)
    has_children: bool = False
    collapsed: bool = False
    hidden: int = 0

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(slots=True)
class Layout(Generic[NodeId]):
    """The placed forest. `nodes` is in pre-order (roots in input order, then depth first)."""

    nodes: dict[NodeId, Placed[NodeId]]
    roots: list[NodeId]
    width: float
    height: float
    row_height: float
    v_gap: float

    def edges(self) -> Iterator[tuple[Placed[NodeId], list[Placed[NodeId]]]]:
        """(parent, visible children) for every node that shows children."""
        for node in self.nodes.values():
            if node.children:
                yield node, [self.nodes[c] for c in node.children]


class _Contour:
    """Left/right extents of a subtree per level, relative to the subtree root's centre.

    Stored deepest level first, so a parent adds its own level with an O(1) append, and with a
    lazy `offset` so moving a subtree is O(1). Level k (0 = root) sits at index len-1-k.
    """

    __slots__ = ("left", "offset", "right")

    def __init__(self, left: list[float], right: list[float], offset: float = 0.0) -> None:
        self.left = left
        self.right = right
        self.offset = offset

    def __len__(self) -> int:
        return len(self.left)

    def copy(self) -> _Contour:
        return _Contour(self.left[:], self.right[:], self.offset)

    def mirrored(self) -> _Contour:
        return _Contour([-v for v in self.right], [-v for v in self.left], -self.offset)


def _separation(acc: _Contour, nxt: _Contour, gap: float) -> float:
    """Smallest offset of `nxt` (relative to acc's origin) that keeps it `gap` right of acc."""
    la, lb = len(acc), len(nxt)
    common = min(la, lb)
    need = float("-inf")
    ar, bl = acc.right, nxt.left
    base = acc.offset - nxt.offset
    for k in range(common):
        d = ar[la - 1 - k] - bl[lb - 1 - k]
        if d > need:
            need = d
    return need + base + gap


def _merge(acc: _Contour, nxt: _Contour, shift: float) -> _Contour:
    """The contour of `acc` with `nxt` placed `shift` to its right (nxt is the right one).

    Reuses the deeper contour's lists so the cost is the shallower one's depth.
    """
    nxt.offset += shift
    la, lb = len(acc), len(nxt)
    if lb > la:
        # Keep nxt's lists; the top `la` levels take acc's left extents.
        delta = acc.offset - nxt.offset
        for k in range(la):
            nxt.left[lb - 1 - k] = acc.left[la - 1 - k] + delta
        return nxt
    # Keep acc's lists; the top `lb` levels take nxt's right extents.
    delta = nxt.offset - acc.offset
    for k in range(lb):
        acc.right[la - 1 - k] = nxt.right[lb - 1 - k] + delta
    return acc


def _pack(contours: list[_Contour], gaps: list[float]) -> list[float]:
    """Centres of siblings packed left to right; gaps[i] separates sibling i and i+1."""
    positions = [0.0]
    acc = contours[0].copy()
    for i in range(1, len(contours)):
        nxt = contours[i].copy()
        shift = _separation(acc, nxt, gaps[i - 1])
        positions.append(shift)
        acc = _merge(acc, nxt, shift)
    return positions


def _place_children(contours: list[_Contour], gap: float) -> list[float]:
    """Centres of siblings, averaged over packing from the left and from the right."""
    n = len(contours)
    if n == 1:
        return [0.0]
    gaps = [gap] * (n - 1)
    from_left = _pack(contours, gaps)
    mirrored = [c.mirrored() for c in reversed(contours)]
    from_right = [-p for p in reversed(_pack(mirrored, gaps))]
    # Align both packings on the first child before averaging: both are then valid
    # placements of the same siblings, and so is their mean.
    shift = from_left[0] - from_right[0]
    return [(a + b + shift) / 2 for a, b in zip(from_left, from_right, strict=True)]


def layout_forest(
    specs: Iterable[NodeSpec[NodeId]],
    *,
    h_gap: float = 24.0,
    v_gap: float = 48.0,
    root_gap: float | None = None,
) -> Layout[NodeId]:
    """Place every visible node. Deterministic: the same input gives the same output.

    h_gap: least horizontal space between any two boxes on a level; root_gap: between the
    trees of a forest (default 2 × h_gap); v_gap: space between levels, which sit at a fixed
    pitch of (tallest box + v_gap). Nodes caught in a reporting cycle become roots.
    """
    spec_list = list(specs)
    by_id: dict[NodeId, NodeSpec[NodeId]] = {}
    for spec in spec_list:
        if spec.id in by_id:
            raise ValueError(f"duplicate node id {spec.id!r}")
        by_id[spec.id] = spec
    children: dict[NodeId, list[NodeId]] = {s.id: [] for s in spec_list}
    roots: list[NodeId] = []
    for spec in spec_list:
        if spec.parent is not None and spec.parent in by_id and spec.parent != spec.id:
            children[spec.parent].append(spec.id)
        else:
            roots.append(spec.id)

    # Pre-order walk from the roots; a node never reached sits on a cycle: cut it loose.
    order: list[NodeId] = []
    depth: dict[NodeId, int] = {}
    parent_of: dict[NodeId, NodeId | None] = {}
    hidden_count: dict[NodeId, int] = {}

    def walk(root: NodeId) -> None:
        stack = [root]
        depth[root] = 0
        parent_of[root] = None
        while stack:
            node = stack.pop()
            order.append(node)
            if by_id[node].collapsed:
                continue
            kids = [c for c in children[node] if c not in depth]
            children[node] = kids
            for kid in kids:
                depth[kid] = depth[node] + 1
                parent_of[kid] = node
            stack.extend(reversed(kids))

    for root in roots:
        walk(root)
    if len(depth) < len(spec_list):
        for spec in spec_list:
            if spec.id not in depth and not _under_collapsed(spec, by_id):
                roots.append(spec.id)
                walk(spec.id)

    # Hidden descendants of collapsed nodes: count everything below them.
    for node in order:
        spec = by_id[node]
        if spec.collapsed and children[node]:
            hidden_count[node] = _count_descendants(node, children)

    visible_children = {n: ([] if by_id[n].collapsed else children[n]) for n in order}

    # Bottom-up (reverse pre-order): relative centres of children and subtree contours.
    rel: dict[NodeId, float] = {}
    contour: dict[NodeId, _Contour] = {}
    for node in reversed(order):
        spec = by_id[node]
        half = spec.width / 2
        kids = visible_children[node]
        if not kids:
            contour[node] = _Contour([-half], [half])
            continue
        kid_contours = [contour.pop(k) for k in kids]
        centres = _place_children(kid_contours, h_gap)
        mid = (centres[0] + centres[-1]) / 2
        acc: _Contour | None = None
        for kid, kc, centre in zip(kids, kid_contours, centres, strict=True):
            rel[kid] = centre - mid
            kc.offset += centre - mid
            acc = kc if acc is None else _merge(acc, kc, 0.0)
        assert acc is not None
        acc.left.append(-half - acc.offset)
        acc.right.append(half - acc.offset)
        contour[node] = acc

    # The forest: pack the trees side by side like siblings of an invisible root.
    root_positions: list[float] = []
    if roots:
        gap = root_gap if root_gap is not None else 2 * h_gap
        root_positions = _place_children([contour[r] for r in roots], gap)

    row = max((by_id[n].height for n in order), default=0.0)
    pitch = row + v_gap
    centre_x: dict[NodeId, float] = {}
    for root, pos in zip(roots, root_positions, strict=True):
        centre_x[root] = pos
    nodes: dict[NodeId, Placed[NodeId]] = {}
    min_x = float("inf")
    max_x = float("-inf")
    max_depth = 0
    for node in order:
        spec = by_id[node]
        parent = parent_of[node]
        if parent is not None:
            centre_x[node] = centre_x[parent] + rel[node]
        left = centre_x[node] - spec.width / 2
        min_x = min(min_x, left)
        max_x = max(max_x, left + spec.width)
        max_depth = max(max_depth, depth[node])
        nodes[node] = Placed(
            id=node, parent=parent, x=left, y=depth[node] * pitch, width=spec.width,
            height=spec.height, depth=depth[node], children=list(visible_children[node]),
            has_children=bool(children[node]), collapsed=spec.collapsed and bool(children[node]),
            hidden=hidden_count.get(node, 0),
        )  # fmt: skip
    if not nodes:
        return Layout(nodes={}, roots=[], width=0.0, height=0.0, row_height=0.0, v_gap=v_gap)
    for placed in nodes.values():
        placed.x -= min_x
    return Layout(
        nodes=nodes, roots=roots, width=max_x - min_x, height=max_depth * pitch + row,
        row_height=row, v_gap=v_gap,
    )  # fmt: skip


def _under_collapsed(spec: NodeSpec[NodeId], by_id: dict[NodeId, NodeSpec[NodeId]]) -> bool:
    """True when an ancestor of `spec` is collapsed (then `spec` is hidden, not a cycle)."""
    seen = {spec.id}
    parent = spec.parent
    while parent is not None and parent in by_id and parent not in seen:
        seen.add(parent)
        if by_id[parent].collapsed:
            return True
        parent = by_id[parent].parent
    return False


def _count_descendants(node: NodeId, children: dict[NodeId, list[NodeId]]) -> int:
    seen = {node}
    stack = list(children[node])
    count = 0
    while stack:
        kid = stack.pop()
        if kid in seen:
            continue
        seen.add(kid)
        count += 1
        stack.extend(children[kid])
    return count
