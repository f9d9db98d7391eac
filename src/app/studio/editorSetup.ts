// The CodeMirror 6 set-up of the studio's editor: YAML, the checker's diagnostics with their
// codes and guide links, completion from the format and the file, light and dark themes.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { completionsAt, type KnownNames } from '../../core/scenario/completion.ts';
import { DIAGNOSTICS, type Diagnostic } from '../../core/scenario/diagnostics.ts';

export function guideHref(code: string): string {
  return `${window.location.pathname}${window.location.search}#/studio/guide?code=${encodeURIComponent(code)}`;
}

/** The checker gives a line and column; the underline covers the word or value starting there. */
export function diagnosticRange(doc: Text, d: Pick<Diagnostic, 'line' | 'column'>): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
  let from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
  const token = /^[^\s:,\]}]+/.exec(line.text.slice(from - line.from));
  let to = from + (token ? token[0].length : 0);
  if (to === from) {
    // At the end of a line or on a space: underline the line's content instead.
    from = line.from + (line.text.length - line.text.trimStart().length);
    to = line.to;
  }
  return { from, to };
}

function renderMessage(d: Diagnostic): Node {
  const box = document.createElement('div');
  box.className = 'studio-diagnostic';
  const head = document.createElement('div');
  const code = document.createElement('strong');
  code.textContent = `${d.code} ${DIAGNOSTICS[d.code]?.title ?? ''}: `;
  head.append(code, document.createTextNode(d.message));
  box.append(head);
  if (d.hint) {
    const hint = document.createElement('div');
    hint.className = 'studio-diagnostic-hint';
    hint.textContent = d.hint;
    box.append(hint);
  }
  const link = document.createElement('a');
  link.href = guideHref(d.code);
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = `${d.code} in the guide`;
  box.append(link);
  return box;
}

export function toCmDiagnostics(doc: Text, list: readonly Diagnostic[]): CmDiagnostic[] {
  return list.map((d) => ({ ...diagnosticRange(doc, d), severity: d.severity, message: `${d.code}: ${d.message}`, renderMessage: () => renderMessage(d) }));
}

function completionSource(names: () => KnownNames) {
  return (context: CompletionContext): CompletionResult | null => {
    const found = completionsAt(context.state.doc.toString(), context.pos, names());
    if (!found || found.options.length === 0) return null;
    // Keys pop up as one types; an empty place shows them only when asked (Ctrl-Space).
    if (!context.explicit && found.from === context.pos && found.options[0]!.kind === 'key') return null;
    return {
      from: found.from,
      options: found.options.map((o) => ({ label: o.label, type: o.kind === 'key' ? 'property' : o.kind === 'keyword' ? 'keyword' : o.kind === 'meter' ? 'variable' : 'enum', ...(o.detail ? { info: o.detail } : {}), ...(o.apply ? { apply: o.apply } : {}) })),
      validFor: /^[\w-]*$/,
    };
  };
}

// The YAML grammar tags keys as property definitions and plain values as content; both styles
// keep every colour at 4.5:1 or more on their background (light #fff, dark #242424).
const lightHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: t.definition(t.propertyName), color: '#1c5d99' },
    { tag: [t.string, t.special(t.string)], color: '#a31515' },
    { tag: [t.lineComment, t.comment], color: '#5f6b5f', fontStyle: 'italic' },
    { tag: [t.keyword, t.typeName, t.labelName, t.meta], color: '#7a3e9d' },
    { tag: t.separator, color: '#5c5f66' },
  ]),
);
const darkHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: t.definition(t.propertyName), color: '#8fd3ff' },
    { tag: [t.string, t.special(t.string)], color: '#f2b880' },
    { tag: [t.lineComment, t.comment], color: '#a3b0a3', fontStyle: 'italic' },
    { tag: [t.keyword, t.typeName, t.labelName, t.meta], color: '#ff9ecb' },
    { tag: t.separator, color: '#b8b8b8' },
  ]),
);

const base = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.55' },
  '.cm-gutters': { borderRight: '1px solid var(--mantine-color-default-border)' },
  '&.cm-focused': { outline: '2px solid var(--mantine-color-teal-6)', outlineOffset: '-2px' },
  '.cm-tooltip': { maxWidth: '28rem' },
  '.studio-diagnostic': { display: 'flex', flexDirection: 'column', gap: '4px', fontFamily: 'system-ui, sans-serif', fontSize: '13px' },
  '.studio-diagnostic-hint': { opacity: 0.9 },
});
const lightTheme = [EditorView.theme({ '.cm-gutters': { backgroundColor: '#f5f6f7', color: '#5c5f66' }, '.cm-activeLine': { backgroundColor: '#f1f8f6' }, '.cm-activeLineGutter': { backgroundColor: '#e3f0ec' }, '.studio-diagnostic a': { color: '#0b7285' } }, { dark: false }), lightHighlight];
const darkTheme = [
  EditorView.theme(
    {
      '.cm-gutters': { backgroundColor: '#2a2a2a', color: '#a6a6a6' },
      '.cm-activeLine': { backgroundColor: '#2c3230' },
      '.cm-activeLineGutter': { backgroundColor: '#2c3230' },
      '.cm-cursor': { borderLeftColor: '#fff' },
      '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: '#3b4a46 !important' },
      '.cm-tooltip': { backgroundColor: '#2e2e2e', color: '#e9ecef', border: '1px solid #555' },
      '.studio-diagnostic a': { color: '#66d9e8' },
    },
    { dark: true },
  ),
  darkHighlight,
];

export const themeCompartment = new Compartment();
export const themeFor = (dark: boolean): Extension => (dark ? darkTheme : lightTheme);

export function editorState(text: string, opts: { dark: boolean; onChange: (text: string) => void; names: () => KnownNames }): EditorState {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      indentUnit.of('  '),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      yaml(),
      autocompletion({ override: [completionSource(opts.names)], icons: false }),
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's tab focus mode).
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ tabindex: '0', 'aria-label': 'Scenario file (YAML). Press Escape then Tab to leave the editor.' }),
      EditorView.lineWrapping,
      base,
      themeCompartment.of(themeFor(opts.dark)),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) opts.onChange(u.state.doc.toString());
      }),
    ],
  });
}
