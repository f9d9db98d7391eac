import { setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { KnownNames } from '../../core/scenario/completion.ts';
import type { Checked } from './useChecker.ts';
import { editorState, themeCompartment, themeFor, toCmDiagnostics } from './editorSetup.ts';

export interface EditorHandle {
  /** Moves the cursor to a 1-based line and column, scrolls it into view and focuses the editor. */
  jumpTo: (line: number, column?: number) => void;
  /** Replaces the whole text (opening a file, a draft, the template). */
  setText: (text: string) => void;
}

interface Props {
  initialText: string;
  onChange: (text: string) => void;
  checked: Checked | null;
  names: KnownNames;
  dark: boolean;
  ref?: Ref<EditorHandle>;
}

export function ScenarioEditor({ initialText, onChange, checked, names, dark, ref }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, names });
  useEffect(() => {
    latest.current = { onChange, names };
  });

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: editorState(initialText, { dark, onChange: (t) => latest.current.onChange(t), names: () => latest.current.names }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; later text comes through setText.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    view.current?.dispatch({ effects: themeCompartment.reconfigure(themeFor(dark)) });
  }, [dark]);

  // Diagnostics apply only to the text they were computed for; a newer check is on its way otherwise.
  useEffect(() => {
    const v = view.current;
    if (!v || !checked || v.state.doc.toString() !== checked.source) return;
    v.dispatch(setDiagnostics(v.state, toCmDiagnostics(v.state.doc, checked.result.diagnostics)));
  }, [checked]);

  useImperativeHandle(ref, () => ({
    jumpTo(line, column = 1) {
      const v = view.current;
      if (!v) return;
      const l = v.state.doc.line(Math.min(Math.max(1, line), v.state.doc.lines));
      const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      v.focus();
    },
    setText(text) {
      const v = view.current;
      if (!v) return;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
    },
  }), []);

  return <div ref={host} className="studio-editor" data-testid="studio-editor" />;
}
