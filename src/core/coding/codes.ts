// The MI behaviour codes, after the MITI 4.2.1 coding manual (open/closed question split from
// MITI 3.1.1). Every other part of Evoke reads codes, categories and totals from here.

export const MI_CODES = [
  'open_question',
  'closed_question',
  'simple_reflection',
  'complex_reflection',
  'affirmation',
  'seeking_collaboration',
  'emphasizing_autonomy',
  'giving_information',
  'persuade_with_permission',
  'persuade',
  'confront',
] as const;

export type MiCode = (typeof MI_CODES)[number];
/** A response that carries no MITI code: bare sympathy, praise, small talk. */
export const NOT_CODED = 'not_coded';
export type ResponseCode = MiCode | typeof NOT_CODED;
export const RESPONSE_CODES: readonly ResponseCode[] = [...MI_CODES, NOT_CODED];

export type Category = 'consistent' | 'neutral' | 'inconsistent';

/** The MITI summary total a code feeds, where it feeds one. */
export type MitiTotal = 'question' | 'reflection' | 'adherent' | 'non_adherent';

export interface CodeInfo {
  code: ResponseCode;
  /** What a trainee reads: plain words, no jargon. */
  name: string;
  short: string;
  category: Category;
  total: MitiTotal | null;
  /** One or two sentences that teach what the code is. */
  note: string;
  example: string;
}

export const CODE_INFO: Readonly<Record<ResponseCode, CodeInfo>> = {
  open_question: {
    code: 'open_question',
    name: 'Open question',
    short: 'OQ',
    category: 'consistent',
    total: 'question',
    note: 'Invites the client to say more in their own words; it cannot be answered with a yes or a no.',
    example: 'What worries you most about starting?',
  },
  closed_question: {
    code: 'closed_question',
    name: 'Closed question',
    short: 'CQ',
    category: 'neutral',
    total: 'question',
    note: 'Asks for a fact or a yes or no. Useful now and then; a string of them turns the talk into an interview.',
    example: 'Did you go to the intake appointment?',
  },
  simple_reflection: {
    code: 'simple_reflection',
    name: 'Simple reflection',
    short: 'SR',
    category: 'consistent',
    total: 'reflection',
    note: 'Gives back what the client said, in the same or similar words, adding little. It shows you heard.',
    example: "You're not sleeping much.",
  },
  complex_reflection: {
    code: 'complex_reflection',
    name: 'Complex reflection',
    short: 'CR',
    category: 'consistent',
    total: 'reflection',
    note: 'Adds meaning or emphasis: a guess at the feeling, the unsaid half, or both sides of the ambivalence at once.',
    example: "Part of you wants your nights back, and part of you is afraid of what it would take.",
  },
  affirmation: {
    code: 'affirmation',
    name: 'Affirmation',
    short: 'AF',
    category: 'consistent',
    total: 'adherent',
    note: "Names a genuine strength, effort or value of the client's, about them rather than about you.",
    example: 'Coming here today took real courage, given how much you have been carrying.',
  },
  seeking_collaboration: {
    code: 'seeking_collaboration',
    name: 'Seeking collaboration',
    short: 'SEEK',
    category: 'consistent',
    total: 'adherent',
    note: "Shares power: asks for the client's ideas, or for permission before offering something.",
    example: 'Would it be all right if I told you a little about how that therapy works?',
  },
  emphasizing_autonomy: {
    code: 'emphasizing_autonomy',
    name: 'Emphasizing autonomy',
    short: 'AUTO',
    category: 'consistent',
    total: 'adherent',
    note: 'Makes clear that the choice is the client\'s, and means it.',
    example: "Whether and when you do this is entirely your decision.",
  },
  giving_information: {
    code: 'giving_information',
    name: 'Giving information',
    short: 'GI',
    category: 'neutral',
    total: null,
    note: 'Offers facts without pushing: what a therapy involves, how long it takes.',
    example: 'Prolonged Exposure usually means about ten weekly sessions of ninety minutes.',
  },
  persuade_with_permission: {
    code: 'persuade_with_permission',
    name: 'Persuading with permission',
    short: 'PwP',
    category: 'neutral',
    total: null,
    note: 'Advice or a case for change after the client asked or agreed to hear it, or framed so they are plainly free to set it aside.',
    example: "It's your call, but one thing that has helped other people is to try a single session first.",
  },
  persuade: {
    code: 'persuade',
    name: 'Persuading',
    short: 'Pers',
    category: 'inconsistent',
    total: 'non_adherent',
    note: 'Advice, warnings, arguments or solutions the client did not ask for: the righting reflex. It tends to call up the other side of their ambivalence.',
    example: 'You really need to start this therapy before things get worse.',
  },
  confront: {
    code: 'confront',
    name: 'Confronting',
    short: 'Con',
    category: 'inconsistent',
    total: 'non_adherent',
    note: 'Disagreeing, labelling, blaming, shaming or sarcasm. It damages the relationship and produces discord.',
    example: "You're just in denial about how bad this has got.",
  },
  not_coded: {
    code: 'not_coded',
    name: 'Not coded',
    short: '—',
    category: 'neutral',
    total: null,
    note: 'No MI code applies: bare sympathy, praise or small talk. Not harmful in itself, but it does not move the conversation.',
    example: 'I know this is hard.',
  },
};

