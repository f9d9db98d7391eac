import { Alert, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { HISTORY_VERSION, type FinishedSession } from '../../core/engine/history.ts';
import type { Mode, SessionStep } from '../../core/engine/interactionMachine.ts';
import type { Turn } from '../../core/engine/turn.ts';
import type { Ending, Scenario } from '../../core/scenario/types.ts';
import { saveFinished } from '../history/historyStore.ts';
import { HandInButton } from '../report/HandInButton.tsx';
import { OUTCOME_WORDS } from './describe.ts';

const ReportView = lazy(() => import('../report/ReportView.tsx'));

interface Props {
  scenario: Scenario;
  ending: Ending;
  turns: readonly Turn[];
  mode: Mode;
  startedAt: string;
  steps: readonly SessionStep[];
  onAgain: () => void;
}

export function EndingView({ scenario, ending, turns, mode, startedAt, steps, onAgain }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const outcome = OUTCOME_WORDS[ending.outcome];
  const session = useMemo<FinishedSession>(
    () => ({
      version: HISTORY_VERSION,
      // The start time identifies the session: saving it again (a reload at the ending) overwrites, never duplicates.
      id: `${scenario.id}@${startedAt}`,
      scenarioId: scenario.id,
      scenarioHash: scenario.hash,
      scenarioTitle: scenario.title,
      clientName: scenario.client.name,
      mode,
      startedAt,
      endedAt: new Date().toISOString(),
      endingId: ending.id,
      turns: [...turns],
    }),
    [scenario, ending, turns, mode, startedAt],
  );
  const [saved, setSaved] = useState<boolean | null>(null);
  useEffect(() => {
    void saveFinished(session).then(setSaved);
  }, [session]);

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="ending-title">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">The conversation has ended</Text>
          <Title order={1} size="h2" id="ending-title" ref={heading} tabIndex={-1}>{ending.title}</Title>
          <Text><Text span fw={600}>Outcome:</Text> {outcome.label}. {outcome.note}</Text>
          {ending.client && (
            <div className="bubble bubble-client">
              <Text size="xs" fw={600} c="dimmed">{scenario.client.name}</Text>
              {ending.client.cue && <Text size="sm" fs="italic" c="dimmed">({ending.client.cue})</Text>}
              <Text>{ending.client.say}</Text>
            </div>
          )}
          <Title order={2} size="h4">Debrief</Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{ending.debrief}</Text>
          {ending.learning.length > 0 && (
            <>
              <Title order={2} size="h4">Learning points</Title>
              <List spacing="xs">{ending.learning.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>
            </>
          )}
          <Alert variant="light" color="gray" role="note">The outcome is not a score: a client who says “not yet” after a respectful conversation is a good result.</Alert>
          {saved === false && <Alert color="orange" role="alert">This session could not be saved to your progress in this browser. Download the turn log below to keep it.</Alert>}
          {saved && <Text size="sm" c="dimmed" className="no-print">Saved to <Link href="/progress">your progress</Link> on this device.</Text>}
          {mode === 'assessment' && <HandInButton session={session} steps={steps} scenario={scenario} />}
          <Group className="no-print">
            <Button onClick={onAgain}>Practise this client again</Button>
            <Button component={Link} href="/" variant="default">Back to the library</Button>
          </Group>
        </Stack>
      </Card>
      <Suspense fallback={<Loader aria-label="Loading the report" />}>
        <ReportView session={session} scenario={scenario} />
      </Suspense>
    </Stack>
  );
}
