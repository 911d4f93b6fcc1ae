import type { WorkflowChart } from './workflow-types';

/**
 * A hand-made layered layout for the case workflow, small enough to need no
 * graph library: statuses top to bottom in the order a case moves, each
 * arrow labelled with the actions that take it. Two kinds of arrows are
 * set apart so the chart stays readable on a wall:
 * - exits: final statuses that almost every open status can reach
 *   (withdrawn, merged), drawn once as a side note listing where from;
 * - returns: arrows back up (reopen, reassign), drawn on the left.
 * Actions that leave the status as it is (a note, a 督办) go in the table.
 */
export interface PlacedNode {
  id: string;
  layer: number;
  column: number;
  final: boolean;
  group: string | null;
}

export interface PlacedEdge {
  from: string;
  to: string;
  actions: string[];
  kind: 'down' | 'skip' | 'return';
}

export interface Exit {
  to: string;
  actions: string[];
  from: string[];
}

export interface Layout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  exits: Exit[];
  layers: number;
  columns: number;
}

/** A final status reached from this many statuses or more is drawn as an exit. */
const EXIT_FAN_IN = 3;

export function layOut(chart: WorkflowChart): Layout {
  const moves = chart.states.flatMap((state) => state.transitions.filter((t) => t.target !== state.id).map((t) => ({ from: state.id as string, ...t })));
  const fanIn = new Map<string, Set<string>>();
  for (const move of moves) fanIn.set(move.target, (fanIn.get(move.target) ?? new Set()).add(move.from));
  const finals = new Set(chart.states.filter((s) => s.final).map((s) => s.id as string));
  const isExit = (target: string) => finals.has(target) && (fanIn.get(target)?.size ?? 0) >= EXIT_FAN_IN;

  // Join the actions between the same two statuses into one arrow.
  const pairs = new Map<string, { from: string; to: string; actions: string[] }>();
  for (const move of moves.filter((m) => !isExit(m.target))) {
    const key = `${move.from}>${move.target}`;
    const pair = pairs.get(key) ?? { from: move.from, to: move.target, actions: [] };
    pair.actions.push(move.action);
    pairs.set(key, pair);
  }

  // Depth-first from the start: an arrow to a status still on the path is a return.
  const out = (id: string) => [...pairs.values()].filter((p) => p.from === id);
  const onPath = new Set<string>();
  const seen = new Set<string>();
  const order: string[] = [];
  const returns = new Set<string>();
  const visit = (id: string) => {
    seen.add(id);
    onPath.add(id);
    order.push(id);
    for (const pair of out(id)) {
      if (onPath.has(pair.to)) returns.add(`${pair.from}>${pair.to}`);
      else if (!seen.has(pair.to)) visit(pair.to);
    }
    onPath.delete(id);
  };
  visit(chart.initial);

  // Each status one layer below the deepest status that leads to it.
  const layer = new Map<string, number>(order.map((id) => [id, 0]));
  for (let pass = 0; pass < order.length; pass++) {
    for (const pair of pairs.values()) {
      if (returns.has(`${pair.from}>${pair.to}`) || !layer.has(pair.from)) continue;
      layer.set(pair.to, Math.max(layer.get(pair.to) ?? 0, (layer.get(pair.from) ?? 0) + 1));
    }
  }
  const exitTargets = chart.states.filter((s) => isExit(s.id)).map((s) => s.id as string);
  const byLayer = new Map<number, string[]>();
  for (const id of order) byLayer.set(layer.get(id)!, [...(byLayer.get(layer.get(id)!) ?? []), id]);
  const stateOf = new Map(chart.states.map((s) => [s.id as string, s]));
  const nodes: PlacedNode[] = order.map((id) => ({
    id,
    layer: layer.get(id)!,
    column: byLayer.get(layer.get(id)!)!.indexOf(id),
    final: stateOf.get(id)?.final ?? false,
    group: stateOf.get(id)?.group ?? null,
  }));
  const edges: PlacedEdge[] = [...pairs.values()].map((pair) => {
    const returning = returns.has(`${pair.from}>${pair.to}`);
    const skips = layer.get(pair.to)! - layer.get(pair.from)! > 1;
    return { ...pair, kind: returning ? 'return' : skips ? 'skip' : 'down' };
  });
  const exits: Exit[] = exitTargets.map((to) => ({
    to,
    actions: [...new Set(moves.filter((m) => m.target === to).map((m) => m.action))],
    from: order.filter((id) => fanIn.get(to)?.has(id)),
  }));
  return { nodes, edges, exits, layers: Math.max(...nodes.map((n) => n.layer)) + 1, columns: Math.max(...[...byLayer.values()].map((l) => l.length)) };
}
