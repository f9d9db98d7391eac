import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowRight } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { CODE_INFO } from '../../core/coding/codes.ts';
import type { Turn } from '../../core/engine/turn.ts';
import type { MeterDef } from '../../core/scenario/types.ts';
import { CategoryMark, CATEGORY_COLOR } from './CategoryMark.tsx';
import { describeChange, meterChanges } from './describe.ts';

interface Props {
  turn: Turn;
  meters: readonly MeterDef[];
  clientName: string;
  onRetry: () => void;
  onContinue: () => void;
  /** Shown instead of the authored feedback: the feedback on a typed response. */
  children?: ReactNode;
}

/** After each pick in practice mode: what the response was, why, and what it did to the client. */
export function FeedbackCard({ turn, meters, clientName, onRetry, onContinue, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [turn.index]);
  const changes = meterChanges(meters, turn.metersBefore, turn.metersAfter);
  const category = turn.chosen.category;
  return (
    <Card withBorder padding="lg" className={`feedback feedback-${category}`} component="section" aria-labelledby="feedback-title" style={{ borderLeftColor: `var(--mantine-color-${CATEGORY_COLOR[category]}-6)` }}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="feedback-title" ref={heading} tabIndex={-1}>
          Feedback on your response
        </Title>
        {children ?? (
          <>
            <CategoryMark category={category} />
            <div>
              {turn.chosen.codes.map((c) => (
                <Text key={c} size="sm">
                  <Text span fw={600}>{CODE_INFO[c].name}:</Text> {CODE_INFO[c].note}
                </Text>
              ))}
            </div>
            <Text>{turn.chosen.feedback}</Text>
          </>
        )}
        <div>
          <Text size="sm" fw={600}>What changed in {clientName}</Text>
          {changes.length === 0 ? (
            <Text size="sm">Nothing visible changed.</Text>
          ) : (
            <List size="sm" spacing={2}>
              {changes.map((c) => <List.Item key={c.meter.id}>{describeChange(c)}{c.meter.higherIs === 'worse' ? ' (higher is worse)' : ''}</List.Item>)}
            </List>
          )}
        </div>
        <Group gap="sm" mt="xs">
          <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={onRetry}>
            Try another response
          </Button>
          <Button rightSection={<IconArrowRight size={18} aria-hidden />} onClick={onContinue}>
            Continue
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
