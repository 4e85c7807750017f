"""The tidy-tree layout: no overlaps, parents centred, deterministic, every node placed."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keel.org.layout import Layout, NodeSpec, layout_forest

EPS = 1e-6
H_GAP = 24.0


@st.composite
def forests(draw: st.DrawFn, max_nodes: int = 300) -> list[NodeSpec]:
    """Random forests: node i's parent is an earlier node or nobody; random widths and
    heights; some nodes collapsed; ids shuffled so input order is not id order."""
    n = draw(st.integers(min_value=1, max_value=max_nodes))
    bias = draw(st.sampled_from(["bushy", "deep", "mixed"]))
    specs = []
    for i in range(n):
        if i == 0:
            parent = None
        elif bias == "deep":
            parent = draw(st.one_of(st.just(i - 1), st.integers(max(0, i - 3), i - 1)))
        elif bias == "bushy":
            parent = draw(st.integers(0, min(i - 1, 8)))
        else:
            parent = (
                draw(st.one_of(st.none(), st.integers(0, i - 1)))
                if i % 17 == 0
                else (draw(st.integers(0, i - 1)))
            )
        specs.append(
            NodeSpec(
                id=f"n{i}",
                parent=None if parent is None else f"n{parent}",
                width=draw(st.sampled_from([80.0, 120.0, 200.0, 260.0])),
                height=draw(st.sampled_from([40.0, 76.0])),
                collapsed=draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
            )
        )
    return specs


def _visible_ids(specs: list[NodeSpec]) -> set:
    by_id = {s.id: s for s in specs}
    visible = set()
    for spec in specs:
        parent = spec.parent
        hidden = False
        while parent is not None:
            if by_id[parent].collapsed:
                hidden = True
                break
            parent = by_id[parent].parent
        if not hidden:
            visible.add(spec.id)
    return visible


def _assert_no_overlap(layout: Layout) -> None:
    rows: dict[float, list] = {}
    for node in layout.nodes.values():
        rows.setdefault(node.y, []).append(node)
    for row in rows.values():
        row.sort(key=lambda n: n.x)
        for a, b in itertools.pairwise(row):
            assert a.x + a.width + H_GAP - EPS <= b.x, (a, b)


@settings(max_examples=60, deadline=None)
@given(forests())
def test_random_forests_have_no_overlapping_boxes(specs):
    _assert_no_overlap(layout_forest(specs, h_gap=H_GAP))


@settings(max_examples=60, deadline=None)
@given(forests())
def test_parents_are_centred_over_their_children(specs):
    layout = layout_forest(specs, h_gap=H_GAP)
    for parent, kids in layout.edges():
        assert abs(parent.cx - (kids[0].cx + kids[-1].cx) / 2) < EPS
        assert all(kid.depth == parent.depth + 1 for kid in kids)
        assert all(kid.y > parent.bottom for kid in kids)
        # Children keep their input order from left to right.
        assert [k.cx for k in kids] == sorted(k.cx for k in kids)


@settings(max_examples=40, deadline=None)
@given(forests())
def test_layout_is_deterministic(specs):
    first = layout_forest(specs)
    second = layout_forest(list(specs))
    assert [(n.id, n.x, n.y) for n in first.nodes.values()] == [
        (n.id, n.x, n.y) for n in second.nodes.values()
    ]


@settings(max_examples=60, deadline=None)
@given(forests())
def test_every_visible_node_is_placed_and_hidden_ones_are_counted(specs):
    layout = layout_forest(specs)
    visible = _visible_ids(specs)
    assert set(layout.nodes) == visible
    by_parent: dict = {}
    for spec in specs:
        by_parent.setdefault(spec.parent, []).append(spec.id)
    for node in layout.nodes.values():
        assert node.x >= -EPS
        assert node.x + node.width <= layout.width + EPS
        assert node.y + node.height <= layout.height + EPS
        if node.collapsed:
            stack, count = list(by_parent.get(node.id, [])), 0
            while stack:
                count += 1
                stack.extend(by_parent.get(stack.pop(), []))
            assert node.hidden == count > 0
            assert node.children == []


def test_levels_sit_at_a_fixed_pitch():
    specs = [NodeSpec("a", height=40), NodeSpec("b", "a", height=90), NodeSpec("c", "b")]
    layout = layout_forest(specs, v_gap=50)
    assert [layout.nodes[i].y for i in "abc"] == [0, 140, 280]
    assert layout.height == 280 + 90


def test_a_single_child_sits_under_its_parent_and_siblings_are_symmetric():
    specs = [NodeSpec(1), NodeSpec(2, 1), NodeSpec(3, 2), NodeSpec(4, 2), NodeSpec(5, 2)]
    layout = layout_forest(specs, h_gap=20)
    n = layout.nodes
    assert n[1].cx == n[2].cx == n[4].cx
    assert n[4].x - (n[3].x + n[3].width) == 20
    assert n[5].cx - n[4].cx == n[4].cx - n[3].cx


def test_small_subtrees_between_big_ones_are_spread_evenly():
    # Two wide subtrees with two leaves between them: the leaves must not bunch to one side.
    specs = [NodeSpec("r")]
    for name in ("L", "a", "b", "R"):
        specs.append(NodeSpec(name, "r"))
    for side in ("L", "R"):
        specs += [NodeSpec(f"{side}{i}", side) for i in range(4)]
    n = layout_forest(specs).nodes
    assert (
        abs((n["a"].x - (n["L"].x + n["L"].width)) - (n["R"].x - (n["b"].x + n["b"].width))) < EPS
    )


def test_forest_roots_are_side_by_side_and_orphans_become_roots():
    specs = [NodeSpec(1), NodeSpec(2, 1), NodeSpec(3), NodeSpec(4, parent=99)]
    layout = layout_forest(specs, h_gap=10, root_gap=40)
    assert layout.roots == [1, 3, 4]
    assert {layout.nodes[r].y for r in layout.roots} == {0}
    assert layout.nodes[3].x - (layout.nodes[1].x + 200) >= 40


def test_collapsed_node_hides_descendants_and_counts_them():
    specs = [NodeSpec(1), NodeSpec(2, 1, collapsed=True), NodeSpec(3, 2), NodeSpec(4, 3)]
    layout = layout_forest(specs)
    assert list(layout.nodes) == [1, 2]
    assert layout.nodes[2].hidden == 2 and layout.nodes[2].has_children
    assert layout.nodes[1].hidden == 0


def test_a_cycle_is_cut_rather_than_lost():
    specs = [NodeSpec(1, 3), NodeSpec(2, 1), NodeSpec(3, 2), NodeSpec(4)]
    layout = layout_forest(specs)
    assert set(layout.nodes) == {1, 2, 3, 4}


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError):
        layout_forest([NodeSpec(1), NodeSpec(1)])


def test_empty_input_gives_an_empty_layout():
    layout: Layout[int] = layout_forest([])
    assert layout.nodes == {} and layout.width == 0


def test_a_chain_of_a_thousand_does_not_hit_the_recursion_limit():
    specs = [NodeSpec(0)] + [NodeSpec(i, i - 1) for i in range(1, 1000)]
    layout = layout_forest(specs)
    assert len(layout.nodes) == 1000
    assert layout.nodes[999].depth == 999
    assert len({n.cx for n in layout.nodes.values()}) == 1
