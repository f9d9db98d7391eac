// The class report at the end of a session (issue 7): the path the class took, how it voted at
// each turn, the share of MI-consistent choices and the MITI figures for the path, with a CSV.
// Built by core/classroom/classReport.ts from the room's rounds and Turn log; no one's vote.
import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useMemo } from 'react';
import { buildClassReport, classReportCsv, type ConsistentShare, type PlayedRoom } from '../../core/classroom/classReport.ts';
import { CODE_INFO } from '../../core/coding/codes.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { CategoryMark } from '../player/CategoryMark.tsx';
import { OUTCOME_WORDS } from '../player/describe.ts';
import { downloadText, fileStamp } from '../report/download.ts';
import { FiguresTable } from '../report/FiguresTable.tsx';
import { voteShare } from './RevealView.tsx';

function percent(s: ConsistentShare): string {
  return s.share === null ? '–' : `${Math.round(s.share * 100)}%`;
}

function ShareCard({ title, share, unit }: { title: string; share: ConsistentShare; unit: string }) {
  return (
    <Card withBorder padding="md" className="share-card">
      <Text fw={600}>{title}</Text>
      <Text className="share-figure">{percent(share)}</Text>
      <Text size="sm">
        {share.total === 0 ? `No ${unit}s yet.` : `${share.consistent} of ${share.total} ${unit}${share.total === 1 ? '' : 's'} MI-consistent; ${share.neutral} neutral, ${share.inconsistent} MI-inconsistent.`}
      </Text>
    </Card>
  );
}

export function ClassReportView({ scenario, played, code }: { scenario: Scenario; played: PlayedRoom; code: string }) {
  const report = useMemo(() => buildClassReport(scenario, played), [scenario, played]);
  const ending = report.outcome ? scenario.endings[report.outcome.endingId] : undefined;
  const download = () => downloadText(`evoke-class-${scenario.id}-${code}-${fileStamp(new Date().toISOString())}.csv`, classReportCsv(report), 'text/csv');
  return (
    <Stack gap="lg" className="class-report" component="section" aria-labelledby="class-report-title">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} id="class-report-title">Class report</Title>
          <Text>
            {report.scenarioTitle}: {report.turns.length} turn{report.turns.length === 1 ? '' : 's'}
            {ending ? `, ending “${ending.title}” (${OUTCOME_WORDS[ending.outcome].label})` : ', stopped before an ending'}.
            {report.hostPicks > 0 && ` The facilitator picked the response at ${report.hostPicks} turn${report.hostPicks === 1 ? '' : 's'}.`}
          </Text>
        </div>
        <Group gap="xs" className="no-print">
          <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={download}>Download the class report (CSV)</Button>
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>Print</Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ShareCard title="The path the class took" share={report.path} unit="response" />
        <ShareCard title="All the votes cast" share={report.votes} unit="vote" />
      </SimpleGrid>

      <section aria-labelledby="path-title">
        <Title order={3} id="path-title" mb="sm">Turn by turn</Title>
        {report.turns.length === 0 && <Text>No turn was taken.</Text>}
        <ol className="class-path">
          {report.turns.map((t) => (
            <li key={t.turn} className="class-turn">
              {t.client && <Text c="dimmed">{scenario.client.name}: “{t.client.say}”</Text>}
              <Text fw={600}>
                The class said ({t.by === 'votes' ? 'most voted' : 'facilitator’s pick'}): “{t.chosen.say}”
              </Text>
              <Group gap="sm">
                <CategoryMark category={t.chosen.category} size="sm" />
                <Text size="sm">{t.chosen.codes.map((c) => CODE_INFO[c].name).join(' + ')}</Text>
              </Group>
              <Table.ScrollContainer minWidth={360}>
                <Table className="votes-table" verticalSpacing={4} withTableBorder={false}>
                  <Table.Caption>Votes at turn {t.turn}: {t.totalVotes === 0 ? 'nobody voted' : `${t.totalVotes} in all`}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Response</Table.Th>
                      <Table.Th scope="col">Category</Table.Th>
                      <Table.Th scope="col">Votes</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {t.options.map((o) => (
                      <Table.Tr key={o.id} className={o.chosen ? 'votes-chosen' : undefined}>
                        <Table.Th scope="row" fw={o.chosen ? 700 : 400}>
                          {o.index + 1}. {o.say}
                          {o.chosen && <Text span fw={700}> (taken)</Text>}
                        </Table.Th>
                        <Table.Td><CategoryMark category={o.category} size="sm" /></Table.Td>
                        <Table.Td>
                          <div className="mini-bar-cell">
                            <div className="mini-bar" aria-hidden><div className="mini-bar-fill" style={{ width: `${t.totalVotes ? (o.votes / t.totalVotes) * 100 : 0}%` }} /></div>
                            <Text size="sm" span>{voteShare(o.votes, t.totalVotes)}</Text>
                          </div>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {t.reply && <Text size="sm">{scenario.client.name} replied: “{t.reply.say}”</Text>}
            </li>
          ))}
        </ol>
      </section>

      <Card withBorder padding="lg" component="section" aria-labelledby="class-figures-title">
        <Title order={3} size="h4" id="class-figures-title" mb="xs">MI figures for the path taken</Title>
        <FiguresTable figures={report.report.figures} valueHeading="The class" minWidth={480} />
        <Text size="xs" c="dimmed" mt="sm">
          The levels come from coding real conversations (MITI). A class choosing among written responses makes them a guide for discussion, not a verdict.
        </Text>
      </Card>
    </Stack>
  );
}
