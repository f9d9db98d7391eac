import { Alert, Anchor, Button, Card, Container, FileButton, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { RESPONSE_CODES, type ResponseCode } from '../../core/coding/codes.ts';
import { buildReport, topCodes, type Report } from '../../core/coding/report.ts';
import { historyFile, readHistoryFile, type FinishedSession } from '../../core/engine/history.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { clearHistory, importSessions, isPersisted, readHistory, removeDamaged, type HistoryRead } from '../history/historyStore.ts';
import { OUTCOME_WORDS } from '../player/describe.ts';
import { downloadText, fileStamp } from '../report/download.ts';
import { LineChart } from '../report/LineChart.tsx';

type Row = { session: FinishedSession; report: Report };

function figure(r: Report, id: string): number | null {
  const v = r.figures.find((f) => f.id === id)?.value ?? null;
  return v === Infinity ? 4 : v;
}

export default function ProgressPage() {
  const [history, setHistory] = useState<HistoryRead | null>(null);
  const [persisted, setPersisted] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'warn'; text: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const reload = useCallback(() => {
    void readHistory().then(setHistory);
    void isPersisted().then(setPersisted);
  }, []);
  useEffect(reload, [reload]);

  const rows: Row[] = useMemo(
    () => (history?.sessions ?? []).map((session) => ({ session, report: buildReport({ id: session.scenarioId, hash: session.scenarioHash, meters: [], endings: {} }, session.turns, session.endingId) })),
    [history],
  );
  const totals = useMemo(() => {
    const counts = Object.fromEntries(RESPONSE_CODES.map((c) => [c, 0])) as Record<ResponseCode, number>;
    for (const r of rows) for (const c of RESPONSE_CODES) counts[c] += r.report.codeCounts[c];
    return counts;
  }, [rows]);

  const importFile = async (file: File | null) => {
    if (!file) return;
    try {
      const read = readHistoryFile(JSON.parse(await file.text()));
      if (!read) return setMessage({ tone: 'warn', text: `'${file.name}' is not an Evoke history file. Nothing was changed.` });
      const n = await importSessions(read.sessions);
      setMessage({ tone: read.rejected ? 'warn' : 'ok', text: `Imported ${n} session${n === 1 ? '' : 's'}${read.rejected ? `; ${read.rejected} damaged one${read.rejected === 1 ? ' was' : 's were'} left out` : ''}.` });
      reload();
    } catch {
      setMessage({ tone: 'warn', text: `'${file.name}' could not be read as an Evoke history file. Nothing was changed.` });
    }
  };

  const labels = rows.map((_, i) => String(i + 1));
  const seriesFor = (id: string) => [
    { name: 'Practice', values: rows.map((r) => (r.session.mode === 'practice' ? figure(r.report, id) : null)), colour: 'var(--mantine-color-teal-7)' },
    { name: 'Assessment', values: rows.map((r) => (r.session.mode === 'assessment' ? figure(r.report, id) : null)), colour: 'var(--mantine-color-blue-7)', dashed: true },
  ];

  return (
    <>
      <AppHeader />
      <Container size="lg" py="lg" component="main">
        <Stack gap="lg">
          <Title order={1}>Your progress</Title>
          <Text size="sm">Instructors: <Anchor component={Link} href="/results">collect handed-in assessments</Anchor>.</Text>
          <Text maw={760}>Every finished conversation is kept here, on this device only. Browsers may clear site data to free space{persisted ? '' : ', and this browser has not promised to keep it'}: export your history now and then to keep it safe.</Text>
          {!history && <Loader aria-label="Loading your history" />}
          {history?.error && <Alert color="orange" role="alert">{history.error}</Alert>}
          {history && history.damaged > 0 && (
            <Alert color="orange" role="alert" title="Some saved sessions could not be read">
              <Stack gap="xs">
                <Text size="sm">{history.damaged} stored session{history.damaged === 1 ? ' is' : 's are'} damaged or from an older version and {history.damaged === 1 ? 'is' : 'are'} not shown. Everything else is intact.</Text>
                <Button size="xs" variant="default" w="fit-content" onClick={() => void removeDamaged().then(reload)}>Remove the damaged entries</Button>
              </Stack>
            </Alert>
          )}
          {message && <Alert color={message.tone === 'ok' ? 'teal' : 'orange'} role="status">{message.text}</Alert>}
          <Group>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} disabled={!rows.length} onClick={() => downloadText(`evoke-history-${fileStamp(new Date().toISOString())}.json`, JSON.stringify(historyFile(rows.map((r) => r.session)), null, 2), 'application/json')}>
              Export history
            </Button>
            <FileButton onChange={importFile} accept=".json,application/json">
              {(props) => <Button {...props} variant="default" leftSection={<IconFileUpload size={16} aria-hidden />}>Import history</Button>}
            </FileButton>
            <Button variant="default" leftSection={<IconTrash size={16} aria-hidden />} disabled={!rows.length} onClick={() => setConfirmClear(true)}>Clear history</Button>
          </Group>

          {history && rows.length === 0 && !history.error && (
            <Card withBorder padding="lg"><Text>No finished conversations yet. <Anchor component={Link} href="/">Pick a client in the library</Anchor> and play to an ending.</Text></Card>
          )}

          {rows.length > 0 && (
            <>
              <Card withBorder padding="lg" component="section" aria-labelledby="trend-title">
                <Title order={2} size="h3" id="trend-title">Across your sessions</Title>
                <Text size="sm" c="dimmed" mb="sm">Practice and assessment sessions are drawn separately. The dotted lines are the MITI fair and good levels, a guide rather than a verdict when you choose among written responses.</Text>
                <LineChart title="Reflections per question" description="R:Q for each session, with the MITI fair (1:1) and good (2:1) levels." xLabels={labels} series={seriesFor('rq')} min={0} max={4} thresholds={[{ label: 'fair 1:1', value: 1 }, { label: 'good 2:1', value: 2 }]} />
                <LineChart title="Percent complex reflections" description="%CR for each session, with the MITI fair (40%) and good (50%) levels." xLabels={labels} series={seriesFor('pct_cr')} min={0} max={100} thresholds={[{ label: 'fair 40%', value: 40 }, { label: 'good 50%', value: 50 }]} />
                <LineChart title="Percent MI-adherent" description="MI-adherent share of adherent and non-adherent responses, with the MITI 3 fair (90%) and good (100%) levels." xLabels={labels} series={seriesFor('pct_adherent')} min={0} max={100} thresholds={[{ label: 'fair 90%', value: 90 }, { label: 'good 100%', value: 100 }]} />
                <Text size="sm" mt="sm">The codes you lean on: {topCodes(totals, 4).map((t) => `${t.name} (${t.count})`).join(', ')}.</Text>
              </Card>

              <section aria-labelledby="sessions-title">
                <Title order={2} size="h3" id="sessions-title" mb="sm">Sessions</Title>
                <Table.ScrollContainer minWidth={560}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr><Table.Th>#</Table.Th><Table.Th>When</Table.Th><Table.Th>Client</Table.Th><Table.Th>Mode</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>R:Q</Table.Th><Table.Th>Report</Table.Th></Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r, i) => (
                        <Table.Tr key={r.session.id}>
                          <Table.Td>{i + 1}</Table.Td>
                          <Table.Td>{new Date(r.session.endedAt).toLocaleString()}</Table.Td>
                          <Table.Td>{r.session.clientName}</Table.Td>
                          <Table.Td>{r.session.mode === 'practice' ? 'Practice' : 'Assessment'}</Table.Td>
                          <Table.Td>{r.report.outcome ? OUTCOME_WORDS[r.report.outcome.outcome as keyof typeof OUTCOME_WORDS]?.label : r.session.endingId}</Table.Td>
                          <Table.Td>{r.report.figures[0]!.display}</Table.Td>
                          <Table.Td><Anchor component={Link} href={`/report/${encodeURIComponent(r.session.id)}`}>Open<span className="visually-hidden"> the report of session {i + 1}</span></Anchor></Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </section>
            </>
          )}
        </Stack>
      </Container>
      <Modal opened={confirmClear} onClose={() => setConfirmClear(false)} title={<Text fw={700}>Clear your whole history?</Text>} closeButtonProps={{ 'aria-label': 'Keep my history' }}>
        <Stack>
          <Text>All {rows.length} finished sessions will be deleted from this device. Export first if you may want them later.</Text>
          <Group>
            <Button color="orange" onClick={() => void clearHistory().then(() => { setConfirmClear(false); setMessage({ tone: 'ok', text: 'Your history was cleared.' }); reload(); })}>Delete all</Button>
            <Button variant="default" onClick={() => setConfirmClear(false)}>Keep it</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
