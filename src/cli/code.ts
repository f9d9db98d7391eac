// `evoke code`: the free-text coder for anyone's own data. JSON lines in on stdin, one JSON line
// out per input line, in order, so the output can be pasted beside the input. A bad line gets
// {"error": ...} in its place and the run goes on; the exit status is 1 if any line was bad.
import { codeUtterance } from '../core/freeText/coder.ts';
import type { CodeUtterance, FreeTextHints } from '../core/freeText/types.ts';
import { codeArgs } from './codeArgs.ts';
import type { CliIo } from './evoke.ts';

/** Longer texts are refused rather than coded: a response is a turn of speech, not an essay. */
export const MAX_TEXT_CHARS = 2000;

function stringList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`"${name}" must be a list of strings`);
  return value;
}

/** One output line for one input line; never throws. */
export function codeLine(line: string, coder: CodeUtterance = codeUtterance): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: line.trim() ? 'not a JSON object: each line must be like {"text": "...", "context": "..."}' : 'empty line' });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return JSON.stringify({ error: 'not a JSON object: each line must be like {"text": "...", "context": "..."}' });
  const { text, context } = input as Record<string, unknown>;
  if (typeof text !== 'string') return JSON.stringify({ error: '"text" is missing or not a string' });
  if (context !== undefined && context !== null && typeof context !== 'string') return JSON.stringify({ error: '"context" must be a string' });
  if (text.length > MAX_TEXT_CHARS || (typeof context === 'string' && context.length > MAX_TEXT_CHARS * 5)) {
    return JSON.stringify({ error: `"text" is longer than ${MAX_TEXT_CHARS} characters (or "context" than ${MAX_TEXT_CHARS * 5})` });
  }
  let hints: FreeTextHints | undefined;
  try {
    const raw = input as Record<string, unknown>;
    const keywords = stringList(raw.keywords, 'keywords');
    const feelings = stringList(raw.feelings, 'feelings');
    hints = keywords.length || feelings.length ? { keywords, feelings } : undefined;
  } catch (e) {
    return JSON.stringify({ error: (e as Error).message });
  }
  try {
    const r = coder(text, typeof context === 'string' ? context : undefined, hints);
    return JSON.stringify({ code: r.code, confidence: Math.round(r.confidence * 1000) / 1000, cues: r.cues });
  } catch (e) {
    return JSON.stringify({ error: `the coder failed on this line: ${(e as Error).message}` });
  }
}

export async function runCode(args: string[], lines: AsyncIterable<string>, io: CliIo, coder: CodeUtterance = codeUtterance): Promise<number> {
  const early = codeArgs(args, io);
  if (early !== null) return early;
  let bad = 0;
  for await (const line of lines) {
    const out = codeLine(line, coder);
    if (out.startsWith('{"error"')) bad++;
    io.out(out);
  }
  return bad > 0 ? 1 : 0;
}
