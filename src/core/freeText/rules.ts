// The linguistic rules of the free-text coder. Each rule looks for one surface sign a trainer
// would point at ("starts with 'what'", "'you should'", "'it's up to you'") and says, in a
// trainee's words, what that sign usually means. The rules feed the small model in model.ts as
// features, and the ones that agree with the model's verdict become the cues the trainee reads.
import type { MiCode } from '../coding/codes.ts';
import { AMOUNT, AUX, readQuestion, stripLead, type FormReading } from './questionForm.ts';
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
  /** The text's own words behind `shared`, as typed, for the cues. */
  sharedWords: string[];
  textStems: string[];
  /** Feeling words in the text that the client did not use. */
  newFeelings: string[];
  hintFeelings: string[];
  /** Whether and how it asks (questionForm.ts). */
  question: FormReading;
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
const FEELING_FRAME = /^(it sounds like |sounds like |it seems like |it seems |i guess |i imagine |i hear that |like )?(you|part of you) (are |were |have been |feel |felt |are feeling |were feeling |seem |sound |get |got |must be |must feel |might be |might feel )?(so |really |a bit |pretty |quite |very |kind of |a little |still |just |also |too |more |less |not )*([a-z-]+)/;

export function parse(text: string, context = '', hints?: FreeTextHints): Parsed {
  const norm = normalise(text);
  const textWords = words(norm);
  const sents = sentences(norm);
  const ctxNorm = normalise(context);
  const contextStems = new Set([...contentStems(ctxNorm), ...(hints?.keywords ?? []).flatMap((k) => contentStems(normalise(k)))]);
  const textStems = contentStems(norm);
  const ctxWords = new Set(words(ctxNorm).map(stem));
  const hintFeelings = (hints?.feelings ?? []).map((f) => normalise(f)).filter(Boolean);
  const newFeelings = [
    ...textWords.filter((w) => FEELING_STEMS.has(stem(w)) && !ctxWords.has(stem(w))),
    ...hintFeelings.filter((f) => norm.includes(f)),
  ];
  return {
    norm,
    words: textWords,
    sentences: sents,
    context: ctxNorm,
    contextStems,
    shared: textStems.filter((s) => contextStems.has(s)),
    sharedWords: [...new Set(textWords.filter((w) => w.length > 2 && contextStems.has(stem(w))))],
    textStems,
    newFeelings: [...new Set(newFeelings)],
    hintFeelings,
    question: readQuestion({ sentences: sents }),
  };
}

/** A rule that fires when the text contains one of the phrases (word-bounded). */
function phrases(list: string[], where: (p: Parsed) => string = (p) => p.norm): (p: Parsed) => string | null {
  const re = new RegExp(`(?:^|[^a-z])(${list.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![a-z])`);
  return (p) => where(p).match(re)?.[1] ?? null;
}

/**
 * "Can I ask you straight...? Are you having thoughts of ending your life?": asking leave to ask
 * is not seeking collaboration when the question itself follows; that question is the turn.
 */
function askingFirst(match: (p: Parsed) => string | null): (p: Parsed) => string | null {
  return (p) => {
    const m = match(p);
    if (m && /\bask\b/.test(m)) {
      const last = p.sentences.at(-1);
      if (last && !last.text.includes(m.replace(/\s+/g, ' ')) && p.question.form && !p.question.markedStatement) return null;
    }
    return m;
  };
}

/**
 * "Would you be willing to tell me...": a polite frame on a request for the client's story is not
 * permission; nor is a permission phrase inside a wh-question ("What would you want me to
 * understand?"), which asks for the client's own words.
 */
function notARequest(match: (p: Parsed) => string | null): (p: Parsed) => string | null {
  return (p) => {
    const m = match(p);
    if (m && /\b(what|how|which|who|where|why)\s+$/.test(p.norm.slice(0, p.norm.indexOf(m)))) return null;
    // "Would you be willing to talk about the nights?" still asks leave to open a topic.
    return m && isRequest(p) && !/\btalk\b/.test(p.question.matched) && p.question.matched.startsWith(m.replace(/\s+/g, ' ')) ? null : m;
  };
}

