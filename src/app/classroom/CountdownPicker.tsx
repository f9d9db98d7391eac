// The vote countdown, chosen with one tap: off, or a few lengths a facilitator actually uses.
// Radio chips in a fieldset, so arrow keys move between them and a screen reader names the group.
import { Chip, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { COUNTDOWN_CHOICES, countdownSpoken, countdownWords } from './useCountdown.ts';

const OFF = 'off';

interface Props {
  seconds: number | null;
  onChange: (seconds: number | null) => void;
  label?: string;
  description?: string;
  size?: 'xs' | 'sm' | 'md';
}

export function CountdownPicker({ seconds, onChange, label = 'Vote countdown', description, size = 'sm' }: Props) {
  const name = useId();
  // A length chosen before these choices existed stays on offer rather than silently changing.
  const choices: number[] = seconds !== null && !(COUNTDOWN_CHOICES as readonly number[]).includes(seconds) ? [...COUNTDOWN_CHOICES, seconds].sort((a, b) => a - b) : [...COUNTDOWN_CHOICES];
  return (
    <fieldset className="countdown-picker">
      <legend>
        <Text component="span" size="sm" fw={500}>{label}</Text>
      </legend>
      {description && <Text size="xs" c="dimmed" mb={6}>{description}</Text>}
      <Chip.Group value={seconds === null ? OFF : String(seconds)} onChange={(v) => onChange(v === OFF ? null : Number(v))}>
        <Group gap={6}>
          <Chip value={OFF} name={name} size={size} variant="outline">Off</Chip>
          {choices.map((s) => (
            <Chip key={s} value={String(s)} name={name} size={size} variant="outline" aria-label={countdownSpoken(s)}>
              {countdownWords(s)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </fieldset>
  );
}
