import { Stack, Text } from '@mantine/core';
import { IconCircleCheckFilled } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { OptionView } from '../../../core/classroom/room.ts';

function MineMark({ label }: { label: string }) {
  return (
    <span className="vote-mine">
      <IconCircleCheckFilled size={18} aria-hidden />
      {label}
    </span>
  );
}

/**
 * The options while the vote is open: big toggle buttons, the chosen one marked with a tick and
 * the words "Your vote" (never colour alone). Tab and Enter, or the number keys, work too.
 */
export function VoteButtons({ options, selected, unsent, onVote }: { options: readonly OptionView[]; selected: string | null; unsent: boolean; onVote: (id: string) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if ((e.target as HTMLElement | null)?.closest('input, textarea, select, [role="dialog"]')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= options.length) {
        e.preventDefault();
        onVote(options[n - 1]!.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [options, onVote]);

  return (
    <Stack gap="sm" component="section" aria-labelledby="vote-options-title">
      <Text id="vote-options-title" fw={600}>
        Tap what you would say. <Text span size="sm" c="dimmed" fw={400}>You can change your vote until the vote closes.</Text>
      </Text>
      {options.map((o, i) => {
        const mine = o.id === selected;
        return (
          <button key={o.id} type="button" className="vote-option" aria-pressed={mine} onClick={() => onVote(o.id)} data-option={o.id}>
            <span className="vote-number" aria-hidden="true">{i + 1}</span>
            <span className="vote-text">
              <span className="visually-hidden">Response {i + 1}: </span>
              {o.say}
              {mine && (
                <>
                  <br />
                  <MineMark label={unsent ? 'Your vote (not sent yet)' : 'Your vote'} />
                </>
              )}
            </span>
          </button>
        );
      })}
    </Stack>
  );
}

/** The options once the vote has closed: read-only, the student's own vote still marked. */
export function ClosedOptions({ options, mine }: { options: readonly OptionView[]; mine: string | null }) {
  return (
    <Stack gap="sm" component="ul" aria-label="The responses" p={0} m={0} style={{ listStyle: 'none' }}>
      {options.map((o, i) => (
        <li key={o.id} className={`vote-option${o.id === mine ? ' is-mine' : ''}`} data-option={o.id}>
          <span className="vote-number" aria-hidden="true">{i + 1}</span>
          <span className="vote-text">
            <span className="visually-hidden">Response {i + 1}: </span>
            {o.say}
            {o.id === mine && (
              <>
                <br />
                <MineMark label="Your vote" />
              </>
            )}
          </span>
        </li>
      ))}
    </Stack>
  );
}
