// Runs the checker in a Web Worker, a moment after typing stops. Only the answer to the latest
// text counts: an answer to older text is dropped, so underlines never jump back.
import { useEffect, useRef, useState } from 'react';
import type { CheckResult } from '../../core/scenario/check.ts';
import type { KnownNames } from '../../core/scenario/completion.ts';
import type { CheckRequest, CheckResponse } from './checkProtocol.ts';

export interface Checked {
  source: string;
  result: CheckResult;
}

export interface CheckerState {
  /** The check of the latest text, once it has arrived. */
  latest: Checked | null;
  /** The latest check without errors: what the preview and the panels show. */
  lastGood: Checked | null;
  names: KnownNames;
  /** The text changed and its check has not arrived yet. */
  pending: boolean;
}

const NO_NAMES: KnownNames = { nodes: [], endings: [], meters: [] };
export const CHECK_DELAY_MS = 250;

export function useChecker(text: string): CheckerState {
  const [state, setState] = useState<Omit<CheckerState, 'pending'>>({ latest: null, lastGood: null, names: NO_NAMES });
  const worker = useRef<Worker | null>(null);
  const sent = useRef({ id: 0, text: '' });

  useEffect(() => {
    const w = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<CheckResponse>) => {
      const { id, result, names } = e.data;
      if (id !== sent.current.id) return;
      const checked = { source: sent.current.text, result };
      setState((s) => ({
        latest: checked,
        lastGood: result.scenario ? checked : s.lastGood,
        names: names ?? s.names,
      }));
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      const id = sent.current.id + 1;
      sent.current = { id, text };
      const request: CheckRequest = { id, text };
      worker.current?.postMessage(request);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return { ...state, pending: state.latest?.source !== text };
}
