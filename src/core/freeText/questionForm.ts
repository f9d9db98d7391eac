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
  /** True when a part worded as a question carries a question mark; a tag alone does not count. */
  asked: boolean;
  /** True when the form is that of a tag question: "You went to the intake, didn't you?" */
  tag?: boolean;
}

/** The auxiliaries and modals that can start a yes/no question: shared with rules.ts. */
export const AUX = 'do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|might|am|must';
const MODAL = 'does|did|is|are|was|were|has|can|could|would|will|should|shall|may|might';
/** Who or what an inverted auxiliary asks about: "do you", "is it", "has anyone", "are the nights". */
const SUBJECT = 'you|i|we|he|she|they|it|that|this|there|these|those|people|your|my|his|her|their|our|the|a|an|any|anyone|anybody|anything|someone|somebody|something|everyone|everybody|everything|nobody|nothing|things|either|each|all|some|both';
/** A wh-word straight before one of these opens a clause inside a statement: "what you said", "how you cope". */
const EMBEDDED_SUBJECT = 'you|i|we|he|she|they|it|people|others|everyone|everybody|someone|somebody|nobody|your|my|his|her|their|our';

const DISCOURSE_LEAD = /^(and|so|but|(okay|ok|alright|all right)(?! (if|with|to)\b)|well|now|then|also|first|honestly|though|right|just|hmm|mm|yeah|yes|no|sure|go on|i see|i hear you|out of curiosity|just curious|before i go through them|before that)(\s*,?\s+|\s*$)/;
/** A lead-in that only announces the question after the comma: "Tell me, is it the same dream?" */
const ANNOUNCES = /^(tell me|i am curious|i was curious|i am wondering|i was wondering|i wonder|let me ask( you)?|can i ask( you)?|may i ask( you)?|quick question|one question)$/;

/** A request for the client's story, with or without a modal in front: open. */
const REQUEST_WORDS =
  'tell me( a bit| a little)?( more)?( about)?|say (a bit |a little |some |something )?more( about)?|say (a bit|a little|something|some) about|describe|explain|walk me through|talk me through|take me through|talk to me about|fill me in|share with me|' +
  'help me (understand|see|get)|give me (a sense|an idea|a picture|an example)|paint me|expand on|elaborate';
const POLITE = '(can|could|would|will) you (please |maybe |possibly )?|(are|would) you (be )?able to |would you (mind|be willing to|like to) |do you want to |do you mind ';
const OPEN_REQUEST = new RegExp(`^((please )?(${REQUEST_WORDS})|(${POLITE})(${REQUEST_WORDS}|share|talk (a bit |a little )?(more )?about|go into|speak to|telling me|saying more|describing))\\b`);
const CURIOUS_OPEN = /^i (am |was |would be )?(curious|wondering|wonder)( to know| to hear)? (what|how|why|about|where you|in what)\b|^i would (like|love|be interested) to (hear|know|understand) (what|how|why|more|about|your)\b|^i (want|would like) to understand (what|how|why|more)\b|^i (am|would be|was) (really |very |genuinely |also )?(interested|keen) (in|to) (hear(ing)?|know(ing)?|understand(ing)?|learn(ing)?)? ?(what|how|why|more|about|your)\b/;
const CURIOUS_CLOSED = /^i (am |was |would be )?(curious|wondering|wonder)( to know)? (whether|if)\b|^i would (like|love) to know (whether|if)\b/;
/**
 * "I wonder if you're grieving the person you were": a guess at a feeling or a meaning, offered
 * tentatively, is a complex reflection, not a question; "I'm wondering whether you've told your
 * doctor" asks for a fact.
 */
const TENTATIVE_GUESS = /^i (am |was )?wonder(ing)? (if|whether) (you are|you were|you feel|you felt|you might|you may|you would|part of you|some of|maybe|perhaps|it (is|was|feels|felt|has been|might|may|would)(?! (ok|okay|alright|all right|possible|worth)\b)|that (is|was|feels|might)|there is|this is)\b/;

const ELLIPTICAL = /^((you )?mind if|want (me )?to|wanna|(is it |would it be |that )?(ok|okay|alright|all right) (if|with you|to)|any chance|fancy|(does that |that )?sounds? (good|okay|ok|right|fair)|(does that |that )?makes? sense|ever (been|had|tried|thought|talked))\b/;
/**
 * A question for a fact, a number or a name, even when it starts with how or what: "How long ago
 * was that?", "What dose are you on?", "What's her name?", "Which clinic was it?".
 */
