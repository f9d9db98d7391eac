// The authors' guide (scenarios/README.md) inside the app, so that the studio's hover and problem
// links land on the entry for a diagnostic code. The Markdown is rendered by a small reader of
// its own: headings, paragraphs, lists, tables and code, all as React text, never as HTML.
import { Anchor, Code, Container, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import GUIDE from '../../../scenarios/README.md?raw';
import { AppHeader } from '../components/AppHeader.tsx';
import './studio.css';

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'para'; text: string };

function parseGuide(md: string): Block[] {
  const lines = md.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
    } else if (/^#{1,6} /.test(line)) {
      const level = /^#+/.exec(line)![0].length;
      blocks.push({ kind: 'heading', level, text: line.slice(level + 1).trim() });
      i++;
    } else if (/^\s*[-*] /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && /^\s*([-*] |\s{2,}\S)/.test(lines[i]!); i++) {
        if (/^\s*[-*] /.test(lines[i]!)) items.push(lines[i]!.replace(/^\s*[-*] /, ''));
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
      }
      blocks.push({ kind: 'list', items });
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) {
        if (/^\|[\s|:-]+\|$/.test(lines[i]!)) continue;
        rows.push(lines[i]!.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|')));
      }
      blocks.push({ kind: 'table', rows });
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,6} |```|\||\s*[-*] )/.test(lines[i]!); i++) para.push(lines[i]!.trim());
      blocks.push({ kind: 'para', text: para.join(' ') });
    }
  }
  return blocks;
}

/** Inline `code`, **bold**, *italics* and [links](…) as React nodes; everything else stays text. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)|\*([^*\s][^*]*)\*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(<Code key={k++}>{m[1]}</Code>);
    else if (m[2] !== undefined) out.push(<strong key={k++}>{m[2]}</strong>);
    else if (m[5] !== undefined) out.push(<em key={k++}>{m[5]}</em>);
    else if (/^https?:/.test(m[4]!)) out.push(<Anchor key={k++} href={m[4]} target="_blank" rel="noopener">{m[3]}</Anchor>);
    else out.push(<span key={k++}>{m[3]}</span>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const slug = (heading: string) => /^([EWI]\d{3})\b/.exec(heading)?.[1]?.toLowerCase() ?? heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export default function GuidePage() {
  const [location] = useLocation();
  const code = new URLSearchParams(location.split('?')[1] ?? '').get('code');
  const blocks = parseGuide(GUIDE);

  useEffect(() => {
    if (!code) return;
    const el = document.getElementById(`guide-${code.toLowerCase()}`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, [code]);

  return (
    <>
      <AppHeader />
      <Container size="md" py="lg" component="main">
        <Stack gap="sm">
          <Anchor component={Link} href="/studio" size="sm">Back to the studio</Anchor>
          {blocks.map((b, i) => {
            switch (b.kind) {
              case 'heading':
                return (
                  <Title key={i} order={Math.min(b.level, 4) as 1 | 2 | 3 | 4} id={`guide-${slug(b.text)}`} tabIndex={-1} mt={b.level <= 2 ? 'lg' : 'sm'} className="guide-heading">
                    {b.text}
                  </Title>
                );
              case 'code':
                // Focusable, so a keyboard can scroll a wide example.
                return <Code key={i} block tabIndex={0}>{b.text}</Code>;
              case 'list':
                return <ul key={i}>{b.items.map((it, j) => <li key={j}>{inline(it)}</li>)}</ul>;
              case 'table':
                return (
                  <div key={i} className="guide-table" tabIndex={0} role="region" aria-label={`Table: ${b.rows[0]?.join(', ') ?? ''}`}>
                    <Table withTableBorder striped>
                      <Table.Thead><Table.Tr>{b.rows[0]?.map((c, j) => <Table.Th key={j}>{inline(c)}</Table.Th>)}</Table.Tr></Table.Thead>
                      <Table.Tbody>{b.rows.slice(1).map((r, j) => <Table.Tr key={j}>{r.map((c, n) => <Table.Td key={n}>{inline(c)}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
                    </Table>
                  </div>
                );
              default:
                return <Text key={i}>{inline(b.text)}</Text>;
            }
          })}
        </Stack>
      </Container>
    </>
  );
}
