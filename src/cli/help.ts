// What `evoke --help` and `evoke COMMAND --help` print. Each command's text starts with its usage
// line, so the general usage is those lines joined.

export const COMMAND_HELP = {
  check: `evoke check [--format text|json] [--no-tests] FILE...
      Checks scenario files and prints every problem as path:line:col.
      --format json   the diagnostics as JSON (for scripts and CI)
      --no-tests      skip running the scenarios' own tests
      e.g. evoke check scenarios/*.yaml`,
  test: `evoke test FILE...
      Runs each scenario's own tests; prints the transcript of any that fails.
      e.g. evoke test scenarios/marcus-pe.yaml`,
  stats: `evoke stats [--format text|json] FILE
      Counts nodes, endings by outcome, paths, code coverage, and gives the shortest,
      longest, most and least MI-adherent paths (as choices a test can use).
      --format json   the same figures as JSON
      e.g. evoke stats scenarios/marcus-pe.yaml`,
  graph: `evoke graph [--format mermaid|dot] FILE
      Prints the map of the scenario for documents and slides: Mermaid (the default; GitHub
      and many editors draw it) or Graphviz DOT (dot -Tsvg map.dot > map.svg).
      Edges are labelled with the response's position and MI code.
      e.g. evoke graph --format dot scenarios/marcus-pe.yaml > map.dot`,
  play: `evoke play FILE
      Plays the scenario in the terminal, with feedback after each response.
      e.g. evoke play scenarios/marcus-pe.yaml`,
  code: `evoke code
      Codes typed clinician responses with the free-text coder. Reads one JSON object per
      line on standard input, {"text": "...", "context": "the client's line"}, and writes
      one line per input line: {"code": ..., "confidence": ..., "cues": [...]}, or
      {"error": ...} for a line it cannot read (exit 1 if any). "context" is optional, and
      so are "keywords" and "feelings" (lists of words, as in a node's free_text hints).
      e.g. evoke code < mine.jsonl > coded.jsonl`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;
export const COMMANDS = Object.keys(COMMAND_HELP) as CommandName[];

export const EXIT_STATUS = 'Exit status: 0 when all is well, 1 on errors or failing tests, 2 on bad usage.';

export const USAGE = `Usage:
${Object.values(COMMAND_HELP)
  .map((h) => `  ${h.split('\n').filter((l, i) => i === 0 || (!l.trim().startsWith('--') && !l.trim().startsWith('e.g.'))).join('\n')}`)
  .join('\n')}

Help on one command: evoke COMMAND --help
${EXIT_STATUS}`;

export function commandHelp(command: CommandName): string {
  return `Usage:\n  ${COMMAND_HELP[command]}\n\n${EXIT_STATUS}`;
}

export const isCommand = (word: string): word is CommandName => Object.hasOwn(COMMAND_HELP, word);
