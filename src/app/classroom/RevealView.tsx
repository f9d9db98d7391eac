// The class's answer, revealed (issue 7): how the votes split over the options, with each
// option's code, category and feedback, the node's discussion prompt, and the client's reaction
// to the path taken. Shared by the projector, the facilitator's remote and the students' phones.
// It shows counts only: a RoomView never says who voted for what.
import { Stack, Text, Title } from '@mantine/core';
import { CODE_INFO } from '../../core/coding/codes.ts';
import type { RevealedOption, RoomView } from '../../core/classroom/room.ts';
import { CategoryMark } from '../player/CategoryMark.tsx';
import { TALK_WORDS } from '../player/describe.ts';
import './classroom.css';

export type RevealSize = 'projector' | 'phone';

/** Whole percentages that say what the bar shows, e.g. "12 votes, 40%". */
export function voteShare(votes: number, total: number): string {
  const pct = total === 0 ? 0 : Math.round((votes / total) * 100);
  return `${votes} vote${votes === 1 ? '' : 's'}, ${pct}%`;
}

function OptionResult({ option, total, most, chosenId }: { option: RevealedOption; total: number; most: boolean; chosenId?: string }) {
  const pct = total === 0 ? 0 : (option.votes / total) * 100;
  return (
    <li className={`reveal-option reveal-${option.category}`} data-testid={`reveal-option-${option.index + 1}`}>
      <div className="reveal-head">
        <span className="reveal-number" aria-hidden>{option.index + 1}</span>
        <Text className="reveal-say">
          <span className="visually-hidden">Option {option.index + 1}: </span>“{option.say}”
        </Text>
      </div>
      <div className="reveal-bar-row">
        <div className="reveal-bar" role="img" aria-label={`${voteShare(option.votes, total)}${most ? ', the most voted' : ''}`}>
          <div className="reveal-bar-fill" style={{ width: `${pct}%` }} />
        </div>
        <Text className="reveal-count" aria-hidden>
          {option.votes} · {Math.round(pct)}%
        </Text>
      </div>
      {(most || chosenId === option.id) && (
        <Text size="sm" fw={700} className="reveal-flag">
          {most && total > 0 ? 'Most voted' : ''}
          {most && total > 0 && chosenId === option.id ? ' · ' : ''}
          {chosenId === option.id ? 'The class went on with this' : ''}
        </Text>
      )}
      <div className="reveal-coding">
        <CategoryMark category={option.category} />
        <Text fw={600}>{option.codes.map((c) => CODE_INFO[c].name).join(' + ')}</Text>
      </div>
      <Text className="reveal-feedback">{option.feedback}</Text>
    </li>
  );
}

/** The discussion prompt of the node, set apart so a class can talk it through. */
export function DiscussPrompt({ prompt, size = 'projector' }: { prompt: string; size?: RevealSize }) {
  return (
    <section className={`discuss discuss-${size}`} aria-labelledby="discuss-title">
      <Title order={2} size="h3" id="discuss-title">Discuss</Title>
      <Text className="discuss-text">{prompt}</Text>
    </section>
  );
}

/** What the client said back to the response the class went on with (the view's last turn). */
export function ReactionView({ view, clientName = 'The client', size = 'projector' }: { view: RoomView; clientName?: string; size?: RevealSize }) {
  const turn = view.lastTurn;
  if (!turn) return null;
  return (
    <section className={`reaction reaction-${size}`} aria-labelledby="reaction-title">
      <Title order={2} size="h4" id="reaction-title">Last turn</Title>
      <Text>
        <Text span fw={600}>The class said:</Text> “{turn.chosen.say}”
      </Text>
      <div className="reveal-coding">
        <CategoryMark category={turn.chosen.category} size="sm" />
        <Text size="sm">{turn.chosen.codes.map((c) => CODE_INFO[c].name).join(' + ')}</Text>
      </div>
      {turn.reply && (
        <Text>
          <Text span fw={600}>{clientName} replied ({TALK_WORDS[turn.reply.talk]}):</Text> “{turn.reply.say}”
          {turn.reply.cue && <Text span fs="italic"> [{turn.reply.cue}]</Text>}
        </Text>
      )}
    </section>
  );
}

/**
 * The revealed vote of the current turn. Renders nothing until the view carries a reveal; the
 * host's view carries the tally early, so the host's screen shows this only once revealed.
 */
export function RevealView({ view, size = 'projector', chosenId }: { view: RoomView; size?: RevealSize; chosenId?: string }) {
  const reveal = view.reveal;
  if (!reveal) return null;
  const total = reveal.options.reduce((n, o) => n + o.votes, 0);
  const max = Math.max(0, ...reveal.options.map((o) => o.votes));
  return (
    <Stack gap="md" className={`reveal reveal-size-${size}`} component="section" aria-labelledby="reveal-title">
      <Title order={2} size={size === 'projector' ? 'h2' : 'h3'} id="reveal-title">
        How the class voted
      </Title>
      <Text>{total === 0 ? 'Nobody voted at this turn.' : `${total} vote${total === 1 ? '' : 's'} in all. Nobody's vote is shown, only the counts.`}</Text>
      <ol className="reveal-list" aria-label="Votes per response">
        {reveal.options.map((o) => (
          <OptionResult key={o.id} option={o} total={total} most={max > 0 && o.votes === max} {...(chosenId !== undefined ? { chosenId } : {})} />
        ))}
      </ol>
      {reveal.discuss && <DiscussPrompt prompt={reveal.discuss} size={size} />}
    </Stack>
  );
}

export default RevealView;
