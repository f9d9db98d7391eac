import { Alert, Button, Container, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { csvCell } from '../../core/coding/exportTurns.ts';
import { parseHandIn, verifyHandIn, type HandIn, type Verdict } from '../../core/coding/handIn.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { loadScenario } from '../library/scenarioSources.ts';
import { OUTCOME_WORDS } from '../player/describe.ts';
import { downloadText } from '../report/download.ts';

interface Row {
  file: string;
  handIn: HandIn | null;
  verdict: Verdict;
}


/** For instructors: many hand-in files at once, each replayed against the scenario. */
export default function ResultsPage() {
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);

  const importFiles = async (files: File[]) => {
    setBusy(true);
    const next: Row[] = [];
    for (const file of files) {
      let handIn: HandIn | null;
      try {
        handIn = parseHandIn(JSON.parse(await file.text()));
      } catch {
        handIn = null;
      }
      if (!handIn) {
        next.push({ file: file.name, handIn: null, verdict: { status: 'flagged', reason: 'not an Evoke hand-in file' } });
        continue;
      }
      const loaded = await loadScenario({ source: 'library', id: handIn.scenarioId });
      next.push({ file: file.name, handIn, verdict: loaded.ok ? verifyHandIn(loaded.scenario, handIn) : { status: 'flagged', reason: `scenario '${handIn.scenarioId}' is not in this library` } });
    }
    setRows((r) => [...r, ...next]);
    setBusy(false);
  };

  const figure = (row: Row, id: string) => row.verdict.report?.figures.find((f) => f.id === id)?.display ?? '—';
  const csv = () => {
    const head = ['trainee', 'file', 'scenario', 'status', 'reason', 'ending', 'responses', 'rq', 'pct_cr', 'pct_open', 'pct_adherent'];
    const body = rows.map((r) =>
      [r.handIn?.trainee ?? '', r.file, r.handIn?.scenarioId ?? '', r.verdict.status, r.verdict.status === 'flagged' ? r.verdict.reason : '', r.verdict.report?.outcome?.endingId ?? '', String(r.verdict.report?.responses ?? ''), figure(r, 'rq'), figure(r, 'pct_cr'), figure(r, 'pct_open'), figure(r, 'pct_adherent')].map(csvCell).join(','),
    );
    downloadText('evoke-results.csv', [head.join(','), ...body].join('\r\n') + '\r\n', 'text/csv');
  };

  return (
    <>
      <AppHeader />
      <Container size="lg" py="lg" component="main">
        <Stack gap="md">
          <Title order={1}>Results of handed-in assessments</Title>
          <Text maw={760}>For instructors: open the hand-in files your trainees sent you (several at once). Each file's choices are replayed against the scenario here, and only the figures that replay are shown; a file that does not replay, or whose claims differ, is flagged. Nothing is uploaded.</Text>
          <Group>
            <FileButton onChange={(f) => void importFiles(f)} accept=".json,application/json" multiple>
              {(props) => <Button {...props} variant="outline" loading={busy} leftSection={<IconFileUpload size={16} aria-hidden />}>Open hand-in files</Button>}
            </FileButton>
            <Button variant="default" disabled={!rows.length} leftSection={<IconDownload size={16} aria-hidden />} onClick={csv}>Download as CSV</Button>
          </Group>
          {rows.some((r) => r.verdict.status === 'flagged') && <Alert color="orange" role="status">{rows.filter((r) => r.verdict.status === 'flagged').length} file(s) flagged: their figures are not confirmed.</Alert>}
          {rows.length > 0 && (
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label="Results">
                <Table.Thead>
                  <Table.Tr><Table.Th>Trainee</Table.Th><Table.Th>Scenario</Table.Th><Table.Th>Check</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Responses</Table.Th><Table.Th>R:Q</Table.Th><Table.Th>%CR</Table.Th><Table.Th>% open</Table.Th><Table.Th>% MI-adherent</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.handIn?.trainee ?? r.file}</Table.Td>
                      <Table.Td>{r.handIn?.scenarioTitle ?? '—'}</Table.Td>
                      <Table.Td>{r.verdict.status === 'verified' ? <Text span fw={600} className="category-consistent">Verified</Text> : <Text span fw={600} className="category-inconsistent">Flagged: {r.verdict.reason}</Text>}</Table.Td>
                      <Table.Td>{r.verdict.report?.outcome ? OUTCOME_WORDS[r.verdict.report.outcome.outcome as keyof typeof OUTCOME_WORDS].label : '—'}</Table.Td>
                      <Table.Td>{r.verdict.report?.responses ?? '—'}</Table.Td>
                      <Table.Td>{figure(r, 'rq')}</Table.Td>
                      <Table.Td>{figure(r, 'pct_cr')}</Table.Td>
                      <Table.Td>{figure(r, 'pct_open')}</Table.Td>
                      <Table.Td>{figure(r, 'pct_adherent')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Container>
    </>
  );
}
