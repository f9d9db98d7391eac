// The free-text coder: a typed clinician response (and the client's line it answers) in, one of
// the eleven MI codes or 'unclear' out, with a confidence and the cues behind it in a trainee's
// words. Rules find the surface signs; the small model in model.ts weighs them; a last pass of
// rules settles open versus closed, which the form of a question decides better than any weight.
import { CODE_INFO, type MiCode } from '../coding/codes.ts';
import { featurise, predict, type CoderModel } from './model.ts';
import type { Parsed } from './rules.ts';
import type { CodedUtterance, CodeUtterance, FreeTextHints } from './types.ts';
import shipped from './weights.json';

/** Below this probability the coder says 'unclear' rather than guess. */
export const UNCLEAR_BELOW = 0.2;

const OPEN_START = /^(what|how|why|in what ways?|tell me|say (a bit |a little |some)?more|help me understand|walk me through|describe|talk me through|i wonder (what|how|why)|i am (curious|wondering) (what|how|why|about)|i would (like|love) to (hear|know) (what|how|more|about))\b/;
const OPEN_EXCEPT = /^(how (many|much|old|long|often|far|soon)|what (time|day|year|age|date))\b/;
// "Who would you want to know?", "Where does that leave you?": an invitation to think aloud.
const OPEN_WH = /^(where|who|which|when)( [a-z]+)? (would|could|might|does that|do you see|else|is that|has been|have been|matters)\b|^(where|who) is been\b/;
const CLOSED_START = /^((do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|might|am)( not)? |how (many|much|old|long|often|far|soon)\b|what (time|day|year|age|date)\b|when\b|where\b|which\b|who\b|whose\b|i am wondering (whether|if)|i wonder (whether|if)|i would like to know (if|whether)|i am curious (whether|if))/;
const LEAD = /^(and|so|but|okay|ok|well|now|then|also|first|honestly|though|tell me|before i go through them|before that)(\s*,?\s+|\s*$)/;

function lead(clause: string): string {
  let t = clause.trim();
  for (let previous = ''; previous !== t; ) {
    previous = t;
    t = t.replace(LEAD, '');
  }
  return t;
}

function clauseForm(clause: string): 'open' | 'closed' | null {
  const t = lead(clause);
  if (OPEN_EXCEPT.test(t)) return 'closed';
  if (OPEN_START.test(t) || OPEN_WH.test(t)) return 'open';
  if (CLOSED_START.test(t)) return 'closed';
  return null;
}

/**
 * Open or closed, from the form of the question: the last sentence with a question mark decides,
 * else a sentence that asks without one ("Tell me about...", "I'm wondering whether..."). Within
 * a sentence the first clause that starts like a question decides, so "If you had your nights
 * back, what would change?" is open. A statement with a question mark is closed.
 */
export function questionForm(p: Parsed): 'open' | 'closed' | null {
  const asked = p.sentences.filter((s) => s.question).reverse();
  for (const s of asked.length ? asked : p.sentences) {
    for (const clause of s.text.split(',')) {
      const form = clauseForm(clause);
      if (form) return form;
    }
    if (s.question) return 'closed';
  }
  return null;
}

const CONFRONTING_QUESTION = /^(really \?|do you honestly think|do you really think|what did you expect|what kind of (father|mother|parent)|why would anyone|what is wrong with you)$/;

const FALLBACK_CUE: Readonly<Record<MiCode, string>> = {
  open_question: 'asks the client to answer in their own words: an open question',
  closed_question: 'can be answered in a word: a closed question',
  simple_reflection: "gives back what the client said without a question, adding little: a simple reflection",
  complex_reflection: "goes beyond the client's words, guessing at a feeling or a meaning: a complex reflection",
  affirmation: "names something good in the client, not in you: an affirmation",
  seeking_collaboration: "shares the decision about what to do next with the client: seeking collaboration",
  emphasizing_autonomy: "leaves the decision with the client: emphasizing autonomy",
  giving_information: 'offers facts without telling the client what to do: giving information',
  persuade_with_permission: 'advice the client asked for, or is plainly free to set aside: persuading with permission',
  persuade: 'argues for change or tells the client what to do without being asked: persuading',
  confront: 'disagrees with, judges or shames the client: confronting',
};

export function createCoder(model: CoderModel): CodeUtterance {
  return (text: string, context?: string, hints?: FreeTextHints): CodedUtterance => {
    const f = featurise(text, context ?? '', hints);
    if (f.parsed.words.length === 0) return { code: 'unclear', confidence: 0, cues: ['there are no words to code'] };
    const probs = predict(model, f.features);
    let best = 0;
    for (let c = 1; c < probs.length; c++) if (probs[c]! > probs[best]!) best = c;
    let code = model.classes[best]!;
    let confidence = probs[best]!;
    const praise = f.hits.find((h) => h.rule.id === 'praise');
    const named = f.hits.some((h) => h.rule.id === 'strength');
    if (praise && !named && f.parsed.words.length <= 6) {
      return {
        code: 'unclear',
        confidence: 1 - confidence,
        cues: [`'${praise.matched}' is praise from you; name a strength or effort of the client's to make it an affirmation`],
      };
    }
    if (confidence < UNCLEAR_BELOW) {
      return { code: 'unclear', confidence, cues: [`hard to tell; closest is ${CODE_INFO[code].name.toLowerCase()}, but the coder is not sure`] };
    }
    const cues: string[] = [];
    if (code === 'open_question' || code === 'closed_question') {
      // A question that carries advice or a put-down is coded for what it does, not its form.
      const disguised = f.hits.find((h) => h.rule.id === 'advice_question' || h.rule.id === 'label' || (h.rule.id === 'confront_stance' && CONFRONTING_QUESTION.test(h.matched)));
      if (disguised) {
        code = disguised.rule.id === 'advice_question' ? 'persuade' : 'confront';
        confidence = Math.max(probs[model.classes.indexOf(code)]!, 0.5);
        cues.push(`a question in form, but ${code === 'persuade' ? 'it carries advice the client did not ask for' : 'it judges or disagrees with the client'}`);
      }
    }
    if (code === 'open_question' || code === 'closed_question') {
      const form = questionForm(f.parsed);
      const wanted: MiCode | null = form === 'open' ? 'open_question' : form === 'closed' ? 'closed_question' : null;
      if (wanted && wanted !== code) {
        // The pair's probability mass goes to the form the grammar shows.
        const i = model.classes.indexOf(wanted);
        confidence = Math.min(0.99, probs[best]! + probs[i]!);
        code = wanted;
      }
    }
    for (const h of f.hits) {
      if (!h.rule.codes.includes(code)) continue;
      const cue = h.rule.cue.replace('{m}', h.matched);
      if (!cues.includes(cue)) cues.push(cue);
    }
    if (code === 'persuade' && !f.hits.some((h) => h.rule.id === 'client_asked')) cues.push('the client did not ask for this advice');
    if (!cues.some((c) => c.endsWith(CODE_INFO[code].name.toLowerCase()) || c.includes(FALLBACK_CUE[code].split(': ')[1]!))) cues.push(FALLBACK_CUE[code]);
    return { code, confidence, cues: cues.slice(0, 4) };
  };
}

export const codeUtterance: CodeUtterance = createCoder(shipped as unknown as CoderModel);
