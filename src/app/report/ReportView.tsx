import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useMemo } from 'react';
import { CODE_INFO, RESPONSE_CODES } from '../../core/coding/codes.ts';
import { turnsToCsv } from '../../core/coding/exportTurns.ts';
import { buildReport, MIN_CODED_FOR_LEVELS, topCodes, type ReportScenario } from '../../core/coding/report.ts';
import type { FinishedSession } from '../../core/engine/history.ts';
import { CategoryMark } from '../player/CategoryMark.tsx';
import { codeNames, TALK_WORDS } from '../player/describe.ts';
import { downloadText, fileStamp } from './download.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { LineChart } from './LineChart.tsx';
import { TypedTurnsCard } from './TypedTurnsCard.tsx';

const METER_COLOURS = ['var(--mantine-color-teal-7)', 'var(--mantine-color-blue-7)', 'var(--mantine-color-orange-7)', 'var(--mantine-color-grape-7)', 'var(--mantine-color-gray-7)'];

/** The session report: computed from the Turn log alone, explained in plain words. */
export default function ReportView({ session, scenario }: { session: FinishedSession; scenario: ReportScenario | null }) {
  const source: ReportScenario = useMemo(() => scenario ?? { id: session.scenarioId, hash: session.scenarioHash, meters: [], endings: {} }, [scenario, session]);
  const report = useMemo(() => buildReport(source, session.turns, session.endingId), [source, session]);
  const base = `evoke-${session.scenarioId}-${fileStamp(session.endedAt)}`;
  const lean = topCodes(report.codeCounts, 3);
  const half = Math.ceil(report.clientTalk.length / 2);
  // Discord pulls away from change as much as sustain talk does.
  const balance = (part: typeof report.clientTalk) => part.filter((c) => c.talk === 'change').length - part.filter((c) => c.talk !== 'change' && c.talk !== 'neutral').length;
  const early = balance(report.clientTalk.slice(0, half));
  const late = balance(report.clientTalk.slice(half));

  return (
    <Stack gap="lg" className="report">
      <Group justify="space-between" align="flex-end" className="no-print">
        <Title order={2} size="h3">Your session report</Title>
        <Group gap="xs">
          <Button variant="default" size="sm" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>Print or save as PDF</Button>
          <Button variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => downloadText(`${base}.csv`, turnsToCsv(session.turns), 'text/csv')}>Turn log (CSV)</Button>
          <Button variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => downloadText(`${base}.json`, JSON.stringify({ session, report: { ...report, timeline: undefined } }, null, 2), 'application/json')}>Turn log (JSON)</Button>
        </Group>
      </Group>
      <Text className="print-only" fw={700}>{session.scenarioTitle}: {session.mode} session, {new Date(session.endedAt).toLocaleString()}</Text>

      <Card withBorder padding="lg" component="section" aria-labelledby="figures-title">
        <Title order={3} size="h4" id="figures-title" mb="xs">Your MI skills in this conversation</Title>
        <Text size="sm" mb="sm">
          {report.responses} response{report.responses === 1 ? '' : 's'} counted{report.retracted ? `; ${report.retracted} you took back are not counted` : ''}.
        </Text>
        <FiguresTable figures={report.figures} valueHeading="Yours" minWidth={520} withSources colourLevels />
        <List size="sm" mt="sm" spacing={4}>
          {report.figures.filter((f) => f.level).map((f) => <List.Item key={f.id}>{f.words}</List.Item>)}
        </List>
        <Text size="xs" c="dimmed" mt="sm">
          The fair and good levels come from coding real conversations of about 20 minutes (MITI). Here you chose among written responses, so they are a guide, not a verdict, and they are shown only after {MIN_CODED_FOR_LEVELS} coded responses. Evoke does not estimate MITI global scores.
        </Text>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="codes-title">
        <Title order={3} size="h4" id="codes-title" mb="xs">What you said</Title>
        <Group gap="lg" mb="sm">
          <span><CategoryMark category="consistent" size="sm" /> {report.categories.consistent}</span>
          <span><CategoryMark category="neutral" size="sm" /> {report.categories.neutral}</span>
          <span><CategoryMark category="inconsistent" size="sm" /> {report.categories.inconsistent}</span>
        </Group>
        <Text size="sm">
          Reflections {report.reflections} ({report.complexReflections} complex) · questions {report.questions} ({report.openQuestions} open) · MI-adherent {report.adherent} · MI non-adherent {report.nonAdherent}
        </Text>
        {report.typed > 0 && <Text size="sm" mt={4}>{report.typed} of these you typed; they are counted with the coder's codes.</Text>}
        {lean.length > 0 && <Text size="sm" mt={4}>You leaned most on: {lean.map((l) => `${l.name} (${l.count})`).join(', ')}.</Text>}
        <details className="chart-data">
          <summary>Every code</summary>
          <List size="sm">{RESPONSE_CODES.filter((c) => report.codeCounts[c] > 0).map((c) => <List.Item key={c}>{CODE_INFO[c].name}: {report.codeCounts[c]}</List.Item>)}</List>
        </details>
      </Card>

      <TypedTurnsCard turns={session.turns} />

      <Card withBorder padding="lg" component="section" aria-labelledby="client-title">
        <Title order={3} size="h4" id="client-title" mb="xs">The client's side</Title>
        <Text size="sm">
          Change talk {report.talkCounts.change} · sustain talk {report.talkCounts.sustain} · discord {report.talkCounts.discord} · neutral {report.talkCounts.neutral}
        </Text>
        <Text size="sm" mt={4}>
          {late > early ? 'The balance moved toward change as the conversation went on.' : late < early ? 'The balance moved away from change as the conversation went on.' : 'The balance between change and sustain talk held steady.'}
        </Text>
        <ol className="talk-strip print-hide" aria-label="The client's talk, in order">
          {report.clientTalk.map((c, i) => <li key={i} className={`talk talk-${c.talk}`} title={TALK_WORDS[c.talk]}>{TALK_WORDS[c.talk]}</li>)}
        </ol>
        {source.meters.length > 0 && (
          <LineChart
            title="How the client's state moved"
            description={`The meters after each of your ${report.responses} responses.`}
            xLabels={report.meterTrajectory.map((_, i) => (i === 0 ? 'start' : String(i)))}
            series={source.meters.map((m, i) => ({ name: `${m.label}${m.higherIs === 'worse' ? ' (higher is worse)' : ''}`, values: report.meterTrajectory.map((t) => t[m.id] ?? null), colour: METER_COLOURS[i % METER_COLOURS.length]!, dashed: m.higherIs === 'worse' }))}
            min={Math.min(...source.meters.map((m) => m.min))}
            max={Math.max(...source.meters.map((m) => m.max))}
          />
        )}
      </Card>

      <section aria-labelledby="timeline-title">
        <Title order={3} size="h4" id="timeline-title" mb="sm">Turn by turn</Title>
        <Text size="xs" c="dimmed" className="print-only">The MI-consistent alternatives at each turn are in the on-screen report and the JSON download.</Text>
        <ol className="timeline" aria-label="Turn by turn">
          {report.timeline.map(({ turn, alternatives, meterChanges }, i) => (
            <li key={i} className={turn.retracted ? 'timeline-retracted' : undefined}>
              <Text size="sm" c="dimmed">{session.clientName} ({TALK_WORDS[turn.client.talk]}): “{turn.client.say}”</Text>
              <Text>
                {turn.retracted && <Badge variant="outline" color="gray" size="sm" mr={6}>Taken back</Badge>}
                You: “{turn.chosen.say}”
              </Text>
              <Group gap="sm">
                <Text size="sm">{codeNames(turn.chosen.codes)}{turn.typed ? ' (typed; the coder\'s code)' : ''}</Text>
                <CategoryMark category={turn.chosen.category} size="sm" />
              </Group>
              {turn.typed?.intended && <Text size="sm">You meant it as: {CODE_INFO[turn.typed.intended].name}</Text>}
              {meterChanges.length > 0 && <Text size="sm">{meterChanges.map((m) => `${m.label} ${m.before} → ${m.after}`).join('; ')}</Text>}
              {turn.reply && <Text size="sm" c="dimmed" className="print-hide">{session.clientName} replied: “{turn.reply.say}”</Text>}
              {alternatives.length > 0 && (
                <Text size="sm" mt={4} className="print-hide">
                  MI-consistent responses that were available: {alternatives.map((a) => `“${a.say}” (${codeNames(a.codes)})`).join('; ')}
                </Text>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Stack>
  );
}
