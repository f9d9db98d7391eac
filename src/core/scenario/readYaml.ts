// From text to a plain value checked against the format's JSON Schema, with the source position
// of every value kept, so that each diagnostic can point at its line and column. The walk is
// driven by the schema generated from format.ts, so the format has one definition.
import { distance } from 'fastest-levenshtein';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
import { DIAGNOSTICS } from './diagnostics.ts';
import type { SchemaNode } from './schemaNode.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DEPTH = 64;
/** Nodes visited in one walk, aliases expanded: far above any real scenario, far below a bomb. */
const MAX_VISITS = 2_000_000;
/** Of those, values reached through an alias: scenarios rarely use aliases at all. */
const MAX_ALIAS_VISITS = 100_000;

type JsonSchema = SchemaNode;

export type Path = readonly (string | number)[];

/**
 * Where each value (and each key) of the file starts, by path. Looked up in the parsed document
 * only when a diagnostic needs it: recording every value's position up front cost about a fifth
 * of the checking time, for the handful of positions a file with mistakes ever reports.
 */
export class SourcePositions {
  doc: Document.Parsed | null = null;
  constructor(readonly lineCounter: LineCounter) {}

  /** For each depth of the path that exists in the file: its key's and its value's offsets. */
  private trail(path: Path): { key?: number; value?: number; content?: number }[] {
    const out: { key?: number; value?: number; content?: number }[] = [];
    const doc = this.doc;
    if (!doc) return out;
    let node = doc.contents as YamlNode | null;
    const at = (n: YamlNode | null, key?: number) => {
      const value = n?.range?.[0];
      const quoted = n && isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE');
      out.push({ key, value, content: value === undefined ? undefined : quoted ? value + 1 : value });
    };
    at(node);
    for (const seg of path) {
      for (let hops = 0; node && isAlias(node) && hops < 8; hops++) node = (node.resolve(doc) as YamlNode | undefined) ?? null;
      if (node && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        node = (pair.value as YamlNode | null) ?? null;
        at(node, (pair.key as YamlNode).range?.[0]);
      } else if (node && isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as YamlNode | undefined;
        if (!item) break;
        node = item;
        at(node);
      } else break;
    }
    return out;
  }
  /** The value's position, or the nearest enclosing one that is known. */
  offsetOf(path: Path, prefer: 'key' | 'value' = 'value'): number {
    const trail = this.trail(path);
    for (let i = trail.length - 1; i >= 0; i--) {
      const t = trail[i]!;
      const hit = prefer === 'key' ? (t.key ?? t.value) : (t.value ?? t.key);
      if (hit !== undefined) return hit;
    }
    return 0;
  }
  contentOffsetOf(path: Path): number {
    const trail = this.trail(path);
    return trail.length === path.length + 1 ? (trail[path.length]!.content ?? this.offsetOf(path)) : this.offsetOf(path);
  }
  lineCol(offset: number): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  constructor(readonly positions: SourcePositions) {}

  atOffset(code: DiagnosticCode, offset: number, message: string, hint?: string): void {
    const { line, column } = this.positions.lineCol(offset);
    this.list.push({ code, severity: DIAGNOSTICS[code].severity, message, line, column, ...(hint ? { hint } : {}) });
  }
  at(code: DiagnosticCode, path: Path, message: string, hint?: string, prefer: 'key' | 'value' = 'value'): void {
    this.atOffset(code, this.positions.offsetOf(path, prefer), message, hint);
  }
  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }
}

export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase().replace(/[\s-]+/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

export const didYouMean = (word: string, candidates: Iterable<string>): string | undefined => {
  const s = suggest(word, candidates);
  return s ? `did you mean '${s}'?` : undefined;
};

const [SPACE, DASH, TAB, HASH, CR, COMMA, DOUBLE_QUOTE, SINGLE_QUOTE] = [' ', '-', '\t', '#', '\r', ',', '"', "'"].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number];
const [OPEN_SQUARE, OPEN_CURLY, CLOSE_SQUARE, CLOSE_CURLY] = ['[', '{', ']', '}'].map((c) => c.charCodeAt(0)) as [number, number, number, number];

/**
 * Flow collections (`[`, `{`) and indentation levels, counted in one linear pass before
 * parsing: the yaml parser recurses per level and a file nested thousands deep exhausts
 * memory in ways no try/catch can stop.
 */
