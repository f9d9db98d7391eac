import { Blockquote, Button, Group, List, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { CODE_INFO, MI_CODES, type MiCode } from '../../../core/coding/codes.ts';
import { BRANCH_RULE_WORDS, modelAnswer } from '../../../core/freeText/branch.ts';
import type { TypedTurn } from '../../../core/freeText/types.ts';
import type { ScenarioNode } from '../../../core/scenario/types.ts';
import { CategoryMark } from '../CategoryMark.tsx';
import { codeNames } from '../describe.ts';
import { confidenceWords } from './words.ts';

interface Props {
  typed: TypedTurn;
  /** The node the typed turn answered: its most MI-consistent response is the model answer. */
  node: ScenarioNode | undefined;
  clientName: string;
  onIntend: (code: MiCode) => void;
}

/** The feedback on a typed response: the code and why, the confidence, and a model answer. */
export default function TypedFeedback({ typed, node, clientName, onIntend }: Props) {
  const info = CODE_INFO[typed.code];
  const model = node ? modelAnswer(node) : undefined;
  const reactedToModel = model?.say === typed.played.say;

  return (
    <Stack gap="sm" className="typed-feedback">
      <Blockquote p="sm" className="typed-quote">
        <Text size="xs" fw={600} c="dimmed" component="div">You wrote</Text>
        <Text component="div">{typed.text}</Text>
      </Blockquote>
      <div>
        <Group gap="sm" wrap="wrap">
          <Text fw={700} data-testid="typed-code">{info.name}</Text>
          <CategoryMark category={info.category} size="sm" />
        </Group>
        <Text size="sm" c="dimmed">Confidence: {Math.round(typed.confidence * 100)}% ({confidenceWords(typed.confidence)})</Text>
        <Text size="sm" mt={4}>{info.note}</Text>
      </div>
      {typed.cues.length > 0 && (
        <div>
          <Text size="sm" fw={600}>Why the coder says so</Text>
          <List size="sm" spacing={2}>{typed.cues.map((c) => <List.Item key={c}>{c}</List.Item>)}</List>
        </div>
      )}
      <IntendedCode typed={typed} onIntend={onIntend} />
      <div>
        <Text size="sm" fw={600}>How {clientName} took it</Text>
        <Text size="sm">As {BRANCH_RULE_WORDS[typed.rule]}: “{typed.played.say}”</Text>
      </div>
      {model && (
        <div className="model-answer">
          <Text size="sm" fw={600}>A model answer here ({codeNames(model.codes)})</Text>
          <Text size="sm">{reactedToModel ? `The one ${clientName} reacted to, above.` : `“${model.say}”`}</Text>
        </div>
      )}
    </Stack>
  );
}

/** "That is not what I meant": the trainee names the code they intended, for the report. */
function IntendedCode({ typed, onIntend }: { typed: TypedTurn; onIntend: (code: MiCode) => void }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const recorded = useRef<HTMLParagraphElement>(null);
  // The select and its button go once the code is recorded: keep the keyboard user's place.
  useEffect(() => {
    if (typed.intended && open) recorded.current?.focus();
  }, [typed.intended, open]);
  if (typed.intended) {
    return (
      <Text size="sm" role="status" data-testid="intended-recorded" ref={recorded} tabIndex={-1}>
        Noted: you meant it as <Text span fw={600}>{CODE_INFO[typed.intended].name}</Text>. Your report shows this beside the coder's code.
      </Text>
    );
  }
  if (!open) {
    return <Button variant="default" size="xs" w="fit-content" onClick={() => setOpen(true)}>That is not what I meant</Button>;
  }
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label="What did you mean it to be?"
        value={choice}
        onChange={(e) => setChoice(e.currentTarget.value)}
        data={[{ value: '', label: 'Choose a code…', disabled: true }, ...MI_CODES.filter((c) => c !== typed.code).map((c) => ({ value: c, label: CODE_INFO[c].name }))]}
        w={260}
        maw="100%"
        autoFocus
      />
      <Button variant="default" disabled={!choice} onClick={() => choice && onIntend(choice as MiCode)}>Record</Button>
    </Group>
  );
}
