import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconList, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { decideTyped, hintsOf } from '../../../core/freeText/branch.ts';
import { MAX_TYPED_LENGTH, type CodedUtterance, type TypedAnswer } from '../../../core/freeText/types.ts';
import type { ScenarioNode } from '../../../core/scenario/types.ts';
import { loadCoder } from './loadCoder.ts';

interface Props {
  node: ScenarioNode;
  /** What the client just said, for the coder. */
  context: string;
  clientName: string;
  onAnswer: (responseId: string, typed: TypedAnswer) => void;
  onPickInstead: () => void;
}

type Problem = { kind: 'unclear'; coded: CodedUtterance } | { kind: 'failed'; message: string } | { kind: 'empty' };

/** The trainee writes their own response; the coder names its code on this device. */
export default function FreeTextComposer({ node, context, clientName, onAnswer, onPickInstead }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const said = text.trim();
    if (!said) {
      setProblem({ kind: 'empty' });
      field.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const codeUtterance = await loadCoder();
      const decision = decideTyped(node, said, codeUtterance(said, context, hintsOf(node)));
      if (decision.kind === 'unclear') {
        setProblem({ kind: 'unclear', coded: decision.coded });
        field.current?.focus();
      } else {
        onAnswer(decision.responseId, decision.typed);
      }
    } catch (err) {
      setProblem({ kind: 'failed', message: (err as Error)?.message ?? String(err) });
    } finally {
      setBusy(false);
    }
  };

  // Enter sends, as in a chat; Shift+Enter starts a new line.
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(e) => void submit(e)} aria-labelledby="compose-title" className="free-text">
      <Text id="compose-title" fw={600}>
        What do you say to {clientName}?
      </Text>
      <Textarea
        ref={field}
        label="Your response"
        description="Enter sends; Shift+Enter starts a new line. Your words are coded on this device and never sent anywhere."
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          if (problem?.kind === 'empty') setProblem(null);
        }}
        onKeyDown={onKeyDown}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={MAX_TYPED_LENGTH}
        error={problem?.kind === 'empty' ? 'Write a response first, or pick one from the list.' : undefined}
        data-testid="free-text-input"
      />
      {problem?.kind === 'unclear' && (
        <Alert color="orange" variant="light" title="I could not tell what kind of response that was" role="alert">
          <Stack gap={4}>
            <Text size="sm">Try saying it another way, as you would to {clientName}, or pick one of the written responses.</Text>
            {problem.coded.cues.length > 0 && (
              <List size="sm" spacing={2}>{problem.coded.cues.map((c) => <List.Item key={c}>{c}</List.Item>)}</List>
            )}
          </Stack>
        </Alert>
      )}
      {problem?.kind === 'failed' && (
        <Alert color="orange" variant="light" title="The coder could not be loaded" role="alert">
          <Text size="sm">Your words are kept. Check your connection and send again, or pick one of the written responses ({problem.message}).</Text>
        </Alert>
      )}
      <Group gap="sm">
        <Button type="submit" loading={busy} leftSection={<IconSend size={18} aria-hidden />}>Send</Button>
        <Button variant="subtle" leftSection={<IconList size={18} aria-hidden />} onClick={onPickInstead}>Pick from the list instead</Button>
      </Group>
    </Stack>
  );
}