export function nestingDepthExceeds(text: string, limit: number): number | null {
  // Character codes rather than one-character strings: this pass reads every character of the
  // file, so it must cost little beside the parse.
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    for (let c = text.charCodeAt(i); i < end && (c === SPACE || c === DASH || c === TAB); c = text.charCodeAt(++i));
    const first = i < end ? text.charCodeAt(i) : -1;
    const content = first >= 0 && first !== HASH && first !== CR;
    if (content && flow === 0) {
      const indent = i - lineStart;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let prev = SPACE;
    let quote = -1;
    for (let j = i; j < end; j++) {
      const ch = text.charCodeAt(j);
      if (quote >= 0) {
        if (ch === quote) quote = -1;
        continue;
      }
      if (ch === HASH && (prev === SPACE || j === i)) break;
      const atValueStart = j === i || prev === SPACE || prev === OPEN_SQUARE || prev === OPEN_CURLY || prev === COMMA;
      if ((ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) && (atValueStart || flow > 0)) quote = ch;
      else if ((ch === OPEN_SQUARE || ch === OPEN_CURLY) && (atValueStart || flow > 0)) flow++;
      else if ((ch === CLOSE_SQUARE || ch === CLOSE_CURLY) && flow > 0) flow--;
      if (indents.length + flow > limit) return j;
      prev = ch;
    }
    if (indents.length + flow > limit) return lineStart;
    lineStart = end + 1;
  }
  return null;
}

function kindOfSchema(s: JsonSchema): string {
  if (s.const !== undefined) return typeof s.const === 'number' ? 'number' : 'string';
  return s.type ?? 'any';
}

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of keys (key: value lines)',
  null: 'nothing',
};

function describeNode(node: YamlNode | null | undefined): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a set of keys';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `'${v}'`;
    return `text '${String(v).slice(0, 40)}'`;
  }
  return 'something else';
}

const INVALID = Symbol('invalid');
type Read = unknown | typeof INVALID;

export interface ReadResult {
  /** The file's value, with invalid parts left out. */
  value: unknown;
  positions: SourcePositions;
  sink: DiagnosticSink;
  /** True when the file could not be read at all (syntax error, too large, too deep). */
  unreadable: boolean;
}

