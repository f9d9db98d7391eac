import type { CheckResult } from '../../core/scenario/check.ts';
import type { KnownNames } from '../../core/scenario/completion.ts';

export interface CheckRequest {
  id: number;
  text: string;
}

export interface CheckResponse {
  id: number;
  result: CheckResult;
  /** Node, ending and meter names, or null when the file does not parse. */
  names: KnownNames | null;
}
