// What an author may type at a place in a scenario file: keys allowed there by the format's
// schema (format.ts), values from its enums, and the ids and meter names of the file itself.
// It reads the text around the cursor by indentation only, so it works on a half-typed,
// unparseable draft, which is when completion matters most.
import { ScenarioFileSchema } from './format.ts';
import type { SchemaNode } from './schemaNode.ts';

type S = SchemaNode;

const SCHEMA = JSON.parse(JSON.stringify(ScenarioFileSchema)) as S;

/** What the file itself names, from its last check that could read it. */
export interface KnownNames {
  nodes: readonly string[];
  endings: readonly string[];
  meters: readonly string[];
}

export interface CompletionOption {
  label: string;
  kind: 'key' | 'value' | 'id' | 'meter' | 'keyword';
  detail?: string;
  /** Text to insert when it differs from the label (a key gets its colon). */
  apply?: string;
}

export interface Completions {
  /** Offset where the replaced word starts. */
  from: number;
  options: CompletionOption[];
}

/** A step of a path in the file: a key, or '[]' for an item of a list. */
export type PathStep = string;

interface LineShape {
  indent: number;
  dash: boolean;
  /** Column where the key (or scalar) starts, after any "- ". */
  keyCol: number;
  key?: string;
  rest: string;
}

