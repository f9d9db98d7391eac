// The linguistic rules of the free-text coder. Each rule looks for one surface sign a trainer
// would point at ("starts with 'what'", "'you should'", "'it's up to you'") and says, in a
// trainee's words, what that sign usually means. The rules feed the small model in model.ts as
// features, and the ones that agree with the model's verdict become the cues the trainee reads.
import type { MiCode } from '../coding/codes.ts';
import { contentStems, normalise, sentences, stem, words } from './text.ts';
import type { FreeTextHints } from './types.ts';

export interface Parsed {
  norm: string;
  words: string[];
  sentences: { text: string; question: boolean }[];
  context: string;
  contextStems: Set<string>;
  /** The text's content words (stemmed) that the client's line or the author's key words contain. */
  shared: string[];
  textStems: string[];
  /** Feeling words in the text that the client did not use. */
  newFeelings: string[];
  hintFeelings: string[];
}

export interface Rule {
  id: string;
  /** The codes this sign speaks for: its cue is shown only when the verdict is one of them. */
  codes: readonly MiCode[];
  /** What the sign means, for the trainee; {m} is replaced by the words that matched. */
  cue: string;
  /** The matched words, or null. */
  match: (p: Parsed) => string | null;
  /**
   * What an MI trainer would read into the sign before seeing any data: the model starts from
   * these weights and is pulled back towards them, so a sign the training data shows only once
   * or twice still counts. Learned weights move away from them where the data disagree.
   */
  prior?: Partial<Record<MiCode, number>>;
}

const FEELINGS = `afraid scared fear frightened terrified anxious worried worry nervous uneasy wary dread panic
  angry anger furious resent resentful frustrated frustration irritated annoyed fed-up
  ashamed shame embarrassed humiliated guilty guilt blame regret
  sad sadness grief grieving lonely alone isolated empty numb hopeless helpless despair down low
  tired exhausted worn drained weary heavy weight burden carrying stretched overwhelmed
  hurt betrayed betrayal abandoned rejected misunderstood judged trapped stuck torn
  relief relieved hope hopeful proud pride determined ready eager curious brave
  safe unsafe protect protecting protected control powerless respected dignity trust distrust
  stings sting painful pain cost costing loss lose losing disappointed let-down doubt doubtful`
  .split(/\s+/)
  .filter(Boolean);
const FEELING_STEMS = new Set(FEELINGS.map(stem));

export function parse(text: string, context = '', hints?: FreeTextHints): Parsed {
  const norm = normalise(text);
  const ctxNorm = normalise(context);
  const contextStems = new Set([...contentStems(ctxNorm), ...(hints?.keywords ?? []).flatMap((k) => contentStems(normalise(k)))]);
  const textStems = contentStems(norm);
  const ctxWords = new Set(words(ctxNorm).map(stem));
  const hintFeelings = (hints?.feelings ?? []).map((f) => normalise(f)).filter(Boolean);
  const newFeelings = [
    ...words(norm).filter((w) => FEELING_STEMS.has(stem(w)) && !ctxWords.has(stem(w))),
    ...hintFeelings.filter((f) => norm.includes(f)),
  ];
  return {
    norm,
    words: words(norm),
    sentences: sentences(norm),
    context: ctxNorm,
    contextStems,
    shared: textStems.filter((s) => contextStems.has(s)),
    textStems,
    newFeelings: [...new Set(newFeelings)],
    hintFeelings,
  };
}

/** A rule that fires when the text contains one of the phrases (word-bounded). */
function phrases(list: string[], where: (p: Parsed) => string = (p) => p.norm): (p: Parsed) => string | null {
  const re = new RegExp(`(?:^|[^a-z])(${list.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![a-z])`);
  return (p) => where(p).match(re)?.[1] ?? null;
}

/** A rule on the start of any sentence. */
function sentenceStart(re: RegExp, clauses = false): (p: Parsed) => string | null {
  return (p) => {
    for (const s of p.sentences) {
      // In a question, a lead-in clause may come first: "If you had them back, what would change?"
      for (const part of clauses && s.question ? s.text.split(',') : [s.text]) {
        const m = part.trim().replace(/^(and|so|but|okay|ok|well|now|then|also|first)\s+,?\s*/, '').match(re);
        if (m) return m[0];
      }
    }
    return null;
  };
}