const FACT_NOUN = 'time|times|day|days|year|month|week|age|date|number|percentage|percent|score|rating|dose|dosage|size|name|address|medication|medications|meds|tablets|pills|grade|level|ward|clinic|hospital|unit|station|shift|shifts';
/**
 * "How much", "how far" and "how big" ask for an amount only when what they measure is literal:
 * a thing after "much" ("How much sleep...?"), a price or a weight ("How much does it cost?"), a
 * distance ("How far is it?"). Otherwise they ask how much something matters ("How much has this
 * been weighing on you?", "how big a deal is this for you"), which invites the client's account.
 */
export const AMOUNT = `how much (?!(${AUX}|${EMBEDDED_SUBJECT}|that|this|it|of|more|less|better|worse|easier|harder|further|[a-z]+er)\\b)[a-z]+|how much (${AUX}) ([a-z]+ ){0,3}?(cost|costs|weigh|weighs|pay|earn|drink|smoke|owe|spend|charge)\\b|how much (is|was|are|were) (it|that|this|they)$|how (far|big|far away) (is|was|are|were|would) (it|that|this|they|the|your)\\b|how far (away|ahead|in advance)`;
const FACT_WH = new RegExp(
  `^(how (many|old|long|often|soon|late|early|frequently|recently)|${AMOUNT}|what (${FACT_NOUN})|(what|which) (is|was|are|were) (the|your|his|her|their|its|our) ([a-z]+ )?(${FACT_NOUN}))\\b`,
);
/** A wh-question that ends by offering the answers is a choice between them: "What's worse, the nights or the days?" */
const OPTIONS = /^(the |a |more |mostly |just |only |like )?[a-z]+( [a-z]+){0,4} or (the |a |more |mostly |just |only |is it |was it )?[a-z]+( [a-z]+){0,4}$/;
/** A scaling question asks for a number: "On a scale of 0 to 10, how ready are you?" */
const SCALE = /\b(on a scale|scale of|out of (10|ten)|(0|1|zero|one) ?(-|to) ?(10|ten))\b/;
// "Where does that leave you?", "Who would you want to know?": an invitation to think aloud.
const OPEN_WH = /^(where|who|when)( else| [a-z]+)? (would|could|might|does that|do you (think|see|want|reckon|suppose|imagine|guess|figure)|has been|have been|matters)\b|^(where|who) is been\b|^where is that (coming|leaving|taking)\b|^where (are|is) (you|it|this|that|things) (with|at|now|going)\b/;
// "How hard that must be." is an exclamation, not a question: no auxiliary after the adjective.
const EXCLAMATION = new RegExp(`^(how (?!(${AUX}|come|about)\\b)[a-z]+ (that|this|it|everything|things|you|your)\\b|what an? )`);

const EMBEDDED = new RegExp(`^(what|how|why|where|when|who|whom|which|whose) (${EMBEDDED_SUBJECT}|[a-z]+ing)\\b`);
const FREE_RELATIVE = new RegExp(`^what (?!(${AUX})\\b)[a-z]+ (${AUX}|stays|seems|sounds|matters)\\b(?! (${EMBEDDED_SUBJECT}|that|this|there)\\b)`);
/**
 * Without a question mark, "What worked for her might not work for you" is a statement whose
 * subject is a wh-clause: a verb in the past or third person after "what", then a finite verb
 * that no subject pronoun stands before.
 */
const SUBJECT_CLAUSE = new RegExp(`^(what|which) (?!(${AUX})\\b)[a-z]+(ed|es|s)\\b( (?!(${AUX})\\b)[a-z]+){1,6} ((?<!\\b(i|we|they|he|she|it|you) )(is|was|might|may|can|will|would|could|does|did|has|seems|sounds|matters|depends)|(?<=\\byou )(is|was|has|seems|sounds|matters|depends))\\b`);
const WHEN_ASKS = new RegExp(`^when (${AUX}|else)\\b`);
const INVERTED_SUBJECT = new RegExp(`^(${AUX})( not)? (${SUBJECT})\\b`);
const INVERTED_ANY = new RegExp(`^(${AUX})( not)? [a-z0-9]+`);
/** Without a question mark, "might not be your thing" and "could be worth it" drop their subject: statements. */
const MODAL_FIRST = new RegExp(`^(${MODAL})( not)? (?!(be|not|have|also|really|just|probably|definitely|still|always|never|help|make|take|get|go|feel|seem)\\b)[a-z0-9]+`);

