// The instructors' studio: edit a scenario with live checking, play it beside the editor, and
// keep every change as a draft in this browser. Loaded only when opened.
import { Alert, Anchor, Button, Center, FileButton, Group, Loader, Tabs, Text, useComputedColorScheme } from '@mantine/core';
import { IconBook, IconDeviceFloppy, IconFilePlus, IconFiles, IconFolderOpen, IconShare } from '@tabler/icons-react';
import { Suspense, useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { AppHeader } from '../components/AppHeader.tsx';
import { currentDraftId, listDrafts, loadDraftText, newDraftId, saveDraft, setCurrentDraft, titleOf, type DraftInfo } from '../studio/drafts.ts';
import { DraftsDialog } from '../studio/DraftsDialog.tsx';
import { fetchScenario, fileNameFor, MAX_FILE_BYTES, saveScenarioFile } from '../studio/fileActions.ts';
import { AnalysisPanel, MapPanel, TestsPanel } from '../studio/panelSlots.tsx';
import { ProblemsList } from '../studio/ProblemsList.tsx';
import { ScenarioEditor, type EditorHandle } from '../studio/ScenarioEditor.tsx';
import { ShareButton } from '../studio/ShareButton.tsx';
import { StudioPreview } from '../studio/StudioPreview.tsx';
import '../studio/studio.css';
import TEMPLATE from '../studio/template.yaml?raw';
import { useChecker } from '../studio/useChecker.ts';

const SAVE_DELAY_MS = 400;

function freshDraft(text: string, extra: Partial<DraftInfo> = {}): DraftInfo {
  return { id: newDraftId(), name: titleOf(text) ?? extra.fileName ?? 'Untitled scenario', updatedAt: new Date().toISOString(), ...extra };
}

/** The draft to show first: the one open last time, or a new one from the template. */
function initialDraft(): { info: DraftInfo; text: string } {
  const id = currentDraftId();
  const info = id ? listDrafts().find((d) => d.id === id) : undefined;
  const text = info ? loadDraftText(info.id) : null;
  if (info && text !== null) return { info, text };
  const fresh = freshDraft(TEMPLATE);
  // Stored at once, so that a second call (React's strict mode runs initialisers twice) finds it.
  saveDraft(fresh, TEMPLATE);
  setCurrentDraft(fresh.id);
  return { info: fresh, text: TEMPLATE };
}

export default function StudioPage() {
  const [location] = useLocation();
  const srcParam = new URLSearchParams(location.split('?')[1] ?? '').get('src');
  const [first] = useState(initialDraft);
  const [text, setText] = useState(first.text);
  const [draft, setDraftState] = useState(first.info);
  const draftRef = useRef(first.info);
  const editor = useRef<EditorHandle>(null);
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const [draftsOpen, setDraftsOpen] = useState(false);
  const [tab, setTab] = useState<string | null>('preview');
  const [dragging, setDragging] = useState(false);
  const [loadingUrl, setLoadingUrl] = useState(!!srcParam);
  const dark = useComputedColorScheme('light') === 'dark';
  const checker = useChecker(text);

  // Saving: a moment after each change, and at once when the tab is hidden or closed.
  const unsaved = useRef<string | null>(null);
  const flush = useCallback(() => {
    if (unsaved.current === null) return;
    const t = unsaved.current;
    unsaved.current = null;
    const info = { ...draftRef.current, name: titleOf(t) ?? draftRef.current.name, updatedAt: new Date().toISOString() };
    draftRef.current = info;
    setDraftState(info);
    setStorageFailed(!saveDraft(info, t));
  }, []);
  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);
  useEffect(() => {
    if (unsaved.current === null) return;
    const timer = setTimeout(flush, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, flush]);

  const onChange = useCallback((t: string) => {
    unsaved.current = t;
    setText(t);
  }, []);

  /** Shows another draft (or a new one) in the editor; the current one is saved first. */
  const switchTo = useCallback((info: DraftInfo, t: string, isNew: boolean) => {
    flush();
    if (isNew) setStorageFailed(!saveDraft(info, t));
    draftRef.current = info;
    setDraftState(info);
    setCurrentDraft(info.id);
    editor.current?.setText(t);
    unsaved.current = null;
  }, [flush]);

  const openText = useCallback((t: string, extra: Partial<DraftInfo>, what: string) => {
    switchTo(freshDraft(t, extra), t, true);
    setNotice({ color: 'teal', text: `Opened ${what} as a new draft.` });
  }, [switchTo]);

  // #/studio?src=URL: fetch the file into a new draft, once per address.
  const fetched = useRef<string | null>(null);
  useEffect(() => {
    if (!srcParam || fetched.current === srcParam) return;
    fetched.current = srcParam;
    void fetchScenario(srcParam).then((r) => {
      setLoadingUrl(false);
      if (!r.ok) return setNotice({ color: 'orange', text: `${r.message} Your drafts are unchanged.` });
      openText(r.text, { sourceUrl: r.url, fileName: r.name }, `'${r.name}' from its web address`);
    });
  }, [srcParam, openText]);

  const openFile = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setNotice({ color: 'orange', text: `'${file.name}' is larger than 10 MB: that is not a scenario file. Nothing was changed.` });
    try {
      openText(await file.text(), { fileName: file.name }, `'${file.name}'`);
    } catch {
      setNotice({ color: 'orange', text: `'${file.name}' could not be read. Nothing was changed.` });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files[0] ?? null);
  };

  const save = async () => {
    const name = draft.fileName ?? fileNameFor(titleOf(text));
    const how = await saveScenarioFile(name, text);
    if (how !== 'cancelled') setNotice({ color: 'teal', text: how === 'saved' ? `Saved as '${name}'.` : `Downloaded '${name}'.` });
  };

  const jump = useCallback((line: number, column?: number) => editor.current?.jumpTo(line, column), []);
  const latest = checker.latest?.source === text ? checker.latest : null;
  const good = checker.lastGood;
  const behind = !!checker.latest && !checker.latest.result.scenario && !!good;
  const problems = checker.latest?.result.diagnostics ?? null;
  const errorCount = checker.latest?.result.errors ?? 0;

  return (
    <div className="studio-page">
      <AppHeader />
      <div className="studio-toolbar" role="toolbar" aria-label="Studio file actions">
        <Group gap="xs" wrap="wrap">
          <Button size="compact-md" variant="default" leftSection={<IconFilePlus size={16} aria-hidden />} onClick={() => openText(TEMPLATE, {}, 'the template')}>New from template</Button>
          <FileButton onChange={(f) => void openFile(f)} accept=".yaml,.yml,text/yaml,application/yaml,text/plain">
            {(props) => <Button {...props} size="compact-md" variant="default" leftSection={<IconFolderOpen size={16} aria-hidden />}>Open file</Button>}
          </FileButton>
          <Button size="compact-md" variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void save()}>Save</Button>
          <Button size="compact-md" variant="default" leftSection={<IconFiles size={16} aria-hidden />} onClick={() => {
            flush();
            setDraftsOpen(true);
          }}>Drafts</Button>
          {draft.sourceUrl && <ShareButton url={draft.sourceUrl} icon={<IconShare size={16} aria-hidden />} />}
          <Anchor component={Link} href="/studio/guide" size="sm" className="studio-guide-link">
            <IconBook size={16} aria-hidden /> Writing a scenario
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed" className="studio-draft-name" aria-live="polite">
          Draft: <Text span fw={600} c="var(--mantine-color-text)">{draft.name}</Text> · {storageFailed ? 'not saved: this browser refused to store it (save the file instead)' : 'saved in this browser'}
        </Text>
      </div>
      {notice && (
        <Alert color={notice.color} variant="light" withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)} mx="md" mb="xs" py={6} role="status">
          {notice.text}
        </Alert>
      )}
      <main className="studio-body">
        <section
          className={`studio-editor-pane${dragging ? ' studio-dragging' : ''}`}
          aria-label="Editor"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <h1 className="visually-hidden">Studio: {draft.name}</h1>
          {loadingUrl ? (
            <Center h={200}><Loader aria-label="Opening the linked scenario" /></Center>
          ) : null}
          <div hidden={loadingUrl} className="studio-editor-wrap">
            <ScenarioEditor ref={editor} initialText={first.text} onChange={onChange} checked={latest} names={checker.names} dark={dark} />
          </div>
          <Text size="xs" c="dimmed" className="studio-editor-help">Ctrl-Space completes keys, codes, ids and meters; Escape then Tab leaves the editor; drop a .yaml file here to open it.</Text>
        </section>
        <section className="studio-side" aria-label="Preview and checks">
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="preview">Preview</Tabs.Tab>
              <Tabs.Tab value="problems">Problems{problems && problems.length > 0 ? ` (${errorCount > 0 ? `${errorCount} error${errorCount === 1 ? '' : 's'}` : problems.length})` : ''}</Tabs.Tab>
              <Tabs.Tab value="map">Map</Tabs.Tab>
              <Tabs.Tab value="analysis">Analysis</Tabs.Tab>
              <Tabs.Tab value="tests">Tests</Tabs.Tab>
            </Tabs.List>
            <div className="studio-tab-body">
              <Tabs.Panel value="preview">
                <StudioPreview scenario={good?.result.scenario ?? null} behind={behind} />
              </Tabs.Panel>
              <Tabs.Panel value="problems">
                <ProblemsList diagnostics={problems} pending={checker.pending} onJump={jump} />
              </Tabs.Panel>
              {(['map', 'analysis', 'tests'] as const).map((name) => {
                const Panel = name === 'map' ? MapPanel : name === 'analysis' ? AnalysisPanel : TestsPanel;
                return (
                  <Tabs.Panel key={name} value={name}>
                    {good ? (
                      <Suspense fallback={<Loader aria-label="Loading" size="sm" />}>
                        <Panel result={good.result} source={good.source} onJump={jump} />
                      </Suspense>
                    ) : (
                      <Text c="dimmed">This panel appears once the file checks without errors.</Text>
                    )}
                  </Tabs.Panel>
                );
              })}
            </div>
          </Tabs>
        </section>
      </main>
      <DraftsDialog
        opened={draftsOpen}
        currentId={draft.id}
        onClose={() => setDraftsOpen(false)}
        onOpen={(info) => {
          const t = loadDraftText(info.id);
          setDraftsOpen(false);
          if (t === null) return setNotice({ color: 'orange', text: `The draft '${info.name}' could not be read.` });
          switchTo(info, t, false);
        }}
      />
    </div>
  );
}
