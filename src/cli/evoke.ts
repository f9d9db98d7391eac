// The instructor's command line. `evoke check FILE...` prints `path:line:col: severity CODE:
// message` with the hint indented below; exit 0 when clean, 1 on errors, 2 on bad usage. The
// other commands keep the same exit statuses.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScenario } from '../core/scenario/check.ts';
import { formatDiagnostic, type Diagnostic } from '../core/scenario/diagnostics.ts';
import { MAX_FILE_BYTES } from '../core/scenario/readYaml.ts';
import { runScenarioTest } from './scenarioTests.ts';
import { codeArgs } from './codeArgs.ts';
import { commandHelp, COMMANDS, isCommand, USAGE } from './help.ts';
import { runGraph, runStats } from './statsCommand.ts';
import { didYouMean } from '../core/scenario/readYaml.ts';
import type { Scenario } from '../core/scenario/types.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The scenario to play, or an exit status when it cannot be played. */
export function scenarioToPlay(argv: string[], io: CliIo): Scenario | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(commandHelp('play'));
    return 0;
  }
  const files = argv.filter((a) => !a.startsWith('-'));
  if (files.length !== 1 || argv.length !== 1) {
    io.err(`evoke play: name one scenario file, e.g. evoke play scenarios/marcus-pe.yaml\n\n${USAGE}`);
    return 2;
  }
  const text = readScenarioFile(files[0]!, io);
  if (text === null) return 2;
  const r = checkScenario(text, { runTests: false });
  if (!r.scenario) {
    for (const d of r.diagnostics.filter((x) => x.severity === 'error')) io.out(formatDiagnostic(files[0]!, d));
    io.err('evoke play: the file has errors; fix them first (evoke check)');
    return 1;
  }
  return r.scenario;
}

export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === 'help' && rest.length > 0) {
    const topic = rest[0]!;
    if (isCommand(topic)) {
      io.out(commandHelp(topic));
      return 0;
    }
    io.err(`evoke help: unknown command '${topic}': the commands are ${COMMANDS.join(', ')}`);
    return 2;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'test') return runTests(rest, io);
  if (command === 'stats') return runStats(rest, io);
  if (command === 'graph') return runGraph(rest, io);
  if (command === 'code') {
    // main.ts codes standard input before calling runCli; here only the help and the usage errors remain.
    const early = codeArgs(rest, io);
    if (early !== null) return early;
    io.err('evoke code: it reads JSON lines on standard input: run bin/evoke.mjs code < FILE');
    return 2;
  }
  if (command === 'play') {
    // main.ts plays before calling runCli; here only the help and the usage errors remain.
    const r = scenarioToPlay(rest, io);
    if (typeof r === 'number') return r;
    io.err('evoke play: playing needs a terminal: run bin/evoke.mjs play FILE');
    return 2;
  }
  if (command !== 'check') {
    const hint = didYouMean(command, COMMANDS);
    io.err(`evoke: unknown command '${command}'${hint ? `: ${hint}` : `: the commands are ${COMMANDS.join(', ')}`}\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, 'no-tests': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.err(`evoke check: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(commandHelp('check'));
    return 0;
  }
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json') {
    io.err(`evoke check: --format must be text or json, not '${format}'`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err(`evoke check: name at least one scenario file\n\n${USAGE}`);
    return 2;
  }

  const results: { file: string; diagnostics: Diagnostic[]; errors: number; warnings: number }[] = [];
  for (const file of parsed.positionals) {
    let text: string;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) {
        results.push({ file, errors: 1, warnings: 0, diagnostics: [{ code: 'E002', severity: 'error', line: 1, column: 1, message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB and was not read` }] });
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.err(`evoke check: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      return 2;
    }
    const r = checkScenario(text, { runTests: !parsed.values['no-tests'] });
    results.push({ file, diagnostics: r.diagnostics.filter((d) => d.severity !== 'info'), errors: r.errors, warnings: r.warnings });
  }

  if (format === 'json') {
    io.out(JSON.stringify({ files: results }, null, 2));
  } else {
    for (const r of results) for (const d of r.diagnostics) io.out(formatDiagnostic(r.file, d));
    const errors = results.reduce((n, r) => n + r.errors, 0);
    const warnings = results.reduce((n, r) => n + r.warnings, 0);
    io.out(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

function readScenarioFile(file: string, io: CliIo): string | null {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      io.err(`evoke: ${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      return null;
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`evoke: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return null;
  }
}

function runTests(args: string[], io: CliIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp('test'));
    return 0;
  }
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) {
    io.err(`evoke test: unknown option '${unknown}'\n\n${USAGE}`);
    return 2;
  }
  if (args.length === 0) {
    io.err(`evoke test: name at least one scenario file, e.g. evoke test scenarios/*.yaml\n\n${USAGE}`);
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of args) {
    const text = readScenarioFile(file, io);
    if (text === null) return 2;
    const r = checkScenario(text, { runTests: false });
    if (!r.scenario) {
      for (const d of r.diagnostics.filter((x) => x.severity === 'error')) io.out(formatDiagnostic(file, d));
      io.out(`${file}: not tested, it has errors (run evoke check)`);
      failed++;
      continue;
    }
    if (r.scenario.tests.length === 0) io.out(`${file}: no tests (add some under 'tests:')`);
    for (const t of r.scenario.tests) {
      const outcome = runScenarioTest(r.scenario, t);
      if (outcome.passed) {
        passed++;
        io.out(`ok   ${file}: ${t.name} -> ${t.expect}`);
      } else {
        failed++;
        io.out(`FAIL ${file}: ${t.name}: ${outcome.reason}`);
        for (const line of outcome.transcript) io.out(line);
      }
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
