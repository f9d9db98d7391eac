// The coder is loaded only when a trainee first sends a typed response, so the player's first
// load does not carry it (tests/e2e/budget.spec.ts).
import type { CodeUtterance } from '../../../core/freeText/types.ts';

let loading: Promise<CodeUtterance> | null = null;

export function loadCoder(): Promise<CodeUtterance> {
  loading ??= import('../../../core/freeText/coder.ts')
    .then((m): CodeUtterance => m.codeUtterance)
    .catch((e: unknown) => {
      // A failed load (offline before it was ever cached) may succeed later: do not keep the failure.
      loading = null;
      throw e;
    });
  return loading;
}
