// Content notes are free text ("a suicide attempt twenty years ago (referred to)"); trainees hide
// scenarios by a short list of topics instead. Each note maps to the topics its words name.

export const CONTENT_TOPICS = [
  { id: 'suicide', label: 'suicidal thoughts', pattern: /suicid|wish to die|thoughts of death|ending (their|her|his) life|take me/i },
  { id: 'sexual-violence', label: 'sexual violence', pattern: /sexual/i },
  { id: 'domestic-violence', label: 'domestic violence', pattern: /intimate.partner|family violence|ex-partner|stalking|domestic/i },
  { id: 'child-abuse', label: 'child abuse', pattern: /child(hood)? abuse/i },
  { id: 'war', label: 'war and combat', pattern: /combat|war\b|soldier|displacement|detention|military/i },
  { id: 'death', label: 'death and bereavement', pattern: /death|died|bereave|disappearance|killed/i },
  { id: 'harm-to-children', label: 'harm to a child', pattern: /young child|child exposed|grandchild/i },
  { id: 'road-crash', label: 'road traffic crash', pattern: /crash|road traffic/i },
  { id: 'alcohol', label: 'alcohol or drug use', pattern: /alcohol|drinking|drug/i },
  { id: 'self-blame', label: 'self-blame and shame', pattern: /self-blame|shame/i },
] as const;

export type ContentTopic = (typeof CONTENT_TOPICS)[number]['id'];

export function topicsOf(notes: readonly string[]): ContentTopic[] {
  return CONTENT_TOPICS.filter((t) => notes.some((n) => t.pattern.test(n))).map((t) => t.id);
}
