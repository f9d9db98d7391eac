// The options of `evoke code`, apart from the command itself so that `evoke --help` and usage
// errors do not load the coder and its weights.
import { commandHelp } from './help.ts';
import type { CliIo } from './evoke.ts';

/** An exit status when `evoke code` should not read its input (help, bad usage); else null. */
export function codeArgs(args: string[], io: CliIo): number | null {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp('code'));
    return 0;
  }
  if (args.length > 0) {
    io.err(`evoke code: it takes no ${args[0]!.startsWith('-') ? `option '${args[0]}'` : `file '${args[0]}'`}; give the lines on standard input, e.g. evoke code < mine.jsonl`);
    return 2;
  }
  return null;
}
