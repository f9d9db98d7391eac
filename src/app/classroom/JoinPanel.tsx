// How students get in: the join code in huge type, the address to type, and a QR code of it.
import { Stack, Text, Title } from '@mantine/core';
import { joinUrl, useJoinBase } from './joinAddress.ts';
import { QrCode } from './QrCode.tsx';

/** Spaced in threes so a class can read it aloud: "ACD EFG". */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export function JoinPanel({ code, compact = false }: { code: string; compact?: boolean }) {
  const base = useJoinBase();
  const url = joinUrl(base, code);
  // What a student types: the join page itself, without the scheme a phone adds anyway.
  const typed = joinUrl(base, '').replace(/^https?:\/\//, '').replace(/\/$/, '');
  return (
    <Stack gap="xs" className={`join-panel${compact ? ' join-panel-compact' : ''}`} component="section" aria-labelledby="join-title" align="center">
      <Title order={2} size="h4" id="join-title">Join on your phone</Title>
      <Text className="join-address">
        Go to <strong>{typed}</strong>
      </Text>
      <Text className="join-label">and enter the code</Text>
      <Text className="join-code" data-testid="join-code" aria-label={`Join code ${code.split('').join(' ')}`}>
        {spacedCode(code)}
      </Text>
      <QrCode text={url} label={`QR code for ${url}`} size={compact ? 160 : 220} />
      <Text size="xs" c="dimmed" className="join-url">{url}</Text>
    </Stack>
  );
}
