import { Alert, Button, Card, List, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { Mode } from '../../core/engine/interactionMachine.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { readTypingPreference, writeTypingPreference } from './freeText/preference.ts';

/** Before starting: who the client is, the content notes, and practice or assessment. */
export function StartPanel({ scenario, notice, onStart }: { scenario: Scenario; notice?: string; onStart: (mode: Mode) => void }) {
  const [mode, setMode] = useState<Mode>('practice');
  const [typing, setTyping] = useState(readTypingPreference);
  const c = scenario.client;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="start-title" maw={760} mx="auto">
      <Stack gap="md">
        {notice && <Alert color="orange" role="alert">{notice}</Alert>}
        <Title order={1} size="h2" id="start-title">{scenario.title}</Title>
        <Text>
          <Text span fw={600}>{c.name}</Text>, {c.age}{c.pronouns ? ` (${c.pronouns})` : ''}. {c.situation} Weighing: {c.weighing}.
        </Text>
        {c.background && <Text>{c.background}</Text>}
        <Alert variant="light" color="orange" title="Content notes" role="note">
          <Text size="sm">This conversation refers to: {scenario.contentNotes.join('; ')}. Nothing is described in detail. You can pause or leave at any time.</Text>
        </Alert>
        {scenario.objectives.length > 0 && (
          <div>
            <Text fw={600}>You will practise</Text>
            <List size="sm" spacing={2}>{scenario.objectives.map((o) => <List.Item key={o}>{o}</List.Item>)}</List>
          </div>
        )}
        <Radio.Group value={mode} onChange={(v) => setMode(v as Mode)} label="How do you want to practise?" labelProps={{ fw: 600 }}>
          <Stack gap="sm" mt="xs">
            <Radio value="practice" label="Practice" description="Feedback after every response, the client's state shown, and the chance to try another response." />
            <Radio value="assessment" label="Assessment" description="No feedback, no retries and no meters until the end, as in a real conversation." />
          </Stack>
        </Radio.Group>
        <Switch
          checked={typing}
          onChange={(e) => {
            setTyping(e.currentTarget.checked);
            writeTypingPreference(e.currentTarget.checked);
          }}
          label="Type my own responses"
          description="Write what you would say instead of picking. Evoke names its MI skill on this device; nothing you type is sent anywhere. You can switch at any turn."
          labelPosition="right"
        />
        <Button size="md" leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => onStart(mode)} w="fit-content">
          Start the conversation
        </Button>
      </Stack>
    </Card>
  );
}
