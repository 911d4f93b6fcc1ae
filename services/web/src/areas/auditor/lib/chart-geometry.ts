import type { Layout, PlacedEdge } from './layout';

/**
 * Where each box and arrow of the flow chart goes, in SVG units. Statuses
 * stack down the main column; a second status on a layer (declined) sits
 * to the right. Arrows that skip a layer run down lanes to the right of the
 * main column and are named beside the status they lead to; returns run up
 * lanes on the left, one lane per returning action, named in a column of
 * their own at the far left so no lane crosses a name.
 */
export const BOX = { width: 150, height: 40 };
const ROW = 92;
const TOP = 16;
const LANE = 16;
const RETURN_NAMES = 132;
const LINE = 14;

export interface Box { id: string; x: number; y: number; final: boolean }
export interface Arrow { key: string; path: string; leader?: string; label: { x: number; y: number }; actions: string[]; kind: PlacedEdge['kind'] }
export interface Geometry { width: number; height: number; boxes: Box[]; arrows: Arrow[] }

export function geometry(layout: Layout): Geometry {
  const returnGroups = [...new Set(layout.edges.filter((e) => e.kind === 'return').map((e) => `${e.to}|${e.actions.join(',')}`))];
  const mainX = RETURN_NAMES + 12 + returnGroups.length * LANE;
  const skipLane = mainX + BOX.width + 135;
  const skipsFrom = new Map<string, number>();
  for (const e of layout.edges) if (e.kind === 'skip') skipsFrom.set(e.from, (skipsFrom.get(e.from) ?? 0) + 1);
  const sideX = skipLane + Math.max(1, ...skipsFrom.values()) * LANE + 24;
  const boxes: Box[] = layout.nodes.map((n) => ({ id: n.id, x: n.column === 0 ? mainX : sideX + (n.column - 1) * (BOX.width + 40), y: TOP + n.layer * ROW, final: n.final }));
  const at = new Map(boxes.map((b) => [b.id, b]));
  const arrows: Arrow[] = [];
  const labelled = new Set<string>();
  const skipIndex = new Map<string, number>();
  // A name beside the box an arrow enters from the right, its lines rising above the arrow.
  const besideTarget = (to: Box, lines: number) => ({ x: to.x + BOX.width + 6, y: to.y + BOX.height / 2 - 6 - LINE * (lines - 1) });
  for (const edge of layout.edges) {
    const from = at.get(edge.from)!;
    const to = at.get(edge.to)!;
    const key = `${edge.from}>${edge.to}`;
    const base = { key, kind: edge.kind, actions: edge.actions };
    if (edge.kind === 'return') {
      const group = `${edge.to}|${edge.actions.join(',')}`;
      const lane = mainX - 10 - returnGroups.indexOf(group) * LANE;
      const ty = to.y + BOX.height / 2 - 6;
      // Returns that share a lane say their action once.
      const first = !labelled.has(group);
      labelled.add(group);
      arrows.push({
        ...base,
        actions: first ? edge.actions : [],
        path: `M${from.x},${from.y + BOX.height / 2 + 6} H${lane} V${ty} H${to.x}`,
        // A dotted line from the name to its lane, so the name reads as the arrow's.
        ...(first ? { leader: `M${RETURN_NAMES - 4},${ty} H${lane}` } : {}),
        label: { x: 4, y: ty + 4 },
      });
    } else if (edge.kind === 'skip' && from.x === to.x) {
      // Down a lane to the right, clear of the boxes in between.
      const k = skipIndex.get(edge.from) ?? 0;
      skipIndex.set(edge.from, k + 1);
      const lane = skipLane + k * LANE;
      const fy = from.y + BOX.height / 2 + k * 6;
      const ty = to.y + BOX.height / 2;
      arrows.push({ ...base, path: `M${from.x + BOX.width},${fy} H${lane} V${ty} H${to.x + BOX.width}`, label: besideTarget(to, edge.actions.length) });
    } else if (edge.kind === 'skip') {
      // From a side status down its own column, then across into the target.
      const ty = to.y + BOX.height / 2;
      arrows.push({ ...base, path: `M${from.x + BOX.width / 2},${from.y + BOX.height} V${ty} H${to.x + BOX.width}`, label: besideTarget(to, edge.actions.length) });
    } else {
      const fx = from.x + BOX.width / 2;
      const tx = to.x + BOX.width / 2;
      const fy = from.y + BOX.height;
      const labelY = (fy + to.y) / 2 + 6 - ((edge.actions.length - 1) * LINE) / 2;
      arrows.push({
        ...base,
        // A branch sideways leaves just under its box, above the next arrow's name.
        path: fx === tx ? `M${fx},${fy} V${to.y}` : `M${fx},${fy} V${fy + 8} H${tx} V${to.y}`,
        label: { x: tx + 8, y: fx === tx ? labelY : labelY + 6 },
      });
    }
  }
  return { width: Math.max(...boxes.map((b) => b.x + BOX.width)) + 90, height: TOP + layout.layers * ROW, boxes, arrows };
}
