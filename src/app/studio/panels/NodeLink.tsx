// A node or ending id as a button that puts the editor on its line.
import { Anchor } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { idPositions } from '../../../core/scenario/idPositions.ts';

export type JumpToId = (id: string) => void;

/** Jumps to a node's or an ending's line in the text the panel was given. */
export function useJumpToId(source: string, onJump: (line: number, column?: number) => void): JumpToId {
  const positions = useMemo(() => idPositions(source), [source]);
  return useCallback(
    (id: string) => {
      const at = positions.nodes[id] ?? positions.endings[id];
      if (at) onJump(at.line, at.column);
    },
    [positions, onJump],
  );
}

export function NodeLink({ id, jump }: { id: string; jump: JumpToId }) {
  return (
    <Anchor component="button" type="button" size="sm" ff="monospace" onClick={() => jump(id)} className="panel-node-link">
      {id}
    </Anchor>
  );
}
