import { Alert, Button, Center, Container, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { AppHeader } from '../components/AppHeader.tsx';
import type { ScenarioSource } from '../library/scenarioSources.ts';
import { Conversation } from '../player/Conversation.tsx';
import { StartPanel } from '../player/StartPanel.tsx';
import { usePlayerSession } from '../player/usePlayerSession.ts';

export default function PlayPage({ source, id }: { source: ScenarioSource; id: string }) {
  const { state, start, continueReplayed, restart } = usePlayerSession({ source, id });
  const [slot, setSlot] = useState<HTMLElement | null>(null);

  return (
    <>
      <AppHeader>
        <div ref={setSlot} className="header-slot" />
      </AppHeader>
      <Container size="lg" py="lg" component="main">
        {state.kind === 'loading' && (
          <Center h="50vh"><Loader aria-label="Loading the scenario" /></Center>
        )}
        {state.kind === 'error' && (
          <Alert color="orange" title="This scenario cannot be opened" role="alert">
            <Stack gap="sm">
              <Text>{state.message}</Text>
              <Button component={Link} href="/" w="fit-content">Back to the library</Button>
            </Stack>
          </Alert>
        )}
        {state.kind === 'start' && <StartPanel scenario={state.scenario} notice={state.notice} onStart={(mode) => start(state.scenario, mode)} />}
        {state.kind === 'changed' && (
          <Alert color="orange" title="This scenario has changed since you started" role="alert" maw={760} mx="auto">
            <Stack gap="sm">
              {state.replay.stoppedAt ? (
                <Text>
                  Your conversation could be followed for {state.replay.replayed} of {state.replay.total} steps on the new version; then it no longer fits ({state.replay.stoppedAt.reason}).
                </Text>
              ) : (
                <Text>All {state.replay.total} of your steps still fit the new version.</Text>
              )}
              <Group>
                <Button onClick={() => restart(state.scenario)}>Start fresh</Button>
                {state.replay.replayed > 0 && (
                  <Button variant="default" onClick={() => continueReplayed(state.scenario, state.replay)}>
                    Continue from step {state.replay.replayed}
                  </Button>
                )}
              </Group>
            </Stack>
          </Alert>
        )}
        {state.kind === 'playing' && (
          <Conversation key={state.startedAt} scenario={state.scenario} actor={state.actor} onRestart={() => restart(state.scenario)} startedAt={state.startedAt} controlsSlot={slot} />
        )}
      </Container>
    </>
  );
}
