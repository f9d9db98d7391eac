import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { Turn } from '../../core/engine/turn.ts';
import type { Ending, Scenario } from '../../core/scenario/types.ts';
import { OUTCOME_WORDS } from './describe.ts';
import { Transcript } from './Transcript.tsx';

export function EndingView({ scenario, ending, turns, onAgain }: { scenario: Scenario; ending: Ending; turns: readonly Turn[]; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const outcome = OUTCOME_WORDS[ending.outcome];
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
          <Group>
            <Button onClick={onAgain}>Practise this client again</Button>
            <Button component={Link} href="/" variant="default">Back to the library</Button>
          </Group>
        </Stack>
      </Card>
      <section aria-labelledby="transcript-title">
        <Title order={2} size="h3" id="transcript-title" mb="sm">Your conversation, with the code of each response</Title>
        <Transcript clientName={scenario.client.name} turns={turns} showCodes showTalk />
      </section>
    </Stack>
  );
}
