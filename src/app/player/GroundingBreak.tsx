import { Button, List, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';

// Exercises that work with eyes open: breath focus distresses some survivors, so none of these
// centres the breath or asks the trainee to close their eyes.
const EXERCISES = {
  senses: {
    label: '5-4-3-2-1',
    steps: ['Name five things you can see around you.', 'Four things you can feel: your feet on the floor, the chair, your clothes.', 'Three things you can hear.', 'Two things you can smell, or two smells you like.', 'One thing you can taste, or one kind thing to say to yourself.'],
  },
  room: {
    label: 'Describe the room',
    steps: ['Pick an object near you and describe it in detail: colour, shape, texture.', 'Find every blue thing you can see.', 'Read the time, the date, and where you are, out loud or in your head.'],
  },
  body: {
    label: 'Feet and hands',
    steps: ['Press your feet into the floor and notice the pressure.', 'Hold something with a texture, or something cool, and notice how it feels.', 'Stretch your fingers wide, then let them rest.'],
  },
} as const;

export default function GroundingBreak({ onResume, clientName }: { onResume: () => void; clientName: string }) {
  const [exercise, setExercise] = useState<keyof typeof EXERCISES>('senses');
  return (
    <Modal opened onClose={onResume} title={<Text fw={700} size="lg">Paused</Text>} size="lg" closeButtonProps={{ 'aria-label': 'Resume the conversation' }}>
      <Stack gap="md">
        <Text>Take the time you need. {clientName} will wait, and your place is saved.</Text>
        <Text fw={600} id="grounding-label">A grounding exercise, if it helps</Text>
        <SegmentedControl
          aria-labelledby="grounding-label"
          value={exercise}
          onChange={(v) => setExercise(v as keyof typeof EXERCISES)}
          data={Object.entries(EXERCISES).map(([value, e]) => ({ value, label: e.label }))}
          fullWidth
        />
        <List type="ordered" spacing="xs">
          {EXERCISES[exercise].steps.map((s) => <List.Item key={s}>{s}</List.Item>)}
        </List>
        <Text size="sm" c="dimmed">Support contacts are under “Support” at the top of every screen.</Text>
        <Button onClick={onResume} w="fit-content">Resume the conversation</Button>
      </Stack>
    </Modal>
  );
}