/** "That isn't weak", "nothing selfish about it": a label denied points at a strength instead. */
function unlessNegated(match: (p: Parsed) => string | null): (p: Parsed) => string | null {
  return (p) => {
    const m = match(p);
    if (m === null) return null;
    const at = p.norm.indexOf(m);
    return /\b(not|never|nothing|no)( [a-z]+)?\s+$/.test(p.norm.slice(Math.max(0, at - 20), at)) ? null : m;
  };
}

/** The first of several matchers that matches. */
function either(...matchers: ((p: Parsed) => string | null)[]): (p: Parsed) => string | null {
  return (p) => {
    for (const m of matchers) {
      const r = m(p);
      if (r !== null) return r;
    }
    return null;
  };
}

/** A rule on the start of any sentence. */
function sentenceStart(re: RegExp, clauses = false): (p: Parsed) => string | null {
  return (p) => {
    for (const s of p.sentences) {
      // In a question, a lead-in clause may come first: "If you had them back, what would change?"
      for (const part of clauses && s.question ? s.text.split(',') : [s.text]) {
        const m = stripLead(part).match(re);
        if (m) return m[0];
      }
    }
    return null;
  };
}

const SUBJ = 'you|i|we|it|that|this|there|she|he|they|your|any|anyone|anything|someone|something|a|the';

/** Asks for the client's story without a wh-word: "Tell me about...", "Could you say more...". */
function isRequest(p: Parsed): boolean {
  return p.question.form === 'open' && !/^(what|how|why|where|when|who|which|in what)\b/.test(p.question.matched);
}

