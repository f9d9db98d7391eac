import { Alert, Button, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { FinishedSession } from '../../core/engine/history.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { readHistory } from '../history/historyStore.ts';
import { loadScenario } from '../library/scenarioSources.ts';
import { OUTCOME_WORDS } from '../player/describe.ts';
import ReportView from '../report/ReportView.tsx';

/** A past session's report, opened again from the progress page. */
export default function ReportPage({ id }: { id: string }) {
  const [state, setState] = useState<{ session: FinishedSession; scenario: Scenario | null } | 'loading' | 'missing'>('loading');
  useEffect(() => {
    void (async () => {
      const { sessions } = await readHistory();
      const session = sessions.find((s) => s.id === id);
      if (!session) return setState('missing');
      const loaded = await loadScenario({ source: 'library', id: session.scenarioId });
      setState({ session, scenario: loaded.ok ? loaded.scenario : null });
    })();
  }, [id]);
  return (
    <>
      <AppHeader />
      <Container size="lg" py="lg" component="main">
        {state === 'loading' && <Loader aria-label="Loading the report" />}
        {state === 'missing' && (
          <Alert color="orange" role="alert" title="This session is not in your history">
            <Button component={Link} href="/progress" mt="sm">Your progress</Button>
          </Alert>
        )}
        {typeof state === 'object' && (
          <Stack gap="md">
            <Title order={1} size="h2">{state.session.scenarioTitle}</Title>
            <Text>
              {state.session.mode === 'practice' ? 'Practice' : 'Assessment'} session, {new Date(state.session.endedAt).toLocaleString()}.{' '}
              {state.scenario?.endings[state.session.endingId] && `Outcome: ${OUTCOME_WORDS[state.scenario.endings[state.session.endingId]!.outcome].label}, “${state.scenario.endings[state.session.endingId]!.title}”.`}
            </Text>
            <ReportView session={state.session} scenario={state.scenario} />
          </Stack>
        )}
      </Container>
    </>
  );
}
