import { Group, Stack, Text } from '@mantine/core';
import type { MeterDef, Meters } from '../../core/scenario/types.ts';
import { changeIsGood, meterChanges } from './describe.ts';

/** The client's inner state as labelled bars (ARIA meters), each with its last change. */
export function MeterPanel({ defs, meters, previous }: { defs: readonly MeterDef[]; meters: Meters; previous?: Meters }) {
  const changes = previous ? meterChanges(defs, previous, meters) : [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="meters-title">
      <Text id="meters-title" fw={600}>How the client is</Text>
      {defs.map((m) => {
        const value = meters[m.id] ?? m.start;
        const change = changes.find((c) => c.meter.id === m.id);
        const pct = ((value - m.min) / (m.max - m.min)) * 100;
        return (
          <div key={m.id}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" id={`meter-${m.id}`}>{m.label}</Text>
              <Text size="sm">
                {value} of {m.max}
                {change && (
                  <Text span size="sm" fw={700} ml={6} className={changeIsGood(change) ? 'delta-good' : 'delta-bad'}>
                    {change.after > change.before ? `+${change.after - change.before}` : change.after - change.before}
                    <span className="visually-hidden"> this turn</span>
                  </Text>
                )}
              </Text>
            </Group>
            <div
              className={`meter meter-${m.higherIs}`}
              role="meter"
              aria-labelledby={`meter-${m.id}`}
              aria-valuenow={value}
              aria-valuemin={m.min}
              aria-valuemax={m.max}
              aria-valuetext={`${value} of ${m.max}${m.higherIs === 'worse' ? ' (higher is worse)' : ''}`}
            >
              <div className="meter-fill" style={{ width: `${pct}%` }} />
            </div>
            {m.description && <Text size="xs" c="dimmed" className="meter-description">{m.description}</Text>}
          </div>
        );
      })}
    </Stack>
  );
}
