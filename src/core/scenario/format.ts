// The scenario file format, version 1: the single source of truth. From these definitions come
// the TypeScript types of a file as written, the published JSON Schema
// (public/scenario.schema.json, for editors' completion), the structural checks of the checker,
// and the key reference in scenarios/README.md.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { RESPONSE_CODES, SUBTYPE_NAMES, type ResponseCode } from '../coding/codes.ts';

export const FORMAT_VERSION = 1;
/** Node, ending and response ids: lower case, digits, '-' and '_', starting with a letter. */
export const ID_PATTERN = '^[a-z][a-z0-9_-]{0,63}$';
export const METER_PATTERN = '^[a-z][a-z0-9_]{0,31}$';
export const TALK_TYPES = ['change', 'sustain', 'neutral', 'discord'] as const;
export type TalkType = (typeof TALK_TYPES)[number];
export const OUTCOMES = ['commitment', 'small_step', 'not_yet', 'disengaged'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const DEFAULT_METER = { min: 0, max: 5 } as const;

// A string enum as JSON Schema `enum` (editors complete it); `errorCode` lets the checker name
// the diagnostic, and is ignored by other JSON Schema tools.
function StringEnum<T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

const Text = (description: string, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, description, ...extra });
const Id = (description: string) => Type.String({ pattern: ID_PATTERN, description, errorCode: 'E014' });
const Condition = (description: string) =>
  Type.String({ minLength: 1, description, format: 'evoke-condition' });

export const CodeSchema = StringEnum(RESPONSE_CODES as readonly ResponseCode[], {
  description: 'An MI code (MITI 4.2.1), or not_coded.',
  errorCode: 'E022',
});
export const TalkSchema = StringEnum(TALK_TYPES, {
  description: "The client's talk: change, sustain, neutral or discord.",
});

export const ClientVariantSchema = Type.Object(
  {
    when: Type.Optional(Condition('Show this line when the condition holds (checked in order; the last variant has no when).')),
    say: Text('What the client says.'),
    talk: TalkSchema,
    cue: Type.Optional(Text('A non-verbal cue shown with the line, e.g. "looks at the door".')),
  },
  { additionalProperties: false, description: 'One version of a client line.' },
);

export const ReplySchema = Type.Object(
  {
    say: Text('What the client says at once in reply.'),
    talk: TalkSchema,
    cue: Type.Optional(Text('A non-verbal cue.')),
  },
  { additionalProperties: false, description: "The client's immediate reply to this response." },
);

export const BranchSchema = Type.Object(
  {
    when: Type.Optional(Condition('Take this branch when the condition holds (meters after the effects).')),
    go: Id('The node or ending to go to.'),
  },
  { additionalProperties: false },
);

export const NextSchema = Type.Union([Id('The node or ending to go to.'), Type.Array(BranchSchema, { minItems: 1 })], {
  description: 'Where the response leads: an id, or a list of {when, go} tried in order, the last without when.',
});

export const ResponseSchema = Type.Object(
  {
    id: Type.Optional(Id('An id for tests and reports; by default responses are named by position (1, 2, ...).')),
    say: Text('What the trainee says.'),
    code: Type.Union([CodeSchema, Type.Array(CodeSchema, { minItems: 1, uniqueItems: true })], {
      description: 'The MI code of this response, or a list when it does two things (e.g. a reflection then a question).',
    }),
    subtype: Type.Optional(StringEnum(SUBTYPE_NAMES, { description: 'A teaching sub-type, e.g. summary, double_sided, warning.' })),
    feedback: Text('What the trainee learns: why this code, what it did, what might work better.'),
    effects: Type.Optional(
      Type.Record(Type.String({ pattern: METER_PATTERN }), Type.Integer({ minimum: -100, maximum: 100 }), {
        additionalProperties: false,
        description: 'Changes to the meters, e.g. { rapport: +1, discord: -1 }. Results are clamped to each meter\'s range.',
      }),
    ),
    reply: Type.Optional(ReplySchema),
    next: NextSchema,
  },
  { additionalProperties: false, description: 'A response the trainee may choose.' },
);

export const NodeSchema = Type.Object(
  {
    client: Type.Union([Text('What the client says.'), Type.Array(ClientVariantSchema, { minItems: 1 })], {
      description: 'The client line, or a list of variants chosen by the meters.',
    }),
    talk: Type.Optional(TalkSchema),
    cue: Type.Optional(Text('A non-verbal cue shown with the line.')),
    responses: Type.Array(ResponseSchema, { minItems: 1, description: 'The responses the trainee may choose.' }),
    discuss: Type.Optional(Text('A prompt for classroom discussion at this turn.')),
    hints: Type.Optional(
      Type.Array(Text('A word or phrase'), {
        description: "Free text: key words of the client's line. A typed statement that picks one up is recognised as a reflection.",
      }),
    ),
    feelings: Type.Optional(
      Type.Array(Text('A feeling'), {
        description: 'Free text: feelings the client shows but has not named (e.g. ashamed, trapped). A typed reflection that names one is complex.',
      }),
    ),
    fallback: Type.Optional(
      Id('Free text: the id of the response a typed answer leads to when this node has no response of its code or of its category.'),
    ),
  },
  { additionalProperties: false, description: 'A turn: what the client says and what the trainee may answer.' },
);

