// For each diagnostic, a short example of the mistake and its fix, for the authors' guide (the
// guide's "Every diagnostic" section is generated from this and DIAGNOSTICS; a test checks that
// every code has one).
import type { DiagnosticCode } from './diagnostics.ts';

export interface DiagnosticExample {
  /** A few lines of a scenario file with the mistake. */
  wrong: string;
  /** The same lines, fixed. */
  right: string;
  /** What to do, in a sentence. */
  fix: string;
}

// Partial, so that a new code does not break the build; a unit test requires an entry for each.
export const DIAGNOSTIC_EXAMPLES: Partial<Record<DiagnosticCode, DiagnosticExample>> = {
  E001: { wrong: 'title: "Dana\'s story', right: 'title: "Dana\'s story"', fix: 'Close the quote (or indent with spaces, never tabs).' },
  E002: { wrong: '(a file of 12 MB)', right: '(two files of 6 MB)', fix: 'Split the scenario into several files.' },
  E003: { wrong: 'a: &a [*a, *a, *a, *a]', right: '(write the values out)', fix: 'Remove the aliases (`&name`, `*name`) and the deep nesting.' },
  E004: { wrong: 'minutes: !!int 10', right: 'minutes: 10', fix: 'Remove the tag (`!something`) or the second document (`---`).' },
  E005: { wrong: 'format: 2', right: 'format: 1', fix: 'Write `format: 1`.' },
  E010: { wrong: 'feedbak: You named the fear.', right: 'feedback: You named the fear.', fix: 'Correct the key; the hint names the nearest known one.' },
  E011: { wrong: 'client: I want to sleep again.\n# (no talk:)', right: 'client: I want to sleep again.\ntalk: change', fix: 'Add the missing key.' },
  E012: { wrong: 'age: thirty', right: 'age: 30', fix: 'Write the value as the key expects: a number, a text, or a list in `[ ]`.' },
  E013: { wrong: 'outcome: success', right: 'outcome: small_step', fix: 'Use one of the values listed in the message.' },
  E014: { wrong: 'nodes:\n  First Words:', right: 'nodes:\n  first-words:', fix: 'Use lower-case letters, digits, `-` and `_`, starting with a letter.' },
  E020: { wrong: 'nodes:\n  done: ...\nendings:\n  done: ...', right: 'nodes:\n  wrap-up: ...\nendings:\n  done: ...', fix: 'Rename one of the two.' },
  E021: { wrong: 'next: not-sur', right: 'next: not-sure', fix: 'Name an existing node or ending; the hint suggests the nearest.' },
  E022: { wrong: 'code: complex_reflect', right: 'code: complex_reflection', fix: 'Use one of the MI codes (table above).' },
  E023: { wrong: 'effects: { trust: +1 }', right: 'effects: { rapport: +1 }', fix: 'Use a meter declared under `meters`, or declare it.' },
  E024: { wrong: 'meters: { rapport: 7 }', right: 'meters: { rapport: { start: 7, min: 0, max: 10 } }', fix: 'Start within the range, or widen the range.' },
  E025: { wrong: 'when: rapport = 3', right: 'when: rapport == 3', fix: 'Write the condition in the condition language (see Conditions).' },
  E026: { wrong: 'next:\n  - when: rapport >= 3\n    go: opens-up', right: 'next:\n  - when: rapport >= 3\n    go: opens-up\n  - go: stays-guarded', fix: "End the list with an entry without `when`." },
  E027: { wrong: 'code: [not_coded, open_question]', right: 'code: open_question', fix: 'Keep each code once; `not_coded` alone.' },
  E028: { wrong: 'loop-a: ... next: loop-b\nloop-b: ... next: loop-a', right: 'loop-b: ... next: [{ when: rapport >= 4, go: loop-a }, { go: not-yet }]', fix: 'Lead at least one response towards an ending.' },
  E030: { wrong: '- choose: [1, 5]   # the second node has 3 responses', right: '- choose: [1, 3]', fix: 'Name a response the node has, by position or id.' },
  E031: { wrong: '- choose: [push]\n  expect: one-session', right: '- choose: [push]\n  expect: walked-out', fix: 'Correct the expected ending, or the choices (the message says where they led).' },
  E032: { wrong: 'fallback: listen   # no response of this node has id: listen', right: 'responses:\n  - id: listen\n    ...\nfallback: listen', fix: "Give one of the node's responses that `id`, or name an existing one." },
  W001: { wrong: 'endings:\n  orphan: ...   # nothing leads here', right: '(lead a response to it with next: orphan, or delete it)', fix: 'Lead something to it, or delete it.' },
  W002: { wrong: 'next:\n  - when: rapport >= 0\n    go: a\n  - go: b   # never taken', right: 'next:\n  - when: rapport >= 3\n    go: a\n  - go: b', fix: 'Change the conditions so each branch can be the first that holds.' },
  W003: { wrong: "client: I'm ashamed of it.\nfeelings: [ashamed]", right: "client: I'm ashamed of it.\nfeelings: [trapped]", fix: 'Leave out feelings the line already names.' },
  I001: { wrong: '(no tests: key)', right: 'tests:\n  - choose: [1, 2]\n    expect: not-yet', fix: 'Add tests; the hint suggests a first one.' },
  I002: { wrong: '(no response is coded affirmation)', right: '- say: You kept going to work through all of this.\n  code: affirmation', fix: 'Consider a response with that code, if the conversation has room for it.' },
  I003: { wrong: '(no test expects walked-out)', right: '- choose: [push, push]\n  expect: walked-out', fix: 'Add a test that reaches the ending; the hint gives its choices.' },
};
