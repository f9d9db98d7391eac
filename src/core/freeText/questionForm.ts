// Open or closed, read from the grammar of a question rather than learned from one writer's
// phrasing. A trainer decides by form: a wh-question or a request to tell ("Could you say more
// about...?") invites the client's own words; a question that starts with a verb ("Do you...",
// "Is it X or Y?") or asks for a single fact can be answered in a word. Trainees type questions
// without a question mark, in lower case, after a reflection or a lead-in clause, so the form is
// read clause by clause, not from the first word or the last character.

export type QuestionForm = 'open' | 'closed';

export interface FormReading {
  form: QuestionForm | null;
  /** The words that show the form ("what", "could you tell me", "is it"), or '?' for a statement with a question mark. */
  matched: string;
  /** True when only a question mark makes it a question: "You're worried it will get worse?" */
  markedStatement: boolean;
}

const AUX = 'do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|might|am|must';
const MODAL = 'does|did|is|are|was|were|has|can|could|would|will|should|shall|may|might';
/** Who or what an inverted auxiliary asks about: "do you", "is it", "has anyone", "are the nights". */
const SUBJECT = 'you|i|we|he|she|they|it|that|this|there|these|those|people|your|my|his|her|their|our|the|a|an|any|anyone|anybody|anything|someone|somebody|something|everyone|everybody|everything|nobody|nothing|things|either|each|all|some|both';
/** A wh-word straight before one of these opens a clause inside a statement: "what you said", "how you cope". */
const EMBEDDED_SUBJECT = 'you|i|we|he|she|they|it|people|others|everyone|everybody|someone|somebody|nobody|your|my|his|her|their|our';

const DISCOURSE_LEAD = /^(and|so|but|(okay|ok|alright|all right)(?! (if|with|to)\b)|well|now|then|also|first|honestly|though|right|just|hmm|mm|yeah|yes|no|sure|i see|i hear you|out of curiosity|just curious|before i go through them|before that)(\s*,?\s+|\s*$)/;
/** A lead-in that only announces the question after the comma: "Tell me, is it the same dream?" */
const ANNOUNCES = /^(tell me|i am curious|i was curious|i am wondering|i was wondering|i wonder|let me ask( you)?|can i ask( you)?|may i ask( you)?|quick question|one question)$/;

/** A request for the client's story, with or without a modal in front: open. */
const REQUEST_WORDS =
  'tell me( a bit| a little)?( more)?( about)?|say (a bit |a little |some |something )?more( about)?|describe|explain|walk me through|talk me through|take me through|fill me in|' +
  'help me (understand|see|get)|give me (a sense|an idea|a picture|an example)|paint me|expand on|elaborate';
const POLITE = '(can|could|would|will) you (please |maybe |possibly )?|(are|would) you (be )?able to |would you (mind|be willing to|like to) |do you want to |do you mind ';
const OPEN_REQUEST = new RegExp(`^((please )?(${REQUEST_WORDS})|(${POLITE})(${REQUEST_WORDS}|share|talk (a bit |a little )?(more )?about|go into|speak to|telling me|saying more|describing))\\b`);
const CURIOUS_OPEN = /^i (am |was |would be )?(curious|wondering|wonder)( to know| to hear)? (what|how|why|about|where you|in what)\b|^i would (like|love|be interested) to (hear|know|understand) (what|how|why|more|about|your)\b|^i (want|would like) to understand (what|how|why|more)\b/;
const CURIOUS_CLOSED = /^i (am |was |would be )?(curious|wondering|wonder)( to know)? (whether|if)\b|^i would (like|love) to know (whether|if)\b/;

const ELLIPTICAL = /^((you )?mind if|(you )?want (me )?to|wanna|(is it |would it be |that )?(ok|okay|alright|all right) (if|with you|to)|any chance|fancy|(does that |that )?sounds? (good|okay|ok|right|fair)|(does that |that )?makes? sense|ever (been|had|tried|thought|talked))\b/;
const FACT_WH = /^(how (many|much|old|long|often|far|soon|big|late|early)|what (time|day|year|age|date|number|percentage|score|rating|dose|size))\b/;
/** A scaling question asks for a number: "On a scale of 0 to 10, how ready are you?" */
const SCALE = /\b(on a scale|scale of|out of (10|ten)|(0|1|zero|one) ?(-|to) ?(10|ten))\b/;
// "Where does that leave you?", "Who would you want to know?": an invitation to think aloud.
const OPEN_WH = /^(where|who|which|when)( else| [a-z]+)? (would|could|might|does that|do you (think|see|want|reckon|suppose|imagine|guess|figure)|else|has been|have been|matters)\b|^(where|who) is been\b|^where is that (coming|leaving|taking)\b|^where (are|is) (you|it|this|that|things) (with|at|now|going)\b/;
// "How hard that must be." is an exclamation, not a question: no auxiliary after the adjective.
const EXCLAMATION = new RegExp(`^(how (?!(${AUX}|come|about)\\b)[a-z]+ (that|this|it|everything|things|you|your)\\b|what an? )`);

const EMBEDDED = new RegExp(`^(what|how|why|where|when|who|whom|which|whose) (${EMBEDDED_SUBJECT})\\b`);
const FREE_RELATIVE = new RegExp(`^what (?!(${AUX})\\b)[a-z]+ (${AUX}|stays|seems|sounds|matters)\\b(?! (${EMBEDDED_SUBJECT}|that|this|there)\\b)`);
const WHEN_ASKS = new RegExp(`^when (${AUX}|else)\\b`);
const INVERTED_SUBJECT = new RegExp(`^(${AUX})( not)? (${SUBJECT})\\b`);
const INVERTED_ANY = new RegExp(`^(${AUX})( not)? [a-z]+`);
const MODAL_FIRST = new RegExp(`^(${MODAL})( not)? [a-z]+`);