/** No question mark, and not a request or an order: the shape a reflection has. */
const AUX = 'do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|might|am';
const SUBJ = 'you|i|we|it|that|this|there|she|he|they|your|any|anyone|anything|someone|something|a|the';
const ASKS_WITHOUT_MARK = new RegExp(`^((${AUX})( not)? (${SUBJ})|(what|how|why|where|when|who|which)( [a-z]+)? (${AUX}) (you|i|we|it|that|this|they|she|he))\\b`);

function isStatement(p: Parsed): boolean {
  if (p.sentences.some((s) => s.question)) return false;
  const first = p.sentences[0]?.text ?? '';
  if (ASKS_WITHOUT_MARK.test(first)) return false;
  return !/^(tell me|say |help me|walk me|describe|talk me|i wonder|i am curious|i would like|just |please |try |go |call |stop |start |think |forget |listen |trust |do not |make |let us )/.test(first);
}

export const RULES: readonly Rule[] = [
  // ---- questions
  {
    id: 'question_mark',
    codes: ['open_question', 'closed_question', 'seeking_collaboration'],
    cue: 'ends with a question mark: a question',
    match: (p) => (p.sentences.some((s) => s.question) ? '?' : null),
  },
  {
    id: 'open_wh',
    prior: { open_question: 1 },
    codes: ['open_question'],
    cue: "starts with '{m}', which invites the client to answer in their own words: an open question",
    match: (p) => {
      const m = sentenceStart(/^(what|how|why|in what ways?|what kind of|what sort of)\b(\s+[a-z]+)?/, true)(p);
      if (!m) return null;
      if (/^(how (many|much|old|long|often|far|soon)|what (time|day|year|age|date))\b/.test(m)) return null;
      return m.split(/\s+/)[0] === 'in' ? 'in what way' : m.split(/\s+/)[0]!;
    },
  },
  {
    id: 'open_request',
    prior: { open_question: 3.5 },
    codes: ['open_question'],
    cue: "'{m}' asks the client to tell their story without a question mark: an open question",
    match: sentenceStart(
      /^(tell me( more)?( about)?|say (a bit |a little |some)?more|help me understand|walk me through|describe|talk me through|i wonder (what|how|why)|i am (curious|wondering) (what|how|why|about)|i would (like|love) to hear (what|how|more|about)|i would like to know (what|how|more))\b/,
    ),
  },
  {
    id: 'question_no_mark',
    prior: { closed_question: 1, open_question: 1 },
    codes: ['open_question', 'closed_question'],
    cue: "'{m}' is worded as a question even without a question mark",
    match: (p) => {
      if (p.sentences.some((s) => s.question)) return null;
      for (const s of p.sentences) {
        const m = s.text.replace(/^(and|so|but|okay|well|now|then)\s+/, '').match(ASKS_WITHOUT_MARK);
        if (m) return m[0];
      }
      return null;
    },
  },
  {
    id: 'closed_aux',
    prior: { closed_question: 1 },
    codes: ['closed_question', 'seeking_collaboration'],
    cue: "starts with '{m}', so it can be answered with a yes or a no: a closed question",
    match: sentenceStart(new RegExp(`^(${AUX})( not)? (${SUBJ})\\b`), true),
  },
  {
    id: 'closed_fact',
    prior: { closed_question: 1 },
    codes: ['closed_question'],
    cue: "'{m}' asks for a single fact: a closed question",
    match: sentenceStart(/^(how (many|much|old|long|often|far|soon)|what (time|day|year|age|date)|when|where|which|who|whose)\b/, true),
  },
  {
    id: 'closed_wondering',
    prior: { closed_question: 3 },
    codes: ['closed_question'],
    cue: "'{m}' asks a yes-or-no question without a question mark: a closed question",
    match: phrases(['i am wondering whether', 'i am wondering if', 'i wonder if', 'i wonder whether', 'i would like to know if', 'i would like to know whether', 'i am curious whether', 'i am curious if']),
  },
  {
    id: 'tag_question',
    prior: { closed_question: 1 },
    codes: ['closed_question'],
    cue: "a statement turned into a yes-or-no question ('{m}'): a closed question",
    match: phrases(['did you ?', 'do you ?', 'is it ?', 'are you ?', 'right ?', 'have you ?', 'is that right', 'is that so', 'or not ?']),
  },
  // ---- sharing power
  {
    id: 'permission',
    prior: { seeking_collaboration: 3 },
    codes: ['seeking_collaboration', 'persuade_with_permission'],
    cue: "'{m}' asks permission before offering something: seeking collaboration",
    match: phrases([
      'would it be okay if', 'would it be ok if', 'would it be all right if', 'would it be alright if', 'is it okay if', 'is it alright if', 'is it all right if',
      'would you like to hear', 'would you like to know', 'would you like me to', 'would it help to hear', 'would it help to know', 'would it help if',
      'can i share', 'could i share', 'can i tell you', 'could i tell you', 'may i', 'mind if i', 'do you mind if', 'would you mind if',
      'can i ask', 'could i ask', 'can i offer', 'could i offer', 'would that be useful', 'would that be helpful', 'would you be open to',
      'with your permission', 'with your okay', 'if it is okay with you', 'if that is okay', 'if you would like', 'if you want',
    ]),
  },
  {
    id: 'together',
    prior: { seeking_collaboration: 1.5 },
    codes: ['seeking_collaboration'],
    cue: "'{m}' shares the work with the client: seeking collaboration",
    match: phrases([
      'together', 'let us', 'we could', 'we can', 'shall we', 'could we', 'can we', 'maybe we', 'perhaps we', 'us to focus', 'would you like us',
      'what would you like to focus', 'where would you like to start', 'where would you like to begin', 'how would you like to use', 'how would you like us',
      'you tell me where', 'your take on', 'i would value', 'help me understand what would', 'you know your', 'you know this better', 'which would you prefer',
      'your lead', 'working together', 'put our heads together', 'brainstorm', 'most helpful for us',
    ]),
  },
  {
    id: 'autonomy',
    prior: { emphasizing_autonomy: 3 },
    codes: ['emphasizing_autonomy', 'persuade_with_permission', 'seeking_collaboration'],
    cue: "'{m}' leaves the choice with the client: emphasizing autonomy",
    match: phrases([
      'your choice', 'your decision', 'your call', 'up to you', 'is yours', 'yours to', 'you decide', 'you get to decide', 'you get a say', 'only you can',
      'you do not have to', 'you do not need to', 'nobody can make', 'no one can make', 'no one is going to', 'nobody is going to', 'you are free to',
      'you are in charge', 'you are in control', 'it is your life', 'you can choose', 'you choose', 'the expert on', 'you are the one who', 'entirely up',
      'completely up', 'not now is', 'not yet is', 'a real answer too', 'that is okay', 'that would be okay', 'your business', 'you can take or leave', 'that is fine',
      'you are the judge', 'for you to judge', 'whenever you are ready', 'as long as you need', 'does not commit you', 'no obligation', 'you can stop',
    ]),
  },
  // ---- information and advice
  {
    id: 'advice_framed',
    prior: { persuade_with_permission: 3 },
    codes: ['persuade_with_permission'],
    cue: "'{m}' offers advice in a way the client is plainly free to set aside: persuading with permission",
    match: phrases([
      'since you asked', 'since you ask', 'you asked', 'you wanted to know what i', 'you said you would like my', 'if you want a suggestion', 'if you would like my',
      'if you are open to a suggestion', 'for what it is worth', 'take it or leave it', 'feel free to ignore', 'feel free to bin', 'set it aside', 'may or may not fit',
      'just my view', 'you know yourself', 'you know your life', 'you are the judge', 'see what you think', 'if it appeals', 'only if it makes sense', 'if you like',
      'if it is any use', 'one idea', 'here is a thought', 'you might see it differently', 'if you want it', 'you would know if', 'whether that fits',
      'but i am not you', 'you get to decide if',
    ]),
  },
  {
    id: 'advice_soft',
    prior: { persuade_with_permission: 0.5, persuade: 0.5 },
    codes: ['persuade_with_permission', 'persuade'],
    cue: "'{m}' gives advice or a suggestion",
    match: phrases([
      'i would suggest', 'my suggestion', 'i suggest', 'i would try', 'i would give', 'i would start', 'i would probably', 'i would want', 'i would think about',
      'i would say', 'i think i would', 'if i were you', 'if it were me', 'if i were in your', 'you might consider', 'you could try', 'you could ask', 'you could start',
      'you might try', 'you might look', 'it might be worth', 'it is worth', 'one thing that', 'one thing some', 'one thing people', 'some people find',
      'some people do', 'some parents find', 'some people like', 'some people ask', 'a good first step', 'might help', 'could help',
    ]),
  },
  {
    id: 'client_asked',
    prior: { persuade_with_permission: 1, giving_information: 0.5 },
    codes: ['persuade_with_permission', 'giving_information'],
    cue: 'the client asked for this, so giving it is not pushing',
    match: phrases(
      ['what would you do', 'what do you think i should', 'should i', 'what do you recommend', 'what would you suggest', 'your opinion', 'in my shoes', 'if you were me',
        'tell me honestly', 'what do you think', 'can you tell me', 'tell me what', 'how does it work', 'what happens', 'is it true', 'what is it like', 'how long'],
      (p) => p.context,
    ),
  },
  {
    id: 'facts',
    prior: { giving_information: 0.5 },
    codes: ['giving_information'],
    cue: "'{m}': facts about the therapy or the condition, offered without a push: giving information",
    match: phrases([
      'sessions', 'session', 'weeks', 'weekly', 'minutes', 'percent', 'two thirds', 'research', 'studies', 'evidence', 'most people', 'many people', 'usually',
      'typically', 'often', 'common', 'symptom', 'symptoms', 'therapist', 'therapists', 'clinic', 'clinics', 'ptsd', 'prolonged exposure', 'cpt', 'emdr',
      'narrative exposure', 'net', 'tf-cbt', 'written exposure', 'pe', 'the va', 'confidential', 'confidentiality', 'involves', 'works on', 'is done',
      'there is a', 'there are', 'offer', 'offers', 'includes', 'criteria', 'appointment', 'appointments', 'homework', 'worksheets',
    ]),
  },
  {
    id: 'about_the_world',
    prior: { giving_information: 1 },
    codes: ['giving_information'],
    cue: 'says how things are in general, not what the client feels or should do: giving information',
    match: (p) => {
      const first = p.sentences[0];
      if (!first || first.question || p.sentences.some((s) => s.question)) return null;
      if (/\b(you|your|yourself|i|me|my|we|us|let)\b/.test(first.text)) return null;
      return /\b(is|are|was|were|can|usually|often|tends?|means|involves|includes|works?|offers?|has|have|does|do|takes?|lasts?)\b/.test(first.text) ? 'general' : null;
    },
  },
  {
    id: 'directive',
    prior: { persuade: 3 },
    codes: ['persuade'],
    cue: "'{m}' tells the client what to do without asking: persuading",
    match: phrases([
      'you should', 'you need to', 'you have to', 'you must', 'you ought to', 'you have got to', 'you really need', 'you really have', 'you really should',
      'just do', 'just make', 'just give', 'just try', 'just ask', 'make sure', 'just make the time', 'the only way', 'do not overthink',
      'you will be fine', 'you will feel better', 'you will not fall apart', 'trust me', 'listen to her', 'listen to him', 'listen to me',
      'needs you to', 'is right', 'let us book', 'so you do not back out',
    ]),
  },
  {
    id: 'imperative',
    prior: { persuade: 1.5 },
    codes: ['persuade'],
    cue: "starts with an order ('{m}'): tells the client what to do",
    match: sentenceStart(/^(just |please )?(try|go|call|stop|start|think about|forget|listen|trust|sign|book|give|write|do not|never|quit|cut|get|make|put|read|ask|sign up|come on)\b/),
  },
  {
    id: 'advice_question',
    prior: { persuade: 4 },
    codes: ['persuade'],
    cue: "'{m}' is advice dressed as a question: persuading",
    match: phrases([
      'have you thought about', 'have you considered', 'why do not you', 'why not just', 'why not try', 'why not give', 'why not ask', 'do not you think', 'would it not be better',
      'would not it be better', 'would not it be', 'could not you', 'could you not', 'how about you', 'what about just', 'would not you rather', 'is it not time',
    ]),
  },
  {
    id: 'warning',
    prior: { persuade: 1.5 },
    codes: ['persuade'],
    cue: "'{m}' warns of what will happen: persuading",
    match: phrases([
      'if you do not', 'will only get worse', 'get worse', 'before it is too late', 'before things get worse', 'the sooner you', 'will fix', 'actually works',
      'therapy works', 'it works', 'will be different', 'will help you', 'you will see',
    ]),
  },
  {
    id: 'arguing',
    prior: { persuade: 1.5 },
    codes: ['persuade', 'confront'],
    cue: "'{m}' argues the case for change: persuading",
    match: phrases(['think about your', 'think of everything', 'she needs', 'he needs', 'they need you', 'is what keeps', 'of course there is', 'even the toughest', 'comes first']),
  },
  // ---- confronting
  {
    id: 'label',
    prior: { confront: 3.5 },
    codes: ['confront'],
    cue: "'{m}' labels or judges the client: confronting",
    match: phrases([
      'denial', 'excuse', 'excuses', 'resistant', 'resistance', 'childish', 'like a child', 'dramatic', 'paranoid', 'selfish', 'lazy', 'stubborn', 'closed-minded',
      'negative attitude', 'drinking problem', 'pride talking', 'macho', 'just avoiding', 'you are avoiding', 'irresponsible', 'weak', 'ridiculous', 'silly',
      'overreacting', 'making excuses', 'in denial', 'not much of a reason', 'does not make much sense', 'a bit paranoid',
    ]),
  },
  {
    id: 'confront_stance',
    prior: { confront: 3.5 },
    codes: ['confront'],
    cue: "'{m}' disagrees with, blames or shames the client: confronting",
    match: phrases([
      'really ?', 'do you honestly think', 'do you really think', 'what did you expect', 'what kind of father', 'what kind of mother', 'what kind of parent', 'why would anyone', 'come on', 'whatever you tell yourself',
      'that is on you', 'you owe it', 'should be able to', 'you are not even', 'you keep finding', 'stop saying', 'you are just', 'that is not a', 'you can not blame',
      'hardly', 'you only', 'you will have to get used', 'a grown man', 'a grown woman', 'what is wrong with you', 'you are being', 'maybe the problem', 'it is not working',
      'it is a bit', 'you know the', 'you say you', 'nobody talks', 'anyone can', 'doesn\'t make it your fault', 'does not make it your fault', 'surely', 'shame on',
      'is right to be', 'are right to be', 'that is a very', 'that is a pretty', 'that sounds like an',
    ]),
  },
  // ---- affirming
  {
    id: 'strength',
    prior: { affirmation: 1.5 },
    codes: ['affirmation'],
    cue: "'{m}' names a strength or effort of the client's: an affirmation",
    match: phrases([
      'courage', 'courageous', 'brave', 'bravery', 'guts', 'strength', 'strong', 'determination', 'determined', 'persistence', 'persistent', 'resourceful',
      'resilient', 'resilience', 'took a lot', 'takes a lot', 'that takes', 'that took', 'it took', 'not easy', 'is not easy', 'says a lot about you', 'says something about you',
      'smart', 'wise', 'thoughtful', 'loyal', 'loyalty', 'care about', 'really care', 'you care', 'commitment', 'committed', 'dedicated', 'dedication', 'honest',
      'honesty', 'credit', 'you have kept', 'you have been', 'you clearly', 'you are someone who', 'you are not someone who', 'that is who you are',
      'good dad', 'good mom', 'good parent', 'look out for', 'a lot of care', 'protected', 'you take this seriously', 'you did it anyway', 'you still',
      'you took a step', 'on your own', 'you know your own mind', 'you think for yourself', 'valuable', 'trust and courage', 'decision, and it came from you',
    ]),
  },
  // ---- reflecting
  {
    id: 'statement',
    prior: { simple_reflection: 0.5, complex_reflection: 0.5 },
    codes: ['simple_reflection', 'complex_reflection'],
    cue: 'a statement about the client, not a question: a reflection',
    match: (p) => {
      if (p.sentences.some((s) => s.question)) return null;
      const first = p.sentences[0]?.text ?? '';
      const m = first.match(/^(so |and |it sounds like |sounds like |it seems |it seems like |you feel |you are feeling |i hear |i am hearing )?(you|your|part of you|on one hand|it is|it has|being|the|that|something|some|fifteen|three|worksheets|twelve|talking|needing|keeping|speaking|blaming)\b/);
      return m ? m[0] : null;
    },
  },
  {
    id: 'reflect_stem',
    codes: ['simple_reflection', 'complex_reflection'],
    cue: "'{m}' is how reflections often begin",
    match: sentenceStart(/^(it sounds like|sounds like|it seems|you feel|you are feeling|so you|you are|you have|you want|you would|you do not|you can not|part of you|on one hand)\b/),
  },
  {
    id: 'picks_up',
    codes: ['simple_reflection', 'complex_reflection'],
    cue: "picks up the client's own words ('{m}')",
    match: (p) => (isStatement(p) && p.shared.length ? [...new Set(p.shared)].slice(0, 3).join("', '") : null),
  },
  {
    id: 'close_to_words',
    prior: { simple_reflection: 1 },
    codes: ['simple_reflection'],
    cue: "stays close to what the client said, adding little: a simple reflection",
    match: (p) => (isStatement(p) && p.textStems.length > 0 && p.shared.length / p.textStems.length >= 0.5 ? 'close' : null),
  },
  {
    id: 'new_feeling',
    prior: { complex_reflection: 1 },
    codes: ['complex_reflection'],
    cue: "adds a feeling the client did not name ('{m}'): a complex reflection",
    match: (p) => (p.newFeelings.length ? p.newFeelings.slice(0, 2).join("', '") : null),
  },
  {
    id: 'adds_meaning',
    prior: { complex_reflection: 1 },
    codes: ['complex_reflection'],
    cue: "'{m}' adds meaning the client did not say: a complex reflection",
    match: phrases([
      'part of you', 'on one hand', 'on the other', 'as if', 'like holding', 'it is like', 'really about', 'not really about', 'what matters', 'matters more',
      'more than', 'even though', 'and yet', 'not just', 'it is not that', 'the way you', 'a way to', 'has been how', 'has been a way', 'would feel like', 'feels like',
      'you want', 'you would want', 'you are not sure', 'you are afraid', 'you are worried', 'you are protecting', 'something in you', 'torn', 'at the same time',
      'one more thing', 'what it is costing', 'cost you', 'would cost', 'you are tired of', 'lately', 'getting heavier', 'is shifting', 'took a lot out of you',
    ]),
  },
  {
    id: 'double_sided',
    prior: { complex_reflection: 2 },
    codes: ['complex_reflection'],
    cue: 'holds both sides of the ambivalence at once: a complex reflection',
    match: (p) => (/part of you .* (and|but) (another |the other )?part/.test(p.norm) || /on (the )?one hand .* on the other/.test(p.norm) ? 'both sides' : null),
  },
  {
    id: 'i_statement',
    codes: ['giving_information', 'persuade_with_permission', 'seeking_collaboration'],
    cue: "starts from the speaker ('{m}'), not the client",
    match: sentenceStart(/^(i|i think|i would|i can|i have|my)\b/),
  },
  {
    id: 'praise',
    codes: [],
    cue: "'{m}' is praise from you rather than a strength named in the client",
    match: sentenceStart(/^(great|good job|well done|awesome|excellent|wonderful|perfect|good for you|i am proud of you|nice)\b/),
  },
];

/** The rules that fire on a parsed text, with what each matched. */
export function fire(p: Parsed): { rule: Rule; matched: string }[] {
  const hits: { rule: Rule; matched: string }[] = [];
  for (const rule of RULES) {
    const m = rule.match(p);
    if (m !== null) hits.push({ rule, matched: m });
  }
  return hits;
}
