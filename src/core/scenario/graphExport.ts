// `evoke graph`: the map as Mermaid or Graphviz DOT text, for documents and slides. Author text
// (ending titles) goes into labels, so each format gets its own escaping; node ids are replaced
// by generated ones in Mermaid, where words like `end` and ids starting with o or x break the
// syntax.
import { CODE_INFO } from '../coding/codes.ts';
import { scenarioEdges, type ScenarioEdge } from './graph.ts';
import type { Scenario } from './types.ts';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

const TALK_WORDS = { change: 'change talk', sustain: 'sustain talk', neutral: 'neutral', discord: 'discord' } as const;

interface GraphNode {
  id: string;
  label: string;
  kind: 'node' | 'ending';
  /** The talk type of the client's first line, or the ending's outcome. */
  style: string;
}

function graphNodes(scenario: Scenario): GraphNode[] {
  const nodes: GraphNode[] = Object.values(scenario.nodes).map((n) => {
    const talk = n.client[n.client.length - 1]?.talk ?? 'neutral';
    const talks = [...new Set(n.client.map((v) => v.talk))];
    return { id: n.id, label: `${n.id} · ${talks.map((t) => TALK_WORDS[t]).join(' / ')}`, kind: 'node', style: talk };
  });
  for (const e of Object.values(scenario.endings)) {
    nodes.push({ id: e.id, label: `${e.title || e.id} · ${e.outcome.replace('_', ' ')}`, kind: 'ending', style: e.outcome });
  }
  return nodes;
}

const edgeLabel = (e: ScenarioEdge) => `${e.response}. ${e.codes.map((c) => (c === 'not_coded' ? 'no code' : CODE_INFO[c].short)).join('+')}${e.conditional ? ' (if)' : ''}`;

/**
 * Mermaid reads `#code;` entities in labels: anything but letters, digits and plain punctuation
 * becomes one, so quotes, brackets, pipes, `#`, `<` and line breaks cannot end a label or inject markup.
 */
export function mermaidText(text: string): string {
  return [...text].map((ch) => (/^[\p{L}\p{N} .,:()'?!+/·-]$/u.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}

/** DOT double-quoted strings: backslash and quote escaped, line breaks as \n. */
export function dotText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n');
}

const COLOURS: Record<string, string> = {
  change: '#d3f0dc',
  sustain: '#fbe3c8',
  neutral: '#e8eaee',
  discord: '#f6d4d4',
  commitment: '#2f8a4f',
  small_step: '#4f9a6a',
  not_yet: '#6c7a89',
  disengaged: '#b5651d',
};

export function toMermaid(scenario: Scenario): string {
  const nodes = graphNodes(scenario);
  const ids = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart TD'];
  for (const n of nodes) {
    const label = `"${mermaidText(n.label)}"`;
    lines.push(`  ${ids.get(n.id)}${n.kind === 'ending' ? `([${label}])` : `[${label}]`}:::${n.style}`);
  }
  const edges = scenarioEdges(scenario);
  for (const e of edges) {
    const arrow = e.category === 'consistent' ? '==>' : e.category === 'inconsistent' ? '-.->' : '-->';
    lines.push(`  ${ids.get(e.from)} ${arrow}|"${mermaidText(edgeLabel(e))}"| ${ids.get(e.to)}`);
  }
  for (const [style, colour] of Object.entries(COLOURS)) {
    const ending = !['change', 'sustain', 'neutral', 'discord'].includes(style);
    lines.push(`  classDef ${style} fill:${ending ? '#ffffff' : colour},stroke:${ending ? colour : '#555555'}${ending ? ',stroke-width:3px' : ''}`);
  }
  return lines.join('\n') + '\n';
}

export function toDot(scenario: Scenario): string {
  const lines = [`digraph "${dotText(scenario.id)}" {`, '  rankdir=TB;', '  node [fontname="sans-serif", style=filled];', '  edge [fontname="sans-serif", fontsize=10];'];
  // Scenario ids start with a letter, so this one cannot collide with them.
  lines.push(`  "_start" [shape=point, width=0.15, label=""];`);
  for (const n of graphNodes(scenario)) {
    const shape = n.kind === 'ending' ? 'doubleoctagon' : 'box';
    const fill = n.kind === 'ending' ? '#ffffff' : COLOURS[n.style];
    const colour = n.kind === 'ending' ? COLOURS[n.style] : '#555555';
    lines.push(`  "${dotText(n.id)}" [label="${dotText(n.label)}", shape=${shape}, fillcolor="${fill}", color="${colour}"];`);
  }
  lines.push(`  "_start" -> "${dotText(scenario.start)}";`);
  for (const e of scenarioEdges(scenario)) {
    const style = e.category === 'consistent' ? 'bold' : e.category === 'inconsistent' ? 'dashed' : 'solid';
    lines.push(`  "${dotText(e.from)}" -> "${dotText(e.to)}" [label="${dotText(edgeLabel(e))}", style=${style}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function graphText(scenario: Scenario, format: GraphFormat): string {
  return format === 'mermaid' ? toMermaid(scenario) : toDot(scenario);
}
