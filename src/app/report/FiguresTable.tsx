// The MITI figures beside their fair and good levels, as one table for the trainee's report and
// the class report, so the thresholds and the "too little to judge" wording never drift apart.
import { Table, Text } from '@mantine/core';
import type { Figure } from '../../core/coding/report.ts';

const LEVEL_LABEL = { good: 'Good', fair: 'Fair', below_fair: 'Below fair' } as const;

interface FiguresTableProps {
  figures: readonly Figure[];
  /** Whose figures these are, as the column says it: "Yours", "The class". */
  valueHeading: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** Names the MITI version under each figure (the trainee's report cites its sources). */
  withSources?: boolean;
  /** Colours the level as the MI categories are coloured (teal at fair or good, amber below). */
  colourLevels?: boolean;
}

export function FiguresTable({ figures, valueHeading, minWidth, withSources = false, colourLevels = false }: FiguresTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table withTableBorder={false} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col">{valueHeading}</Table.Th>
            <Table.Th scope="col">Fair</Table.Th>
            <Table.Th scope="col">Good</Table.Th>
            <Table.Th scope="col">Level</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Th scope="row" fw={500}>
                {f.label}
                {withSources && <Text size="xs" c="dimmed">{f.source}</Text>}
              </Table.Th>
              <Table.Td>{f.display}</Table.Td>
              {/* R:Q is a ratio; the other figures are shares. */}
              <Table.Td>{f.id === 'rq' ? '1 : 1' : `${f.fair}%`}</Table.Td>
              <Table.Td>{f.id === 'rq' ? '2 : 1' : `${f.good}%`}</Table.Td>
              <Table.Td>
                {f.level ? (
                  <Text size="sm" fw={700} className={colourLevels ? (f.level === 'below_fair' ? 'category-inconsistent' : 'category-consistent') : undefined}>
                    {LEVEL_LABEL[f.level]}
                  </Text>
                ) : (
                  <Text size="xs">{f.why}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
