import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Turn } from '../../core/engine/turn.ts';
import type { ClientLine } from '../../core/scenario/types.ts';
import { CategoryMark } from './CategoryMark.tsx';
import { codeNames, TALK_WORDS } from './describe.ts';

interface Props {
  clientName: string;
  turns: readonly Turn[];
  /** The line the client is saying now, not yet answered. */
  current?: ClientLine | null;
  showCodes: boolean;
  showTalk?: boolean;
}

function ClientBubble({ name, line, dim, showTalk }: { name: string; line: ClientLine; dim?: boolean; showTalk?: boolean }) {
  if (!line.say) return null;
  return (
    <div className={`bubble bubble-client${dim ? ' bubble-dim' : ''}`}>
      <Text size="xs" fw={600} c="dimmed" component="div">
        {name}
        {showTalk && <Text span size="xs" c="dimmed" fw={400}> · {TALK_WORDS[line.talk]}</Text>}
      </Text>
      {line.cue && <Text size="sm" fs="italic" c="dimmed" component="div">({line.cue})</Text>}
      <Text component="div">{line.say}</Text>
    </div>
  );
}

/** The conversation so far. Retracted responses stay visible, marked, as the Turn log keeps them. */
export function Transcript({ clientName, turns, current, showCodes, showTalk }: Props) {
  return (
    <Stack gap="sm" component="ol" className="transcript" aria-label="Conversation">
      {turns.map((t, i) => {
        const repeatOfLine = i > 0 && turns[i - 1]!.retracted && turns[i - 1]!.nodeId === t.nodeId;
        return (
          <li key={t.index} className="transcript-turn">
            {!repeatOfLine && <ClientBubble name={clientName} line={t.client} showTalk={showTalk} />}
            <div className={`bubble bubble-trainee${t.retracted ? ' bubble-retracted' : ''}`}>
              <Text size="xs" fw={600} c="dimmed" component="div">You</Text>
              <Text component="div" td={t.retracted ? 'line-through' : undefined}>{t.chosen.say}</Text>
              {(showCodes || t.retracted) && (
                <Group gap="xs" mt={4}>
                  {t.retracted && <Badge variant="outline" color="gray" size="sm">Retracted: you tried another response</Badge>}
                  {showCodes && (
                    <>
                      <Text size="xs">{codeNames(t.chosen.codes)}</Text>
                      <CategoryMark category={t.chosen.category} size="sm" />
                    </>
                  )}
                </Group>
              )}
            </div>
            {t.reply && <ClientBubble name={clientName} line={t.reply} dim={t.retracted} showTalk={showTalk} />}
          </li>
        );
      })}
      {current && (
        <li className="transcript-turn">
          <ClientBubble name={clientName} line={current} showTalk={showTalk} />
        </li>
      )}
    </Stack>
  );
}