export function readYaml(text: string, schema: JsonSchema): ReadResult {
  const lineCounter = new LineCounter();
  const positions = new SourcePositions(lineCounter);
  const sink = new DiagnosticSink(positions);
  const byteLength = new TextEncoder().encode(text.length > MAX_FILE_BYTES ? text.slice(0, MAX_FILE_BYTES + 1) : text).length;
  if (text.length > MAX_FILE_BYTES || byteLength > MAX_FILE_BYTES) {
    lineCounter.addNewLine(0); // not parsed: without a first line start, positions come out as 0:0
    sink.atOffset('E002', 0, `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB and was not read`);
    return { value: undefined, positions, sink, unreadable: true };
  }
  const tooDeep = nestingDepthExceeds(text, MAX_DEPTH);
  if (tooDeep !== null) {
    // The line counter fills while parsing; without a parse, count the lines ourselves.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < tooDeep; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    sink.atOffset('E003', tooDeep, `the file nests more than ${MAX_DEPTH} levels deep`, 'Scenarios need only a few levels: node, response, branch.');
    return { value: undefined, positions, sink, unreadable: true };
  }

  let doc: Document.Parsed;
  try {
    // uniqueKeys is off: the yaml package compares each key with every earlier one (quadratic in a
    // 10,000-node map); walkObject finds duplicates with a Set instead.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false });
    positions.doc = doc;
  } catch (e) {
    sink.atOffset('E001', 0, `the file could not be parsed: ${(e as Error).message}`);
    return { value: undefined, positions, sink, unreadable: true };
  }

  let fatal = false;
  for (const err of doc.errors) {
    if (err.code === 'MULTIPLE_DOCS') {
      sink.atOffset('E004', err.pos[0], 'a scenario file holds one document: remove the second `---`');
    } else if (err.code === 'DUPLICATE_KEY') {
      // The error marks one character; the key runs on to its colon.
      const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(err.pos[0], err.pos[0] + 200))![0].trim() || 'this key';
      sink.atOffset('E020', err.pos[0], `'${key}' appears twice in the same place`, 'Each key (and each node or ending id) may appear only once.');
    } else if (err.code === 'RESOURCE_EXHAUSTION') {
      sink.atOffset('E003', err.pos[0], 'the file is too deeply nested to read');
      fatal = true;
    } else if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) {
      sink.atOffset('E001', openingQuoteBefore(doc, err.pos[0]) ?? err.pos[0], 'this quote is never closed', 'Close it with the same kind of quote on this line, or remove it.');
      fatal = true;
    } else {
      sink.atOffset('E001', err.pos[0], yamlMessage(err.code, err.message));
      fatal = true;
    }
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      sink.atOffset('E004', w.pos[0], `${w.message.replace(/^Unresolved tag/, 'unsupported tag')}: custom YAML tags are not part of the scenario format`, 'Remove the tag (the word starting with !).');
    }
  }
  if (fatal) return { value: undefined, positions, sink, unreadable: true };

  let visits = 0;
  let aliasVisits = 0;
  const resolving = new Set<YamlNode>();
  // Alias.resolve walks the whole document on every call; one pass keeps a file of many aliases
  // linear (same rule: the last anchor of that name before the alias). The pass runs at the
  // first alias met: most scenarios have none, and it would cost as much as a tenth of the walk.
  let aliasTargets: Map<YamlNode, YamlNode | undefined> | null = null;
  const targetOf = (alias: YamlNode): YamlNode | undefined => {
    if (!aliasTargets) {
      const targets = new Map<YamlNode, YamlNode | undefined>();
      const anchors = new Map<string, YamlNode>();
      visit(doc, {
        Node: (_key, n) => {
          if (isAlias(n)) targets.set(n, anchors.get(n.source));
          else if (n.anchor) anchors.set(n.anchor, n);
        },
      });
      aliasTargets = targets;
    }
    return aliasTargets.get(alias);
  };

  // The path of the value being read, as a chain of links: it is turned into an array only for
  // a diagnostic, instead of copying the whole path for every value of the file.
  const walk = (raw: YamlNode | null | undefined, s: JsonSchema, at: PathLink | null): Read => {
    if (++visits > MAX_VISITS || (resolving.size > 0 && ++aliasVisits > MAX_ALIAS_VISITS)) throw new AliasBomb();
    const node = raw;
    if (node && isAlias(node)) {
      const target = targetOf(node);
      if (!target || resolving.has(target)) {
        sink.atOffset('E004', node.range?.[0] ?? 0, 'this alias refers to itself or to nothing');
        return INVALID;
      }
      resolving.add(target);
      try {
        return walk(target, s, at);
      } finally {
        resolving.delete(target);
      }
    }
    const offset = node?.range?.[0] ?? positions.offsetOf(pathOf(at));

    if (s.anyOf) {
      const kind = nodeKind(node);
      let accepted: JsonSchema | undefined;
      for (const v of s.anyOf) if (!accepted && schemaAccepts(v, kind)) accepted = v;
      if (!accepted) {
        const expected = [...new Set(s.anyOf.map((v) => KIND_WORDS[kindOfSchema(v)] ?? 'a value'))].join(' or ');
        sink.atOffset('E012', offset, `expected ${expected}, found ${describeNode(node)}`, s.description);
        return INVALID;
      }
      return walk(node, accepted, at);
    }

    const kind = kindOfSchema(s);
    if (kind === 'object') return walkObject(node, s, at, offset);
    if (kind === 'array') {
      if (!node || !isSeq(node)) {
        sink.atOffset('E012', offset, `expected a list, found ${describeNode(node)}`, listHint(s));
        return INVALID;
      }
      if (s.minItems && node.items.length < s.minItems) {
        sink.atOffset('E013', offset, `this list needs at least ${s.minItems} item${s.minItems > 1 ? 's' : ''}`);
      }
      const out: unknown[] = [];
      const seen = s.uniqueItems ? new Set<unknown>() : null;
      const itemSchema = s.items ?? {};
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as YamlNode;
        const v = walk(item, itemSchema, { up: at, seg: i });
        if (v === INVALID) continue;
        if (seen && typeof v === 'string') {
          if (seen.has(v)) sink.atOffset('E027', item.range?.[0] ?? offset, `'${v}' appears twice in this list`);
          seen.add(v);
        }
        out.push(v);
      }
      return out;
    }

    if (!node || !isScalar(node) || node.value === null) {
      sink.atOffset(node ? 'E012' : 'E011', offset, `expected ${KIND_WORDS[kind] ?? 'a value'}, found ${describeNode(node)}`, s.description);
      return INVALID;
    }
    const v = node.value;
    if (s.const !== undefined) {
      if (v !== s.const) {
        sink.atOffset(at !== null && at.up === null && at.seg === 'format' ? 'E005' : 'E013', offset, `expected ${JSON.stringify(s.const)}, found ${JSON.stringify(v)}`);
        return INVALID;
      }
      return v;
    }
    if (kind === 'string') {
      if (typeof v !== 'string') {
        // Authors write `say: 42` or `say: yes` and mean text; the value is kept as text.
        if (typeof v === 'number' || typeof v === 'boolean') return checkString(String(v), s, offset);
        sink.atOffset('E012', offset, `expected text, found ${describeNode(node)}`);
        return INVALID;
      }
      return checkString(v, s, offset);
    }
    if (kind === 'integer' || kind === 'number') {
      if (typeof v !== 'number' || (kind === 'integer' && !Number.isInteger(v))) {
        sink.atOffset('E012', offset, `expected ${KIND_WORDS[kind]}, found ${describeNode(node)}`, s.description);
        return INVALID;
      }
      if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) {
        sink.atOffset('E013', offset, `${v} is out of range (${s.minimum ?? '…'} to ${s.maximum ?? '…'})`);
        return INVALID;
      }
      return v;
    }
    if (kind === 'boolean') {
      if (typeof v !== 'boolean') {
        sink.atOffset('E012', offset, `expected true or false, found ${describeNode(node)}`);
        return INVALID;
      }
      return v;
    }
    return v;
  };

  const checkString = (v: string, s: JsonSchema, offset: number): Read => {
    if (s.enum && !s.enum.includes(v)) {
      const hint = didYouMean(v, s.enum) ?? `One of: ${s.enum.join(', ')}.`;
      sink.atOffset(s.errorCode ?? 'E013', offset, s.errorCode === 'E022' ? `'${v}' is not an MI code` : `'${v}' is not allowed here`, hint);
      return INVALID;
    }
    if (s.minLength && trimmedLength(v) < s.minLength) {
      sink.atOffset('E013', offset, 'this text is empty');
      return INVALID;
    }
    if (s.pattern && !compiled(s).pattern!.test(v)) {
      sink.atOffset(s.errorCode ?? 'E013', offset, s.errorCode === 'E014' ? `'${visible(v)}' is not a valid id` : `'${visible(v)}' does not have the expected form`, s.errorCode === 'E014' ? idHint(v) : s.description);
      return INVALID;
    }
    return v;
  };

  const walkObject = (node: YamlNode | null | undefined, s: JsonSchema, at: PathLink | null, offset: number): Read => {
    if (!node || !isMap(node)) {
      sink.atOffset(node ? 'E012' : 'E011', offset, `expected ${KIND_WORDS.object}, found ${describeNode(node)}`, s.description);
      return INVALID;
    }
    const out: Record<string, unknown> = {};
    const seenKeys = new Set<string>();
    const props = s.properties ?? NO_PROPERTIES;
    const patterns = compiled(s).patternProperties;
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      if (!keyNode || !isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
        sink.atOffset('E004', keyOffset, 'keys must be plain words');
        continue;
      }
      const key = String(keyNode.value);
      if (seenKeys.has(key)) {
        sink.atOffset('E020', keyOffset, `'${visible(key)}' appears twice in the same place`, 'Each key (and each node or ending id) may appear only once.');
        continue;
      }
      seenKeys.add(key);
      const childAt: PathLink = { up: at, seg: key };
      if (Object.hasOwn(props, key)) {
        const v = walk(pair.value as YamlNode | null, props[key]!, childAt);
        if (v !== INVALID) setOwn(out, key, v);
        continue;
      }
      let matched: JsonSchema | undefined;
      for (const [re, sub] of patterns) if (!matched && re.test(key)) matched = sub;
      if (matched) {
        const v = walk(pair.value as YamlNode | null, matched, childAt);
        if (v !== INVALID) setOwn(out, key, v);
        continue;
      }
      if (patterns.length > 0 && Object.keys(props).length === 0) {
        const isMeter = at?.seg === 'meters' || at?.seg === 'effects';
        sink.atOffset('E014', keyOffset, `'${visible(key)}' is not a valid ${isMeter ? 'meter name' : 'id'}`, isMeter ? 'Meter names use lower-case letters, digits and _, starting with a letter.' : idHint(key));
        continue;
      }
      sink.atOffset('E010', keyOffset, `unknown key '${visible(key)}'`, didYouMean(key, Object.keys(props)) ?? `Known keys here: ${Object.keys(props).join(', ')}.`);
    }
    for (const req of s.required ?? []) {
      // Present: written, and read against its own property (not a pattern) as walkObject does.
      if (!(seenKeys.has(req) && Object.hasOwn(props, req))) {
        const path = pathOf(at);
        sink.atOffset('E011', positions.offsetOf(path, 'key'), `missing '${req}'${path.length ? ` in ${describePath(path)}` : ''}`, props[req]?.description);
      }
    }
    return out;
  };

  let value: unknown;
  try {
    value = walk(doc.contents as YamlNode | null, schema, null);
  } catch (e) {
    if (e instanceof AliasBomb) {
      sink.atOffset('E003', 0, 'the file expands its aliases (*name) into too many values', 'This is how a "billion laughs" file hangs a parser; scenarios do not need aliases.');
      return { value: undefined, positions, sink, unreadable: true };
    }
    if (e instanceof RangeError) {
      sink.atOffset('E003', 0, 'the file is too deeply nested to read');
      return { value: undefined, positions, sink, unreadable: true };
    }
    throw e;
  }
  return { value: value === INVALID ? undefined : value, positions, sink, unreadable: false };
}