function shape(line: string): LineShape {
  const m = /^(\s*)(-\s+)?(.*)$/.exec(line)!;
  const indent = m[1]!.length;
  const dash = m[2] !== undefined;
  const keyCol = indent + (m[2]?.length ?? 0);
  const body = m[3]!;
  const km = /^([^\s:#'"[{][^:#]*?)\s*:(?:\s+(.*)|$)/.exec(body);
  return { indent, dash, keyCol, ...(km ? { key: km[1]! } : {}), rest: km ? (km[2] ?? '') : body };
}

/** The path of keys and list items that encloses a line whose content starts at `col`. */
export function enclosingPath(lines: readonly string[], lineIndex: number, col: number, dashAt?: number): PathStep[] {
  const path: PathStep[] = [];
  let limit = col;
  if (dashAt !== undefined) {
    path.unshift('[]');
    limit = dashAt;
  }
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const raw = lines[i]!;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const s = shape(raw);
    if (s.keyCol < limit && s.key !== undefined) {
      path.unshift(s.key);
      limit = s.keyCol;
      if (s.dash) {
        path.unshift('[]');
        limit = s.indent;
      }
    } else if (s.dash && s.keyCol === limit && s.indent < limit) {
      // Another key of the same list item: the item starts on this line.
      path.unshift('[]');
      limit = s.indent;
    } else if (s.keyCol < limit) {
      // A scalar less indented than us: we are not inside any structure we can name.
      return path;
    }
  }
  return path;
}

/** Every schema a path may lead to (unions give several). */
export function schemasAt(path: readonly PathStep[], root: S = SCHEMA): S[] {
  let current: S[] = [root];
  for (const step of path) {
    const next: S[] = [];
    for (const s of current.flatMap(expand)) {
      if (step === '[]') {
        if (s.items) next.push(s.items);
      } else if (s.properties?.[step]) next.push(s.properties[step]);
      else if (s.patternProperties) next.push(...Object.values(s.patternProperties));
    }
    current = next;
    if (current.length === 0) break;
  }
  return current.flatMap(expand);
}

function expand(s: S): S[] {
  return s.anyOf ? s.anyOf.flatMap(expand) : [s];
}

function keyOptions(schemas: readonly S[], path: readonly PathStep[], known: KnownNames, present: ReadonlySet<string>): CompletionOption[] {
  const out: CompletionOption[] = [];
  const seen = new Set<string>();
  for (const s of schemas) {
    if (s.properties) {
      for (const [key, p] of Object.entries(s.properties)) {
        if (seen.has(key) || present.has(key) || key === '$schema') continue;
        seen.add(key);
        out.push({ label: key, kind: 'key', apply: `${key}: `, ...(p.description || firstDescription(p) ? { detail: p.description ?? firstDescription(p) } : {}) });
      }
    }
    // Effects name meters; the meters, nodes and endings maps take new names, not completions.
    if (s.patternProperties && path.at(-1) === 'effects') {
      for (const m of known.meters) if (!present.has(m)) out.push({ label: m, kind: 'meter', apply: `${m}: `, detail: 'meter' });
    }
  }
  return out;
}

function firstDescription(s: S): string | undefined {
  return s.description ?? s.anyOf?.map(firstDescription).find(Boolean);
}

function valueOptions(schemas: readonly S[], key: string, known: KnownNames): CompletionOption[] {
  const out: CompletionOption[] = [];
  const seen = new Set<string>();
  const add = (o: CompletionOption) => {
    if (seen.has(o.label)) return;
    seen.add(o.label);
    out.push(o);
  };
  const visit = (s: S) => {
    if (s.anyOf) return s.anyOf.forEach(visit);
    if (s.items) visit(s.items);
    for (const e of s.enum ?? []) add({ label: e, kind: 'value' });
    if (s.pattern && s.type === 'string' && ['next', 'go', 'start', 'expect'].includes(key)) {
      for (const n of known.nodes) add({ label: n, kind: 'id', detail: 'node' });
      if (key !== 'start') for (const e of known.endings) add({ label: e, kind: 'id', detail: 'ending' });
    }
  };
  schemas.forEach(visit);
  return out;
}

const CONDITION_WORDS = ['and', 'or', 'not'];

/**
 * Completions at `offset` in `text`. Returns null where nothing sensible can be offered (inside
 * free text such as a client line).
 */
export function completionsAt(text: string, offset: number, known: KnownNames): Completions | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const lineIndex = lines.length;
  const allLines = [...lines, text.slice(lineStart, offset)];
  const before = text.slice(lineStart, offset);
  if (before.trimStart().startsWith('#')) return null;

  // Typing a key: "  ke" or "  - ke".
  const keyTyping = /^(\s*)(-\s+)?([A-Za-z_$][\w$-]*)?$/.exec(before);
  if (keyTyping) {
    const indent = keyTyping[1]!.length;
    const dash = keyTyping[2] !== undefined;
    const col = indent + (keyTyping[2]?.length ?? 0);
    const path = enclosingPath(allLines, lineIndex, col, dash ? indent : undefined);
    const schemas = schemasAt(path);
    const word = keyTyping[3] ?? '';
    const from = offset - word.length;
    // A dash item whose list holds values, not objects (code: - open_question).
    const valueList = dash && schemas.some((s) => s.enum || s.pattern) && !schemas.some((s) => s.properties);
    if (valueList) {
      const parent = path.at(-2) ?? '';
      return { from, options: valueOptions(schemas, parent, known) };
    }
    const present = siblingKeys(text.split('\n'), lineIndex, col, dash);
    return { from, options: keyOptions(schemas, path, known, present) };
  }

  // Typing a value: "  key: val", "  - key: [a, b", "when: rapport >= 2 and dis".
  const valueTyping = /^(\s*)(-\s+)?([A-Za-z_$][\w$-]*)\s*:\s+(.*)$/.exec(before);
  if (!valueTyping) return null;
  const indent = valueTyping[1]!.length;
  const dash = valueTyping[2] !== undefined;
  const col = indent + (valueTyping[2]?.length ?? 0);
  const key = valueTyping[3]!;
  const value = valueTyping[4]!;
  const word = /[\w-]*$/.exec(value)![0];
  const from = offset - word.length;
  if (key === 'when') {
    return { from, options: [...known.meters.map((m): CompletionOption => ({ label: m, kind: 'meter', detail: 'meter' })), ...CONDITION_WORDS.map((w): CompletionOption => ({ label: w, kind: 'keyword' }))] };
  }
  // Inside a flow map of effects: "effects: { rapp".
  const path = enclosingPath(allLines, lineIndex, col, dash ? indent : undefined);
  if (key === 'effects' && /[{,]\s*[\w-]*$/.test(value)) {
    return { from, options: known.meters.map((m): CompletionOption => ({ label: m, kind: 'meter', apply: `${m}: `, detail: 'meter' })) };
  }
  // Only a bare word or an item of a flow list can be completed; free text is the author's own.
  const rest = value.slice(0, value.length - word.length);
  if (rest.trim() !== '' && !/[[,]\s*$/.test(rest)) return null;
  const schemas = schemasAt([...path, key]);
  const options = valueOptions(schemas, key, known);
  return options.length ? { from, options } : null;
}

/** Keys already written in the same map as the line being typed (not offered again). */
function siblingKeys(lines: readonly string[], lineIndex: number, col: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  // Upwards up to the line that starts this list item (unless we start a new one ourselves).
  for (let i = lineIndex - 1; i >= 0 && !startsItem; i--) {
    const raw = lines[i]!;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const s = shape(raw);
    if (s.keyCol < col) break;
    if (s.keyCol === col && s.key) {
      keys.add(s.key);
      if (s.dash) break;
    }
  }
  // Downwards up to the next list item.
  for (let i = lineIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const s = shape(raw);
    if (s.keyCol < col || (s.dash && s.keyCol === col)) break;
    if (s.keyCol === col && s.key) keys.add(s.key);
  }
  return keys;
}
