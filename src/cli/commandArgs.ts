// Argument handling shared by `evoke stats` and `evoke graph`: one scenario file, a --format
// chosen from a list, and messages that say what to type instead.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScenario } from '../core/scenario/check.ts';
import { formatDiagnostic } from '../core/scenario/diagnostics.ts';
import { MAX_FILE_BYTES } from '../core/scenario/readYaml.ts';
import type { Scenario } from '../core/scenario/types.ts';
import type { CliIo } from './evoke.ts';
import { commandHelp, type CommandName } from './help.ts';

export type Parsed<F extends string> = { file: string; format: F } | { exit: number };

export function parseFileAndFormat<F extends string>(command: CommandName, args: string[], formats: readonly F[], io: CliIo): Parsed<F> {
  const example = `evoke ${command} scenarios/marcus-pe.yaml`;
  const useFormats = `use ${formats.map((f) => `--format ${f}`).join(' or ')}`;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    const option = /'([^']+)'/.exec((e as Error).message)?.[1] ?? args.find((a) => a.startsWith('-')) ?? '';
    const code = (e as { code?: string }).code;
    const why = code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `--format needs a value: ${useFormats}` : `unknown option '${option}': the options are --format and --help`;
    io.err(`evoke ${command}: ${why}\n\n${commandHelp(command)}`);
    return { exit: 2 };
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return { exit: 0 };
  }
  const format = parsed.values.format ?? formats[0]!;
  if (!(formats as readonly string[]).includes(format)) {
    io.err(`evoke ${command}: unknown format '${format}': ${useFormats}`);
    return { exit: 2 };
  }
  if (parsed.positionals.length !== 1) {
    io.err(`evoke ${command}: name ${parsed.positionals.length === 0 ? 'a' : 'only one'} scenario file, e.g. ${example}${parsed.positionals.length > 1 ? `\n(for several files, run it once for each: for f in scenarios/*.yaml; do evoke ${command} "$f"; done)` : ''}`);
    return { exit: 2 };
  }
  return { file: parsed.positionals[0]!, format: format as F };
}

/**
 * The checked scenario, or an exit status: 2 when the file cannot be read, 1 when it has errors
 * (printed as `evoke check` prints them). Its own tests are not run: a draft whose tests fail
 * still has a map and figures worth seeing.
 */
export function loadCheckedScenario(command: CommandName, file: string, io: CliIo): Scenario | number {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      io.err(`evoke ${command}: ${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      return 2;
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`evoke ${command}: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 2;
  }
  const r = checkScenario(text, { runTests: false });
  if (!r.scenario) {
    // On stderr: the output of `evoke graph > map.dot` must not be a list of errors.
    for (const d of r.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(file, d));
    io.err(`evoke ${command}: ${file} has ${r.errors} error${r.errors === 1 ? '' : 's'}; fix them first (evoke check ${file})`);
    return 1;
  }
  return r.scenario;
}