class AliasBomb extends Error {}

/** One step of a path, linked to the path above it (null at the top of the file). */
interface PathLink {
  readonly up: PathLink | null;
  readonly seg: string | number;
}

function pathOf(at: PathLink | null): Path {
  const path: (string | number)[] = [];
  for (let l = at; l; l = l.up) path.push(l.seg);
  return path.reverse();
}

const NO_PROPERTIES: Record<string, JsonSchema> = {};

/** The regular expressions of a schema, compiled once per schema object rather than per value. */
interface Compiled {
  pattern?: RegExp;
  patternProperties: (readonly [RegExp, JsonSchema])[];
}
const compiledSchemas = new WeakMap<JsonSchema, Compiled>();
function compiled(s: JsonSchema): Compiled {
  let c = compiledSchemas.get(s);
  if (!c) {
    c = {
      ...(s.pattern ? { pattern: new RegExp(s.pattern) } : {}),
      patternProperties: Object.entries(s.patternProperties ?? {}).map(([p, sub]) => [new RegExp(p), sub] as const),
    };
    compiledSchemas.set(s, c);
  }
  return c;
}

/**
 * Sets an own, enumerable property. Plain assignment is several times faster than
 * defineProperty, but for a key that Object.prototype also has (`__proto__`, `constructor`,
 * `toString`...) assignment could set the prototype or hit a frozen prototype's read-only
 * property: those keys are defined instead.
 */
