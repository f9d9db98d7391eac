// Support contacts come from the deployment (evoke.config.json beside index.html). Until a
// deployment sets its own, general defaults are shown and labelled as such.

export interface SupportContact {
  name: string;
  detail: string;
  /** A tel:, sms: or https: link; anything else is shown as text only. */
  href?: string;
}

export interface SupportConfig {
  contacts: SupportContact[];
  isDefault: boolean;
}

export const DEFAULT_CONTACTS: SupportContact[] = [
  { name: 'In immediate danger', detail: 'Call your local emergency number (911 in the US and Canada, 999 in the UK, 112 in the EU).' },
  { name: 'Your instructor or clinical supervisor', detail: 'Practising with trauma material can stir things up; talking it over is part of the training.' },
  { name: '988 Suicide & Crisis Lifeline (US)', detail: 'Call or text 988. Veterans: dial 988 then press 1.', href: 'tel:988' },
  { name: 'Samaritans (UK and Ireland)', detail: 'Call 116 123, free, day or night.', href: 'tel:116123' },
];

function safeHref(href: unknown): string | undefined {
  return typeof href === 'string' && /^(tel:|sms:|https:\/\/)/i.test(href) ? href : undefined;
}

export function parseSupportConfig(data: unknown): SupportConfig {
  const list = data && typeof data === 'object' ? (data as { supportContacts?: unknown }).supportContacts : undefined;
  const contacts = Array.isArray(list)
    ? list.flatMap((c): SupportContact[] => {
        if (!c || typeof c !== 'object') return [];
        const { name, detail, href } = c as Record<string, unknown>;
        if (typeof name !== 'string' || typeof detail !== 'string') return [];
        const link = safeHref(href);
        return [{ name: name.slice(0, 200), detail: detail.slice(0, 500), ...(link ? { href: link } : {}) }];
      })
    : [];
  return contacts.length ? { contacts, isDefault: false } : { contacts: DEFAULT_CONTACTS, isDefault: true };
}

let cached: Promise<SupportConfig> | null = null;
export function loadSupportConfig(): Promise<SupportConfig> {
  cached ??= fetch('./evoke.config.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : null))
    .then(parseSupportConfig)
    .catch(() => parseSupportConfig(null));
  return cached;
}
