import { Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { PreviewStart } from '../../core/engine/replayOnEdit.ts';
import type { Scenario } from '../../core/scenario/types.ts';

/** "Test from here": any node, any meter values, without playing up to it. */
export function TestFromHere({ scenario, current, onStart }: { scenario: Scenario; current: PreviewStart | undefined; onStart: (from: PreviewStart) => void }) {
  const nodes = Object.keys(scenario.nodes);
  const [node, setNode] = useState<string | null>(current?.node ?? null);
  const [meters, setMeters] = useState<Record<string, number>>(() => Object.fromEntries(scenario.meters.map((m) => [m.id, current?.meters[m.id] ?? m.start])));
  const chosen = node && scenario.nodes[node] ? node : null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="test-from-here">
      <Stack gap="xs">
        <Text id="test-from-here" fw={600} size="sm">Test from here</Text>
        <Group gap="sm" align="flex-end">
          <Select label="Node" data={nodes} value={chosen} onChange={setNode} searchable placeholder="Choose a node" w={200} allowDeselect={false} />
          {scenario.meters.map((m) => (
            <NumberInput
              key={m.id}
              label={m.id}
              min={m.min}
              max={m.max}
              clampBehavior="strict"
              allowDecimal={false}
              value={meters[m.id] ?? m.start}
              onChange={(v) => setMeters((s) => ({ ...s, [m.id]: typeof v === 'number' ? v : m.start }))}
              w={90}
            />
          ))}
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} disabled={!chosen} onClick={() => chosen && onStart({ node: chosen, meters })}>
            Start here
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