function setOwn(out: Record<string, unknown>, key: string, v: unknown): void {
  if (key in Object.prototype) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  else out[key] = v;
}

/** The length of s.trim(), without making the trimmed copy when there is nothing to trim. */
function trimmedLength(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  // Printable ASCII other than space at both ends: trim() would remove nothing.
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(n - 1);
  if (a > 0x20 && a < 0x7f && z > 0x20 && z < 0x7f) return n;
  return s.trim().length;
}

function nodeKind(node: YamlNode | null | undefined): string {
  if (!node) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
  }
  return 'unknown';
}

function schemaAccepts(s: JsonSchema, kind: string): boolean {
  const k = kindOfSchema(s);
  if (k === kind) return true;
  if (k === 'number' && kind === 'integer') return true;
  return false;
}

function listHint(s: JsonSchema): string | undefined {
  return s.description ? `${s.description} Write each item on its own line starting with '- '.` : "Write each item on its own line starting with '- '.";
}

/** Makes invisible and direction-changing characters visible in messages. */
export function visible(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this shows
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).slice(0, 80);
}

function idHint(v: string): string {
  const fixed = v
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
  const base = 'Use lower-case letters, digits, - and _, starting with a letter';
  return fixed ? `${base}, e.g. '${fixed}'.` : `${base}.`;
}

function describePath(path: Path): string {
  const [top, id, sub, idx] = path;
  if (top === 'nodes' && id !== undefined) {
    if (sub === 'responses' && typeof idx === 'number') return `response ${idx + 1} of node '${id}'`;
    if (sub === 'client' && typeof idx === 'number') return `client line variant ${idx + 1} of node '${id}'`;
    return `node '${id}'`;
  }
  if (top === 'endings' && id !== undefined) return `ending '${id}'`;
  if (top === 'tests' && typeof id === 'number') return `test ${id + 1}`;
  return `'${path.join('.')}'`;
}

function openingQuoteBefore(doc: Document.Parsed, errorOffset: number): number | undefined {
  let found: number | undefined;
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range && n.range[0] < errorOffset && n.range[1] >= errorOffset - 1) {
      found = n.range[0];
    }
    if (isMap(n) || isSeq(n)) for (const item of n.items) visit(item);
    const pair = n as { key?: unknown; value?: unknown };
    if ('key' in pair) visit(pair.key);
    if ('value' in pair) visit(pair.value);
  };
  visit(doc.contents);
  return found;
}

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tabs cannot be used for indenting in YAML: use spaces';
    case 'BAD_INDENT':
      return 'this line is indented differently from the lines around it';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key runs over several lines: is a colon (:) or a quote missing on the line before?';
    default:
      return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  }
}
