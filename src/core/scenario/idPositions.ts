// Where each node, ending and test starts in the file, for the studio's panels to jump to. The
// check result carries only the positions of diagnostics (looked up lazily, see SourcePositions),
// so the panels read them here from the YAML itself.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export interface SourcePoint {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface IdPositions {
  nodes: Record<string, SourcePoint>;
  endings: Record<string, SourcePoint>;
  /** By the test's index in `tests`. */
  tests: SourcePoint[];
}

export function idPositions(text: string): IdPositions {
  const out: IdPositions = { nodes: {}, endings: {}, tests: [] };
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  } catch {
    return out;
  }
  const at = (offset: number | undefined): SourcePoint | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const top = doc.contents as YamlNode | null;
  if (!isMap(top)) return out;
  for (const pair of top.items) {
    if (!isScalar(pair.key)) continue;
    const section = String(pair.key.value);
    const value = pair.value as YamlNode | null;
    if ((section === 'nodes' || section === 'endings') && isMap(value)) {
      const target = out[section];
      for (const item of value.items) {
        if (!isScalar(item.key)) continue;
        const point = at(item.key.range?.[0]);
        const id = String(item.key.value);
        // The first definition wins, as the checker reports the second as a duplicate.
        if (point && !Object.hasOwn(target, id)) target[id] = point;
      }
    } else if (section === 'tests' && isSeq(value)) {
      for (const item of value.items) {
        const point = at((item as YamlNode | null)?.range?.[0]);
        if (point) out.tests.push(point);
      }
    }
  }
  return out;
}
