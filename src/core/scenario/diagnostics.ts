// Every diagnostic the checker can give, with a stable code. Codes never change meaning; each has
// an entry in the authors' guide (scenarios/README.md, checked by a test).

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  hint?: string;
}

export const DIAGNOSTICS = {
  E001: { severity: 'error', title: 'YAML syntax error', explain: 'The file is not valid YAML: an unclosed quote, a bad indent, a tab used for indenting. The position is where the problem starts (for an unclosed quote, where it opened).' },
  E002: { severity: 'error', title: 'File too large', explain: 'Scenario files are refused before parsing above 10 MB. Split a very large scenario into several.' },
  E003: { severity: 'error', title: 'Too deep or too many aliases', explain: 'The file nests deeper than 64 levels or expands YAML aliases (*name) into too many nodes. Scenarios need neither; such files are refused so that a malicious file cannot hang the checker.' },
  E004: { severity: 'error', title: 'Unsupported YAML feature', explain: 'Custom tags (!something), several documents in one file, and non-text keys are not part of the scenario format.' },
  E005: { severity: 'error', title: 'Unsupported format version', explain: 'The file must say `format: 1`. Later versions of Evoke migrate older files; a newer number needs a newer Evoke.' },
  E010: { severity: 'error', title: 'Unknown key', explain: 'A key the format does not know, usually a typo. The hint suggests the nearest known key.' },
  E011: { severity: 'error', title: 'Missing key', explain: 'A required key is missing, for example a response without `next` or a client line without `talk`.' },
  E012: { severity: 'error', title: 'Wrong type', explain: 'A value of the wrong kind: text where a list is expected, a number written as words, a list where a single value is expected.' },
  E013: { severity: 'error', title: 'Value not allowed', explain: 'A value outside what the key allows: an outcome, talk type or difficulty not in its list, a number out of range, an empty text or list.' },
  E014: { severity: 'error', title: 'Invalid id', explain: 'Ids of nodes, endings and responses use lower-case letters, digits, - and _, start with a letter and are at most 64 characters; meter names use letters, digits and _. This keeps them easy to type and safe to use anywhere (no look-alike or invisible characters).' },
  E020: { severity: 'error', title: 'Duplicate id', explain: 'Two nodes, two endings, a node and an ending, or two responses of one node share an id. Nodes and endings share one set of ids.' },
  E021: { severity: 'error', title: 'Unknown id', explain: '`start`, `next`, `go` or a test names a node or ending that does not exist. The hint suggests the nearest existing id.' },
  E022: { severity: 'error', title: 'Unknown MI code', explain: 'A response code that is not one of the eleven MI codes or `not_coded`. The hint suggests the nearest code.' },
  E023: { severity: 'error', title: 'Undeclared meter', explain: 'An effect or condition names a meter that `meters` does not declare.' },
  E024: { severity: 'error', title: 'Meter range', explain: "A meter's start value lies outside its range, or its min is not below its max." },
  E025: { severity: 'error', title: 'Condition does not parse', explain: 'A `when` condition is not in the condition language: meter names, whole numbers, < <= > >= == !=, and, or, not, parentheses.' },
  E026: { severity: 'error', title: 'Missing fallback', explain: 'In a list of branches (`next`) or of client line variants, the last entry must have no `when`, so that something always applies.' },
  E027: { severity: 'error', title: 'Code list problem', explain: '`not_coded` cannot be combined with other codes; a code may appear only once in a list; and `persuade` with `persuade_with_permission` in one turn is coded as `persuade_with_permission` alone (MITI 4.2.1).' },
  E028: { severity: 'error', title: 'No way out', explain: 'No ending can be reached from this node: a trainee who gets here would be trapped in a loop.' },
  E030: { severity: 'error', title: 'Test step cannot be taken', explain: 'A test names a response by position or id that the node reached at that step does not have, or goes on after an ending.' },
  E031: { severity: 'error', title: 'Test reaches another ending', explain: "A test's choices do not reach the ending it expects (or stop before any ending). The message says where they led." },
  E032: { severity: 'error', title: 'Unknown fallback response', explain: "A node's `fallback` must be the id of one of that node's own responses: the one a typed answer leads to when the node has no response of the typed code or of its category. Give that response an `id` and name it." },
  W001: { severity: 'warning', title: 'Unreachable', explain: 'Nothing leads to this node or ending from `start`. Fine in a draft; shipped scenarios have none.' },
  W002: { severity: 'warning', title: 'Branch never taken', explain: 'No meter values within the meters\' ranges make this branch (or client line variant) the first whose condition holds.' },
  W003: { severity: 'warning', title: 'Feeling already named', explain: "A node's `feelings` lists feelings the client shows but has not put into words, so that a typed reflection naming one is coded complex. A feeling the client's line already names would make a plain repeat count as complex: leave it out." },
  I001: { severity: 'info', title: 'No tests', explain: 'The scenario has no `tests`. Tests that reach every ending keep the branching honest as you edit.' },
  I002: { severity: 'info', title: 'Code never used', explain: 'An MI code no response in the scenario carries. A scenario that uses every code gives trainees the whole range to tell apart.' },
  I003: { severity: 'info', title: 'Ending not covered by a test', explain: 'No test reaches this ending.' },
} as const satisfies Record<string, { severity: Severity; title: string; explain: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const head = `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
  return d.hint ? `${head}\n    ${d.hint}` : head;
}