export function stripLead(clause: string): string {
  let t = clause.trim().replace(/^\([^)]*\)\s*/, '');
  for (let previous = ''; previous !== t; ) {
    previous = t;
    t = t.replace(DISCOURSE_LEAD, '').trim();
  }
  return t;
}

/** The form of one clause, or null when it does not start like a question. */
export function clauseForm(clause: string, asked = true): { form: QuestionForm; matched: string } | null {
  const t = stripLead(clause);
  let m: RegExpMatchArray | null;
  if ((m = t.match(OPEN_REQUEST))) return { form: 'open', matched: m[0] };
  if ((m = t.match(CURIOUS_OPEN))) return { form: 'open', matched: m[0] };
  if ((m = t.match(CURIOUS_CLOSED))) return { form: 'closed', matched: m[0] };
  if ((m = t.match(FACT_WH))) return { form: 'closed', matched: m[0] };
  if (/^(how come|what about|what if|what else|in what ways?|what kind of|what sort of)\b/.test(t)) return { form: 'open', matched: t.split(' ').slice(0, 2).join(' ') };
  const wh = t.match(/^(what|how|why|where|when|who|whom|which|whose)\b/);
  if (wh) {
    // "What you're describing is...", "When you think about it, ...": not a question.
    if (EMBEDDED.test(t) || EXCLAMATION.test(t)) return null;
    // Without a question mark, "What happened can't be undone" is a statement about what happened:
    // no subject follows the auxiliary.
    if (!asked && FREE_RELATIVE.test(t)) return null;
    if (wh[1] === 'what' || wh[1] === 'how' || wh[1] === 'why') return { form: 'open', matched: wh[1] };
    if ((m = t.match(OPEN_WH))) return { form: 'open', matched: m[0] };
    // "When the beers don't work, what then?": 'when' without an auxiliary starts a condition.
    if (wh[1] === 'when' && !WHEN_ASKS.test(t)) return null;
    return { form: 'closed', matched: wh[1]! };
  }
  if ((m = t.match(INVERTED_SUBJECT))) {
    // Without a question mark, "Do it for them." and "Have a think." are orders, not questions.
    if (asked || !/^(do|have)( not)? (?!(you|i|we|they|he|she)\b)/.test(m[0])) return { form: 'closed', matched: m[0] };
  }
  // Typed questions drop the auxiliary: "mind if I ask...", "want to go through them together?"
  if ((m = t.match(ELLIPTICAL))) return { form: 'closed', matched: m[0] };
  if ((m = t.match(/^(any|anything|anyone|anybody|is that right|is that so|or not|yes or no)\b/))) return { form: 'closed', matched: m[0] };
  return null;
}

/** Subordinate or conditional lead-ins that a question may follow: "If you had your nights back, what...". */
const SUBORDINATE = /^(if|when|whenever|since|because|before|after|as|while|now that|given|once|even if|even though|although|though|say|suppose|imagine|looking|thinking|between|of all|out of|apart from|besides|aside from)\b/;

/** A tag after a statement asks only for a nod: "You're worried what they'll think, isn't it?" */
const TAG = new RegExp(`^((${AUX})( not)? (you|i|we|it|that|this|there|they|he|she)( not)?|right|yeah|yes|no|eh|correct|true|you know)$`);

function sentenceForm(text: string, asked: boolean): { form: QuestionForm; matched: string } | null {
  if (asked && SCALE.test(text)) return { form: 'closed', matched: text.match(SCALE)![0] };
  const clauses = text.split(/,|\s-\s/);
  for (const [i, clause] of clauses.entries()) {
    const t = stripLead(clause);
    if (!t || ANNOUNCES.test(t)) continue;
    if (i > 0 && TAG.test(t)) return null;
    const f = clauseForm(t, asked);
    if (f) return f;
    // An auxiliary first is enough whatever the subject ("Is work the main thing...?", "would
    // thursday or friday be easier"); without a question mark, "do" and "have" may start an order.
    const inverted = t.match(asked ? INVERTED_ANY : MODAL_FIRST);
    if (inverted) return { form: 'closed', matched: inverted[0] };
    // In a question, a statement or lead-in clause may come first; in a statement, only a
    // subordinate clause can come before the question ("When you check the locks, does it help").
    if (!asked && !SUBORDINATE.test(t)) return null;
  }
  return null;
}

/**
 * How a response asks, if it does. The last sentence that asks decides (a reflection followed by
 * a question is coded for its question); with no question mark, the last sentence that reads as
 * a question or a request to tell. A statement with only a question mark (or a tag: "..., right?")
 * is flagged as such: closed in form, but a reflection with a rising voice in what it does.
 */
export function readQuestion(p: { sentences: readonly { text: string; question: boolean }[] }): FormReading {
  const asked = p.sentences.filter((s) => s.question).reverse();
  for (const s of asked) {
    const f = sentenceForm(s.text, true);
    if (f) return { ...f, markedStatement: false };
  }
  // No question mark, or it ends a part that is not itself worded as a question ("Where would
  // you like to start: what your wife wants, or what you want?").
  for (const s of [...p.sentences].reverse()) {
    if (s.question) continue;
    const f = sentenceForm(s.text, false);
    if (f) return { ...f, markedStatement: false };
  }
  return asked.length ? { form: 'closed', matched: '?', markedStatement: true } : { form: null, matched: '', markedStatement: false };
}

export function questionForm(p: { sentences: readonly { text: string; question: boolean }[] }): QuestionForm | null {
  return readQuestion(p).form;
}
