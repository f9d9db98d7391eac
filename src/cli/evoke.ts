// The instructor's command line. `evoke check FILE...` prints `path:line:col: severity CODE:
// message` with the hint indented below; exit 0 when clean, 1 on errors, 2 on bad usage.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScenario } from '../core/scenario/check.ts';
import { formatDiagnostic, type Diagnostic } from '../core/scenario/diagnostics.ts';
import { MAX_FILE_BYTES } from '../core/scenario/readYaml.ts';

const USAGE = `Usage: evoke check [--format text|json] [--no-tests] FILE...

Checks Evoke scenario files and prints every problem as path:line:col.
Exit status: 0 when no file has an error, 1 when one has, 2 on bad usage.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'check') {
    io.err(`evoke: unknown command '${command}'\n\n${USAGE}`);
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
    io.out(USAGE);
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