export function stripLead(clause: string): string {
  let t = clause.trim().replace(/^\([^)]*\)\s*/, '');
  for (let previous = ''; previous !== t; ) {
    previous = t;
    t = t.replace(DISCOURSE_LEAD, '').trim();
  }
  return t;
}

/** The form of one clause, or null when it does not start like a question. */
function clauseForm(clause: string, asked = true): { form: QuestionForm; matched: string } | null {
  const t = stripLead(clause);
  let m: RegExpMatchArray | null;
  if ((m = t.match(OPEN_REQUEST))) return { form: 'open', matched: m[0] };
  if ((m = t.match(CURIOUS_OPEN))) return { form: 'open', matched: m[0] };
  if (TENTATIVE_GUESS.test(t)) return null;
  if ((m = t.match(CURIOUS_CLOSED))) return { form: 'closed', matched: m[0] };
  // "How about Tuesday at 3?" proposes a time: a yes or a no.
  if ((m = t.match(/^(how|what) about (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|next|this (week|weekend|morning|afternoon|evening|time)|the (morning|afternoon|evening|weekend)|mornings|afternoons|evenings|weekends|at \d|\d)/))) return { form: 'closed', matched: m[0] };
  if ((m = t.match(FACT_WH))) {
    // "How much you share is up to you": without a question mark, a subject straight after is a statement.
    if (!asked && new RegExp(`^${m[0]} (${EMBEDDED_SUBJECT})\\b`).test(t)) return null;
    return { form: 'closed', matched: m[0] };
  }
  // "What type of therapy was it?" asks to name one: closed; "What kind of set-up would feel OK?" invites.
  if ((m = t.match(/^what (type|kind|sort) of [a-z]+( [a-z]+)? (is|was|were|are) (it|that|this|they|he|she)\b|^what type of\b/))) return { form: 'closed', matched: m[0] };
  if (/^(how come|what about|what if|what else|in what ways?|what kind of|what sort of)\b/.test(t)) return { form: 'open', matched: t.split(' ').slice(0, 2).join(' ') };
  // A wh-word left at the end of a question asks as much as one at the start: "Ready for what?",
  // "And then what?"; "..., or what?" only closes a yes/no question. After a verb of knowing it
  // ends a statement the client made, echoed back ("And you don't know why?"): a reflection.
  if (asked && !INVERTED_ANY.test(t) && (m = t.match(/(?<!\bor |\b(know|knew|sure|certain|understand|see|remember|recall)( exactly)? )\b(what|why|how)( then| else| exactly| now)?$/))) return { form: 'open', matched: m[0] };
  const wh = t.match(/^(what|how|why|where|when|who|whom|which|whose)\b/);
  if (wh) {
    // "how you doing", "what you thinking": typed with the auxiliary dropped, still a question.
    if ((m = t.match(/^(what|how|why) (you|they|we) [a-z]+ing\b/))) return { form: 'open', matched: m[1]! };
    // "What you're describing is...", "When you think about it, ...": not a question.
    if (EMBEDDED.test(t) || EXCLAMATION.test(t)) return null;
    // Without a question mark, "What happened can't be undone" is a statement about what happened:
    // no subject follows the auxiliary.
    if (!asked && (FREE_RELATIVE.test(t) || SUBJECT_CLAUSE.test(t))) return null;
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
  // "Like what?", "such as?", "for example?": asks for an account.
  if ((m = t.match(/^(like what|such as|for example|for instance|as in|meaning)$/)) && (asked || m[1] === 'like what')) return { form: 'open', matched: m[0] };
  return null;
}

/** Subordinate or conditional lead-ins that a question may follow: "If you had your nights back, what...". */
const SUBORDINATE = /^(if|when|whenever|since|because|before|after|as|while|now that|given|once|even if|even though|although|though|say|suppose|imagine|looking|thinking|between|of all|out of|apart from|besides|aside from)\b/;

/** A tag after a statement: "..., isn't it?", "..., right?", "..., did you?". */
const TAG = new RegExp(`^((${AUX})( not)? (you|i|we|it|that|this|there|they|he|she)( not)?|right|yeah|yes|no|eh|huh|correct|true|you know|is that (right|it|so|true|correct|fair))$`);
/**
 * What a statement says about the client's inner world: with one of these, a tag only softens a
 * reflection ("You're worried about work, aren't you?").
 */
const INNER = /\b(feel|feels|felt|feeling|worried|worry|scared|afraid|frightened|anxious|nervous|angry|upset|sad|ashamed|guilty|embarrassed|lonely|tired|exhausted|overwhelmed|stuck|torn|sure|convinced|ready|want|wants|wanted|wish|hope|hate|love|miss|mean|means|care|hard|tough|heavy|scary|painful|easier|safer|worse|better)\b/;

/** tag: read from a tag question, which asks even without a question mark. */
type Reading = { form: QuestionForm; matched: string; tag?: true };

/**
 * A fact the clinician can check, told back: something the client did ("you got...", "you've
 * already booked...", "you've had EMDR before") or a state of affairs ("you're still on the
 * waitlist", "you take sertraline").
 */
const DID = /^you (have |had )?(already |just |still |ever |never |also )?(got|went|gone|did|done|told|saw|seen|had|made|took|taken|came|said|gave|given|read|left|found|heard|sent|met|rang|called|booked|signed|filled|tried|started|stopped|finished|asked|emailed|texted|looked|spoke|talked|used|missed|skipped|cancelled|canceled)\b/;
const FACT_STATE = /^you (are|were) ((still|already|currently) (on|off|in|at|seeing|taking|using|living|working|staying)|(still |already |now |currently )?(due|booked|registered|enrolled|signed up|on (the|a) (waitlist|waiting list|list)))\b|^you (still |already |currently )?(take|see|live|work)\b/;
/**
 * ...unless it names an experience, an effort or a strength ("you've come a long way", "you've
 * been through a lot", "you've done so much on your own"): told back with a tag, that is an
 * affirmation or a reflection, not a check.
 */
const LIVED = /\b(a long way|(been|gone|going|get|got|getting|made it|make it) through|so much|a lot|on your own|by yourself|alone|enough|all of (it|this|that)|everything|your best|(did|done|doing|coped|handled it) well|the work|a step|(doing|do|did|done) (this|it|that|all this|all of this) for)\b/;

const UNSPLIT_TAG = new RegExp(`^(.+) ((${AUX})( not)? (you|i|we|they|he|she)( not)?)$`);

/**
 * A statement with a tag: closed only when the statement is a fact for the client to confirm
 * ("You went to the intake, didn't you?"). Nearly every English tag repeats its statement's
 * subject, so that says nothing; what the statement names does. A named feeling, experience,
 * effort or motive ("You're doing this for your kids, aren't you?") is a reflection or an
 * affirmation with a rising voice, which is no question form (null).
 */
function tagForm(statement: string, tag: string): Reading | null {
  const s = stripLead(statement);
  if (INNER.test(s) || LIVED.test(s)) return null;
  return DID.test(s) || FACT_STATE.test(s) ? { form: 'closed', matched: tag, tag: true } : null;
}

/**
 * Where a sentence splits into clauses: a comma, a dash, or "and" before a new wh-question typed
 * without a comma ("How long ago did that start and what was going on then?").
 */
const CLAUSE_BREAK = /,|\s-\s|\s(?=and (?:what|how|why)\b)/;

function sentenceForm(text: string, asked: boolean, alone = false): Reading | null {
  if ((asked || /\b(how|where|what|which)\b/.test(text)) && SCALE.test(text)) return { form: 'closed', matched: text.match(SCALE)![0] };
  // A tag is kept whole ("..., right" is not a lead-in to strip).
  const clauses = text.split(CLAUSE_BREAK).map((c, i) => (i > 0 && TAG.test(c.trim()) ? c.trim() : stripLead(c)));
  // A bare pick between options: "morning or afternoon", "online or in person?".
  // Without a question mark, only as the whole response and not an idiom ("take it or leave it").
  const pick = clauses.length === 1 && clauses[0]!.split(' ').length <= 6 && OPTIONS.test(clauses[0]!) && !clauseForm(clauses[0]!, asked);
  if (pick && (asked || (alone && !/\b(it|them|that|this|you|i)\b/.test(clauses[0]!)))) return { form: 'closed', matched: 'or' };
  // A tag typed without its comma: "you went to the intake didnt you".
  const tagged = clauses.at(-1)!.match(UNSPLIT_TAG);
  if (tagged && !clauseForm(tagged[1]!, asked) && !INVERTED_ANY.test(tagged[1]!)) clauses.splice(-1, 1, tagged[1]!, tagged[2]!);
  let found: Reading | null = null;
  const raw = text.split(CLAUSE_BREAK);
  for (const [i, t] of clauses.entries()) {
    if (!t || ANNOUNCES.test(t)) continue;
    // "Is it the drink, or what happens after?": a wh-clause after "or" offers one more answer to
    // the yes/no question before it, so it does not open it. After "and" it asks a question of its
    // own ("Did it help, and how?"), and an open part makes the stack open (LABELLING.md).
    if (found && /^\s*or\b/.test(raw[i] ?? '')) continue;
    if (i > 0 && TAG.test(t)) {
      if (found) break;
      return tagForm(clauses.slice(0, i).join(' '), t);
    }
    let f = clauseForm(t, asked);
    if (!f) {
      // An auxiliary first is enough whatever the subject ("Is work the main thing...?", "would
      // thursday or friday be easier"); without a question mark, "do" and "have" may start an order.
      const inverted = t.match(asked ? INVERTED_ANY : MODAL_FIRST);
      if (inverted) f = { form: 'closed', matched: inverted[0] };
    }
    if (f) {
      // Any open invitation makes the question open ("is it work, what's going on?").
      if (f.form === 'open') {
        // ...unless the wh-question ends by offering the answers: "What's worse, the nights or the days?"
        const last = clauses.at(-1)!;
        if (i < clauses.length - 1 && /^(what|which|how)$/.test(f.matched) && OPTIONS.test(last) && !clauseForm(last, asked)) return { form: 'closed', matched: 'or' };
        return f;
      }
      found ??= f;
      continue;
    }
    if (found) continue;
    // In a question, a statement or lead-in clause may come first; in a statement, only a
    // subordinate clause can come before the question ("When you check the locks, does it help"),
    // or any clause before a request to tell ("That makes sense, tell me more").
    if (!asked && !SUBORDINATE.test(t)) {
      for (const later of clauses.slice(i + 1)) {
        const r = later.match(OPEN_REQUEST) ?? later.match(CURIOUS_OPEN);
        if (r) return { form: 'open', matched: r[0] };
      }
      // ...or a tag that asks for a fact: "you went to the intake, didnt you".
      const tag = clauses.length > 1 && TAG.test(clauses.at(-1)!) ? tagForm(clauses.slice(0, -1).join(' '), clauses.at(-1)!) : null;
      return tag?.form === 'closed' ? tag : null;
    }
  }
  return found;
}

/**
 * How a response asks, if it does. Stacked questions are one question (MITI), open if any part of
 * the stack is an open invitation ("What happened with that? Was it the therapist?"), closed if
 * every part is closed; a reflection followed by a question is coded for its question. Sentences
 * without a question mark count when they read as a question or a request to tell. A statement
 * with only a question mark (or a softening tag: "..., right?") is flagged as such: closed in
 * form, but a reflection with a rising voice in what it does.
 */
export function readQuestion(p: { sentences: readonly { text: string; question: boolean }[] }): FormReading {
  let open: Reading | null = null;
  let closed: Reading | null = null;
  let closedAsked = false;
  // Whether a part worded as a question (not only a tag) carries a question mark.
  let askedForm = false;
  let marked = false;
  for (const s of p.sentences) {
    marked ||= s.question;
    const f = sentenceForm(s.text, s.question, p.sentences.length === 1);
    if (!f) continue;
    // A tag is not enough to count as asking: "You've come a long way, haven't you?" ends in a
    // question mark but credits the client. The coder then weighs what the turn does rather than
    // forcing a question code on it; the tag still gives the form if it is coded as a question.
    askedForm ||= s.question && f.tag !== true;
    if (f.form === 'open') open ??= f;
    // A form read without a question mark is a guess at how a trainee typed a question; one typed
    // with a question mark is what the clinician surely asked, so it names the form (and its cue)
    // over an earlier unmarked guess.
    else if (!closed || (s.question && !closedAsked)) {
      closed = f;
      closedAsked = s.question;
    }
  }
  const form = open ?? closed;
  if (form) return { form: form.form, matched: form.matched, markedStatement: false, asked: askedForm, ...(!open && form.tag ? { tag: true } : {}) };
  return marked ? { form: 'closed', matched: '?', markedStatement: true, asked: false } : { form: null, matched: '', markedStatement: false, asked: false };
}

export function questionForm(p: { sentences: readonly { text: string; question: boolean }[] }): QuestionForm | null {
  return readQuestion(p).form;
}