export interface CategoryInfo {
  category: Category;
  label: string;
  /** How the feedback opens, in a supervisor's voice rather than a quiz's. */
  lead: string;
}

export const CATEGORY_INFO: Readonly<Record<Category, CategoryInfo>> = {
  consistent: { category: 'consistent', label: 'MI-consistent', lead: 'This fits the spirit of MI.' },
  neutral: { category: 'neutral', label: 'Neutral', lead: 'Neither for nor against the spirit of MI.' },
  inconsistent: {
    category: 'inconsistent',
    label: 'MI-inconsistent',
    lead: 'Consider how this landed for the client.',
  },
};

export function isResponseCode(value: string): value is ResponseCode {
  return (RESPONSE_CODES as readonly string[]).includes(value);
}

/**
 * A response with several codes is MI-inconsistent if any code is, otherwise MI-consistent if
 * any is, otherwise neutral (MI-REFERENCE, "Feedback categories").
 */
export function categoryOf(codes: readonly ResponseCode[]): Category {
  const categories = codes.map((c) => CODE_INFO[c].category);
  if (categories.includes('inconsistent')) return 'inconsistent';
  if (categories.includes('consistent')) return 'consistent';
  return 'neutral';
}

/** Sub-types that trainers teach; a scenario may tag a response with one for the report. */
export const SUBTYPES = {
  summary: {
    name: 'Summary',
    codes: ['simple_reflection', 'complex_reflection'],
    note: 'A reflection that gathers several things the client said. Complex when it links them or adds meaning, simple when it only collects.',
  },
  double_sided: {
    name: 'Double-sided reflection',
    codes: ['complex_reflection'],
    note: 'Reflects both sides of the ambivalence, usually ending on the side of change.',
  },
  ordering: { name: 'Ordering', codes: ['persuade'], note: 'Telling the client what they must do.' },
  warning: { name: 'Warning', codes: ['persuade'], note: 'Pointing to what will happen if they do not change.' },
  advising: { name: 'Advising without permission', codes: ['persuade'], note: 'Solutions the client did not ask for.' },
  arguing: { name: 'Arguing with logic', codes: ['persuade'], note: 'Making the case for change for them.' },
  false_reassurance: {
    name: 'False reassurance',
    codes: ['persuade', 'not_coded'],
    note: "'You'll be fine' dismisses the fear. When it argues for change it is persuading; otherwise it carries no code.",
  },
  moralising: { name: 'Moralising', codes: ['confront'], note: 'Telling the client what they ought to feel or do.' },
  judging: { name: 'Judging or labelling', codes: ['confront'], note: "Calling the client 'in denial', 'resistant', 'stubborn'." },
  distracting: { name: 'Distracting', codes: ['not_coded', 'persuade'], note: 'Changing the subject away from what matters to the client.' },
} as const satisfies Record<string, { name: string; codes: readonly ResponseCode[]; note: string }>;

export type Subtype = keyof typeof SUBTYPES;
export const SUBTYPE_NAMES = Object.keys(SUBTYPES) as Subtype[];