/** No question mark, not worded as a question, not an order: the shape a reflection has. */
function isStatement(p: Parsed): boolean {
  if (p.sentences.some((s) => s.question) || p.question.form) return false;
  const first = p.sentences[0]?.text ?? '';
  return !/^(just |please |try |go |call |stop |start |think |forget |listen |trust |do not |make |let us )/.test(first);
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
      const m = p.question.form === 'open' ? p.question.matched.match(/^(what|how|why|in what ways?|who|where|which)\b/) : null;
      return m ? (m[1]!.startsWith('in ') ? 'in what way' : m[1]!) : null;
    },
  },
  {
    id: 'open_request',
    prior: { open_question: 3.5 },
    codes: ['open_question'],
    cue: "'{m}' asks the client to tell their story: an open question",
    match: (p) => (isRequest(p) ? p.question.matched : null),
  },
  {
    id: 'question_no_mark',
    prior: { closed_question: 1, open_question: 1 },
    codes: ['open_question', 'closed_question'],
    cue: "'{m}' is worded as a question even without a question mark",
    match: (p) => (!p.sentences.some((s) => s.question) && p.question.form && !isRequest(p) ? p.question.matched : null),
  },
  {
    id: 'closed_aux',
    prior: { closed_question: 1 },
    codes: ['closed_question'],
    cue: "starts with '{m}', so it can be answered with a yes or a no: a closed question",
    match: sentenceStart(new RegExp(`^(${AUX})( not)? (${SUBJ})\\b`), true),
  },
  {
    id: 'closed_fact',
    prior: { closed_question: 1 },
    codes: ['closed_question'],
    cue: "'{m}' asks for a single fact: a closed question",
    match: sentenceStart(new RegExp(`^(how (many|old|long|often|soon)|${AMOUNT}|what (time|day|year|age|date)|when|where|which|who|whose)\\b`), true),
  },
  {
    id: 'closed_wondering',
    prior: { closed_question: 1 },
    codes: ['closed_question'],
    cue: "'{m}' asks a yes-or-no question without a question mark: a closed question",
    match: phrases(['i am wondering whether', 'i am wondering if', 'i wonder if', 'i wonder whether', 'i would like to know if', 'i would like to know whether', 'i am curious whether', 'i am curious if']),
  },
  {
    // "I wonder if you're grieving the person you were": a guess at meaning, offered tentatively,
    // is a reflection; "I'm wondering whether you've told your doctor" asks for a fact.
    id: 'tentative_guess',
    prior: { complex_reflection: 1 },
    codes: ['complex_reflection'],
    cue: "'{m}' offers a guess at what the client feels or means: a complex reflection",
    match: sentenceStart(/^i (am |was )?wonder(ing)? (if|whether) (you are|you feel|you have been|it is|it has|it feels|that is|there is|part of you|some of|you might be|maybe)\b/),
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
    match: notARequest(askingFirst(
      either(
        phrases([
        'would it be okay if', 'would it be ok if', 'would it be all right if', 'would it be alright if', 'is it okay if', 'is it alright if', 'is it all right if',
        'would you like to hear', 'would you like to know', 'would you like me to', 'would it help to hear', 'would it help to know', 'would it help if',
        'can i share', 'could i share', 'can i tell you', 'could i tell you', 'may i', 'mind if i', 'mind if we', 'do you mind if', 'would you mind if',
        'can i ask', 'could i ask', 'can i offer', 'could i offer', 'would that be useful', 'would that be helpful',
        'would it be useful if', 'would it be helpful if', 'would it be useful to', 'would it be helpful to', 'ok if i', 'okay if i', 'alright if i', 'all right if i',
        'do you want me to', 'would you want me to', 'did you want me to', 'would you be willing', 'happy for me to', 'can i run', 'could i run', 'run a few', 'run a couple', 'run some',
        'with your permission', 'with your okay', 'if it is okay with you', 'if that is okay', 'if you would like', 'if you want',
        ]),
        // "Want me to go through them?"; but "What would you want me to understand?" asks for the client's story.
        sentenceStart(/^want me to\b/),
        // Open to hearing something is permission; "would you be open to starting in january?" asks about a plan.
        (p) => p.norm.match(/\b(would you be|are you) open to (hearing|me|my|learning|looking|talking|exploring|some|a|an|thinking|trying some)\b/)?.[0] ?? null,
      ),
    )),
  },
  {
    id: 'together',
    prior: { seeking_collaboration: 1.5 },
    codes: ['seeking_collaboration'],
    cue: "'{m}' shares the work with the client: seeking collaboration",
    match: phrases([
      'together', 'let us', 'we could', 'we can', 'shall we', 'should we', 'could we', 'can we', 'maybe we', 'perhaps we', 'us to focus', 'would you like us',
      'what would you like to focus', 'where would you like to start', 'where would you like to begin', 'where would you like us', 'how would you like to use', 'how would you like us',
      'how do you want to use', 'how would you like to spend', 'how do you want to spend', 'the time we have', 'time we have got', 'our time', 'how we use',
      'you tell me where', 'you tell me what', 'your take on', 'i would value', 'help me understand what would', 'you know your', 'you know this better', 'which would you prefer',
      'your lead', 'working together', 'put our heads together', 'brainstorm', 'most helpful for us', 'short version or', 'would that work', 'does that work for you',
      'what would work for you', 'what would be most helpful', 'what would be most useful', 'what would be helpful', 'what would be useful', 'figure out together', 'work out together',
    ]),
  },
  {
    id: 'autonomy',
    prior: { emphasizing_autonomy: 3 },
    codes: ['emphasizing_autonomy', 'persuade_with_permission', 'seeking_collaboration'],
    cue: "'{m}' leaves the choice with the client: emphasizing autonomy",
    match: phrases([
      'your choice', 'your decision', 'your call', 'up to you', 'is yours', 'are yours', 'yours to', 'you decide', 'you get to decide', 'you get a say', 'only you can',
      'you do not have to', 'you do not need to', 'nobody can make', 'no one can make', 'no one is going to', 'nobody is going to', 'you are free to',
      'you are in charge', 'you are in control', 'it is your life', 'you can choose', 'you choose', 'the expert on', 'you are the one who', 'entirely up',
      'completely up', 'not now is', 'not yet is', 'a real answer too', 'that is okay', 'that would be okay', 'your business', 'you can take or leave', 'that is fine',
      'you are the judge', 'the best judge', 'you would be the judge', 'for you to judge', 'whenever you are ready', 'as long as you need', 'does not commit you', 'no obligation', 'you can stop',
      'you can say no', 'you can say stop', 'change your mind', 'is allowed', 'are allowed', 'your right', 'your process', 'your pace', 'your own pace', 'your terms',
      'your timing', 'take the time you need', 'take your time', 'all the time you need', 'no rush', 'no pressure', 'nobody is rushing', 'no one is rushing', 'nobody is pushing',
      'whatever you decide', 'whichever way you go', 'whichever you choose', 'you know yourself', 'you know best', 'gets to choose', 'get to choose', 'take that away from you',
      'not going to make you', 'will not make you', 'nobody will make you', 'you can walk away', 'you can pull out', 'the one who decides', 'who gets to decide',
    ]),
  },
  // ---- information and advice
  {
    id: 'advice_framed',
    prior: { persuade_with_permission: 3 },
    codes: ['persuade_with_permission'],
    cue: "'{m}' offers advice in a way the client is plainly free to set aside: persuading with permission",
    match: phrases([
      'since you asked', 'since you ask', 'since you are asking', 'you asked', 'you wanted to know what i', 'you said you would like my', 'if you want a suggestion', 'if you would like my',
      'if you are open to a suggestion', 'for what it is worth', 'take it or leave it', 'feel free to ignore', 'feel free to bin', 'bin it', 'set it aside', 'may or may not fit',
      'might not fit', 'may not fit', 'see what fits', 'what fits for you', 'take what is useful', 'leave the rest', 'might not be for you', 'might not be true for you',
      'just my view', 'my honest view', 'you know yourself', 'you know your life', 'you are the judge', 'you would be the judge', 'see what you think', 'if it appeals', 'only if it makes sense', 'if you like',
      'if it is any use', 'one idea', 'here is a thought', 'you might see it differently', 'if you want it', 'you would know if', 'whether that fits', 'does that fit',
      'but i am not you', 'you get to decide if', 'only you know', 'if it helps', 'if that helps',
    ]),
  },
  {
    id: 'advice_soft',
    prior: { persuade_with_permission: 0.5, persuade: 0.5 },
    codes: ['persuade_with_permission', 'persuade'],
    cue: "'{m}' gives advice or a suggestion",
    match: phrases([
      'i would suggest', 'my suggestion', 'i suggest', 'a suggestion', 'i would recommend', 'i recommend', 'my recommendation', 'my advice', 'i reckon', 'my view is',
      'my honest take', 'my take', 'my honest opinion', 'if you want my', 'could take some of', 'would take some of',
      'i would try', 'i would give', 'i would start', 'i would probably', 'i would want', 'i would think about', 'i would go for', 'i would book', 'i would grab', 'i would do',
      'i would say', 'i think i would', 'i think you would', 'if i were you', 'if it were me', 'if i were in your', 'you might consider', 'you could try', 'you could ask', 'you could start',
      'you might try', 'you might look', 'you could always', 'it might be worth', 'it is worth', 'might be worth', 'worth considering', 'worth a try', 'worth trying', 'worth a go',
      'one thing that', 'one thing some', 'one thing people', 'something that helps', 'something a lot of people', 'some people find', 'people find', 'others find', 'parents find',
      'some people do', 'some parents find', 'some people like', 'some people ask', 'worked for others', 'has worked for', 'helped others', 'a good first step', 'might help', 'could help',
      'might suit', 'could suit', 'would suit', 'give it a go', 'give it a try', 'give it a shot',
    ]),
  },
  {
    id: 'client_asked',
    prior: { persuade_with_permission: 1, giving_information: 0.5 },
    codes: ['persuade_with_permission', 'giving_information'],
    cue: 'the client asked for this, so giving it is not pushing',
    match: phrases(
      ['what would you do', 'what do you think i should', 'should i', 'what do you recommend', 'what would you suggest', 'what do you suggest', 'your opinion', 'your advice', 'your view',
        'in my shoes', 'if you were me', 'tell me honestly', 'what do you think', 'what do you reckon', 'any tips', 'any ideas', 'any advice', 'any suggestions', 'be honest',
        'can you tell me', 'tell me what', 'how does it work', 'what happens', 'is it true', 'what is it like', 'how long', 'what is', 'how does', 'do they', 'will they', 'does it', 'can i', 'do i have to'],
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
      'you will need to', 'you will have to', 'you need the', 'you need a', 'you need some', 'you need help', 'you need therapy',
      'just do', 'just make', 'just give', 'just try', 'just ask', 'make sure', 'just make the time', 'the only way', 'do not overthink',
      'you will be fine', 'you will feel better', 'you will be glad', 'you will not regret', 'you will not fall apart', 'trust me', 'listen to her', 'listen to him', 'listen to me',
      'needs you to', 'is right', 'let us book', 'let us get you', 'get you booked', 'so you do not back out', 'so i would book', 'so i would grab', 'i would grab the',
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
    match: sentenceStart(
      /^(have you (thought about|considered|tried (?!(any|some|no|every)thing)[a-z]+ing|thought of [a-z]+ing)|why (do not you|not (just )?[a-z]+|wait)|do not you think|(would|is|could|does) (it not|not it) (be )?(better|time|easier|worth)|could not you|could you not|how about (you|just|trying|giving|if you)|what about (just|trying|giving)|would not you rather|what if you (just )?(tried|did|gave|went|started|booked|called|rang|talked|told)|what (would|could) it hurt|what is the harm|what have you got to lose)\b/,
      true,
    ),
  },
  {
    id: 'warning',
    prior: { persuade: 1.5 },
    codes: ['persuade'],
    cue: "'{m}' warns of what will happen: persuading",
    match: phrases([
      'if you do not', 'if you keep', 'will only get worse', 'get worse', 'gets worse', 'before it is too late', 'before things get worse', 'the sooner you', 'the longer you', 'the longer it',
      'the harder it gets', 'will fix', 'actually works', 'therapy works', 'it works', 'really works', 'really does work', 'will be different', 'will help you', 'you will see',
      'now is the time', 'now really is the time', 'will always be something', 'on their own', 'on its own', 'go away by itself', 'nothing to lose',
    ]),
  },
  {
    // Gordon's roadblocks: selling the treatment and reassuring the fear away argue for change.
    id: 'selling',
    prior: { persuade: 1.5 },
    codes: ['persuade'],
    cue: "'{m}' sells the treatment or reassures the worry away: persuading",
    match: phrases([
      'best researched', 'best-researched', 'best supported', 'best-supported', 'strongest evidence', 'strongest research', 'gold standard', 'the research is really', 'the research really',
      'research is strong', 'research is really strong', 'evidence is really', 'really strong', 'works really well', 'works so well', 'it is brilliant', 'in good hands', 'exactly what',
      'exactly why', 'exactly who', 'could really help', 'really could help', 'really could', 'can really help', 'would really help', 'will really help', 'could give you', 'would give you',
      'could fix', 'will not happen', 'would never happen', 'do not worry', 'nothing to worry', 'no need to worry', 'you will be totally fine', 'you will be okay',
      'most people feel', 'most people who finish', 'most people start to feel', 'feel a lot better', 'feel much better',
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
    match: unlessNegated(
      phrases([
        'denial', 'excuse', 'excuses', 'resistant', 'resistance', 'childish', 'like a child', 'dramatic', 'paranoid', 'selfish', 'lazy', 'stubborn', 'closed-minded',
        'negative attitude', 'drinking problem', 'pride talking', 'avoidance talking', 'fear talking', 'macho', 'just avoiding', 'you are avoiding', 'irresponsible', 'weak', 'ridiculous', 'silly',
        'overreacting', 'making excuses', 'in denial', 'not much of a reason', 'does not make much sense', 'a bit paranoid', 'cop-out', 'cop out', 'kidding yourself', 'fooling yourself',
        'feeling sorry for yourself', 'sorry for yourself', 'playing the victim', 'attention seeking', 'attention-seeking',
      ]),
    ),
  },
  {
    id: 'confront_stance',
    prior: { confront: 3.5 },
    codes: ['confront'],
    cue: "'{m}' disagrees with, blames or shames the client: confronting",
    match: either(
      phrases([
        'really ?', 'do you honestly think', 'do you really think', 'what did you expect', 'what kind of father', 'what kind of mother', 'what kind of parent', 'why would anyone', 'come on', 'whatever you tell yourself',
        'that is on you', 'you owe it', 'should be able to', 'you are not even', 'you keep finding', 'stop saying', 'you are just', 'that is not a', 'you can not blame',
        'hardly', 'you will have to get used', 'a grown man', 'a grown woman', 'what is wrong with you', 'maybe the problem', 'it is not working',
        'it is a bit', 'you know the', 'nobody talks', 'anyone can', 'doesn\'t make it your fault', 'does not make it your fault', 'surely', 'shame on',
        'is right to be', 'are right to be', 'that is a very', 'that is a pretty', 'that sounds like an',
        'yes but', 'yes, but', 'yeah but', 'yeah, but', 'both ways', 'if you really wanted', 'if you wanted to', 'be realistic', 'worked so well', 'working so well',
        'the same thing last', 'you have been saying', 'you keep saying', 'you said that last', 'stop hiding', 'stop making', 'stop pretending', 'own that', 'you are choosing not',
        'it takes two', 'at some point you have to', 'should not you be', 'grow up', 'man up', 'toughen up',
      ]),
      // "Hard? You only filled in a form.": what the client did, made small. A plain reflection
      // ("you only feel safe at home", "you only want what is best for them") is not a put-down.
      (p) => p.norm.match(/\byou (have )?only (ever |just )?(did|done|went|gone|came|come|tried|filled|made|gave|given|read|showed|shown|turned|managed|bothered|attended|lasted|booked|rang|called|asked|think about yourself)\b/)?.[0] ?? null,
      // "You clearly haven't moved on": a failure of the client's put as plain to see. Only a
      // failure or a fault: "You clearly don't want anyone telling you what to do" reflects what
      // the client feels, with "clearly" marking how plain it is, not blame.
      (p) => p.norm.match(/\byou (are )?(clearly|obviously) (have not|had not|are not|were not|do not|did not|can not|will not|not)( even| really| actually| ever)? (thought|think|tried|try|trying|care|cared|bother|bothered|bothering|be bothered|listen|listened|listening|moved on|move on|fine|okay|ok|serious|committed|interested|made (an|any) effort|make (an|any) effort|making (an|any) effort|put (in )?(the|any) (work|effort)|done (the|any|your)|read|taken (this|it|any)|take (this|it|any)|taking (this|it|any)|want to (get better|change|stop|try|help yourself)|learn|learned|learnt|changed|been (trying|listening|honest|doing))\b/)?.[0] ?? null,
      // "You say you want to get better, but...": the client's words held against them.
      (p) => p.norm.match(/\bbut you (say|said|keep saying) you\b|^you (say|said) you [^.?!]*\bbut\b/)?.[0] ?? null,
      // "Other mums with PTSD manage to make the time": a comparison that shames.
      (p) => p.norm.match(/\bother [a-z]+( [a-z]+){0,3} (manage|cope|find the time|make the time|get on with it)\b/)?.[0] ?? null,
    ),
  },
  // ---- affirming
  {
    id: 'strength',
    prior: { affirmation: 1.5 },
    codes: ['affirmation'],
    cue: "'{m}' names a strength or effort of the client's: an affirmation",
    match: phrases([
      'courage', 'courageous', 'brave', 'bravery', 'guts', 'nerve', 'strength', 'strong', 'determination', 'determined', 'persistence', 'persistent', 'resourceful',
      'resilient', 'resilience', 'took a lot', 'takes a lot', 'that takes', 'that took', 'it took', 'not easy', 'is not easy', 'says a lot about you',
      'smart', 'wise', 'thoughtful', 'loyal', 'loyalty', 'commitment', 'committed', 'dedicated', 'dedication', 'honest', 'fighter', 'survivor',
      'honesty', 'credit', 'you clearly care', 'you are someone who', 'you are not someone who', 'that is who you are', 'the kind of',
      'good dad', 'good mom', 'good mum', 'good parent', 'look out for', 'a lot of care', 'so much care', 'you take this seriously', 'you did it anyway',
      'you took a step', 'you know your own mind', 'you think for yourself', 'valuable', 'trust and courage', 'decision, and it came from you',
    ]),
  },
  {
    // Credit given for what the client did: "Picking up the phone at all was a big step",
    // "Three years sober tells me you know how to do hard things".
    id: 'credit',
    prior: { affirmation: 1.5 },
    codes: ['affirmation'],
    cue: "'{m}' gives the client credit for what they did: an affirmation",
    match: phrases([
      'tells me you', 'tells me that you', 'shows how', 'shows that you', 'shows real', 'shows a lot', 'says a lot', 'speaks to', 'a big step', 'a real step', 'a huge step', 'an important step',
      'was a step', 'is a step forward', 'you were willing', 'a brave', 'good on you', 'fair play', 'credit to you', 'hats off', 'kudos', 'well done for', 'you should be proud', 'showing up', 'you show up', 'you keep showing up',
      'you kept going', 'you kept at it', 'you kept trying', 'you stuck with', 'you made it here', 'you made it through', 'you managed', 'you got yourself', 'you pushed yourself',
      'you really pushed', 'you held down', 'you held it together', 'you raised', 'you came anyway',
      'you still came', 'you still showed', 'did it anyway', 'even on the bad days', 'even when it was hard', 'most people could not', 'most people would not', 'most people would have',
      'nobody in your family', 'you have done before', 'you have got through', 'you got through', 'you have survived', 'you survived', 'you look after', 'you protect',
      'you have given', 'you have been there for', 'you speak up', 'speaking up', 'you stand up', 'how seriously you',
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
    // A summary or a check on what was heard: "So what you're saying is...", "If I've got this right...".
    id: 'checking',
    prior: { simple_reflection: 1, complex_reflection: 1 },
    codes: ['simple_reflection', 'complex_reflection'],
    cue: "'{m}' gives back what you heard: a reflection",
    match: phrases([
      'what you are saying is', 'what you are telling me is', 'what i am hearing is', 'what i hear is', 'so you are saying', 'you are saying that', 'if i have got this right',
      'if i have this right', 'if i understand you', 'if i am hearing you', 'let me make sure i have got', 'let me see if i have got', 'let me check i have got', 'so let me see',
    ]),
  },
  {
    // "You feel...", "You're ashamed...", "You're scared it'll get worse?": naming the client's
    // feeling is a reflection, never an affirmation, with or without a rising voice.
    id: 'names_feeling',
    prior: { simple_reflection: 1, complex_reflection: 1 },
    codes: ['simple_reflection', 'complex_reflection'],
    cue: "'{m}' names what the client feels: a reflection",
    match: (p) => {
      if (p.question.form && !p.question.markedStatement) return null;
      for (const s of p.sentences) {
        const m = stripLead(s.text).match(FEELING_FRAME);
        if (m && (/feel|felt/.test(m[3] ?? '') || FEELING_STEMS.has(stem(m[5]!)))) return m[0];
      }
      return null;
    },
  },
  {
    id: 'picks_up',
    codes: ['simple_reflection', 'complex_reflection'],
    cue: "picks up the client's own words ('{m}')",
    match: (p) => (isStatement(p) && p.sharedWords.length ? p.sharedWords.slice(0, 3).join("', '") : null),
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