export const EndingSchema = Type.Object(
  {
    outcome: StringEnum(OUTCOMES, { description: 'commitment, small_step, not_yet or disengaged.' }),
    title: Text('A short name for the ending, e.g. "One session, on his terms".'),
    client: Type.Optional(Text("The client's last words.")),
    talk: Type.Optional(TalkSchema),
    cue: Type.Optional(Text('A non-verbal cue.')),
    debrief: Text('What happened and why, for the trainee.'),
    learning: Type.Optional(Type.Array(Text('A learning point'), { description: 'Learning points.' })),
  },
  { additionalProperties: false, description: 'Where the conversation ends.' },
);

export const MeterSchema = Type.Union(
  [
    Type.Integer({ description: 'The start value (range 0 to 5).' }),
    Type.Object(
      {
        start: Type.Integer({ description: 'The start value.' }),
        min: Type.Optional(Type.Integer({ default: 0, description: 'Lowest value.' })),
        max: Type.Optional(Type.Integer({ default: 5, description: 'Highest value.' })),
        label: Type.Optional(Text('The name shown to trainees.')),
        description: Type.Optional(Text('What the meter means, shown to trainees.')),
        higher_is: Type.Optional(StringEnum(['better', 'worse'] as const, { default: 'better', description: 'Whether a higher value is better or worse for the conversation (worse for discord).' })),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'A meter of the client\'s inner state: a start value, or its full definition.' },
);

export const TestSchema = Type.Object(
  {
    name: Type.Optional(Text('What this test checks.')),
    choose: Type.Array(Type.Union([Type.Integer({ minimum: 1 }), Id('A response id')]), {
      description: 'Responses to pick in turn: 1-based positions or response ids.',
    }),
    expect: Id('The ending the choices must reach.'),
  },
  { additionalProperties: false },
);

export const ScenarioFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'The JSON Schema this file follows (for editors).' })),
    format: Type.Literal(FORMAT_VERSION, { description: 'The format version: 1.' }),
    id: Id('The scenario id, e.g. marcus-pe. Saved sessions and reports refer to it.'),
    title: Text('The title shown in the library.'),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', default: 'en', description: 'The language of the text, as a language tag: en, de, fr-CA.' })),
    client: Type.Object(
      {
        name: Text("The client's name."),
        age: Type.Integer({ minimum: 1, maximum: 120 }),
        pronouns: Type.Optional(Text('e.g. he/him.')),
        situation: Text('The situation in one line.'),
        weighing: Text('The therapy the client is weighing, e.g. Prolonged Exposure.'),
        background: Type.Optional(Text('More about the client, shown before starting.')),
      },
      { additionalProperties: false, description: 'Who the client is.' },
    ),
    difficulty: StringEnum(DIFFICULTIES, { description: 'beginner, intermediate or advanced.' }),
    minutes: Type.Integer({ minimum: 1, maximum: 240, description: 'Expected minutes to play.' }),
    content_notes: Type.Array(Text('A content note'), { description: 'What the scenario refers to, so trainees can choose.' }),
    objectives: Type.Optional(Type.Array(Text('A learning objective'), { description: 'Learning objectives.' })),
    meters: Type.Record(Type.String({ pattern: METER_PATTERN }), MeterSchema, {
      additionalProperties: false,
      description: "The client's inner state, e.g. { rapport: 2, readiness: 1, discord: 0 }.",
    }),
    start: Id('The id of the first node.'),
    nodes: Type.Record(Type.String({ pattern: ID_PATTERN }), NodeSchema, {
      additionalProperties: false,
      description: 'The turns of the conversation, by id.',
    }),
    endings: Type.Record(Type.String({ pattern: ID_PATTERN }), EndingSchema, {
      additionalProperties: false,
      description: 'The endings, by id (nodes and endings share one set of ids).',
    }),
    tests: Type.Optional(Type.Array(TestSchema, { description: 'Choice sequences and the ending each must reach.' })),
  },
  { additionalProperties: false },
);

export type ScenarioFile = Static<typeof ScenarioFileSchema>;
export type ResponseFile = Static<typeof ResponseSchema>;
export type NodeFile = Static<typeof NodeSchema>;
export type MeterFile = Static<typeof MeterSchema>;

/** The JSON Schema published for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(ScenarioFileSchema as TSchema)) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Evoke scenario, format 1',
    ...plain,
  };
}
