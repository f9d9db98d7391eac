// The one field where a student names themselves, on joining and when renaming: the same limit,
// the same promise about what the facilitator sees.
import { TextInput, type TextInputProps } from '@mantine/core';
import { MAX_HANDLE_LENGTH } from '../../../core/classroom/room.ts';

interface Props extends Pick<TextInputProps, 'label' | 'size' | 'autoFocus'> {
  value: string;
  onChange: (value: string) => void;
  /** How the field says "anonymous": "to be anonymous", "to join anonymously". */
  emptyMeans: string;
}

export function HandleInput({ value, onChange, emptyMeans, ...rest }: Props) {
  return (
    <TextInput
      {...rest}
      description={`Leave it empty ${emptyMeans}. The facilitator sees who has joined, never who voted for what.`}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      maxLength={MAX_HANDLE_LENGTH}
      autoComplete="nickname"
    />
  );
}
