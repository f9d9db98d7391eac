// The free-text coder: a typed clinician response (and the client's line it answers) in, one of
// the eleven MI codes or 'unclear' out, with a confidence and the cues behind it in a trainee's
// words. Rules find the surface signs; the small model in model.ts weighs them; a last pass
// settles what the grammar decides better than any weight: a question code needs a question
// (questionForm.ts), and open versus closed is the form of that question.
import { CODE_INFO, type MiCode } from '../coding/codes.ts';
import { featurise, predict, type CoderModel } from './model.ts';
import type { CodedUtterance, CodeUtterance, FreeTextHints } from './types.ts';
import shipped from './weights.json';

/** Below this probability the coder says 'unclear' rather than guess. */
export const UNCLEAR_BELOW = 0.2;

const MARKED_CUE = 'a statement with a question mark, not worded as a question: it is coded for what it says';

/** Codes that never end in a real question: one that does is coded as the question it asks. */
const NOT_ASKING: readonly MiCode[] = ['simple_reflection', 'complex_reflection', 'affirmation', 'giving_information'];

const CONFRONTING_QUESTION = /^(really \?|should not you be|do you honestly think|do you really think|what did you expect|what kind of (father|mother|parent)|why would anyone|what is wrong with you)$/;

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
    const q = f.parsed.question;
    const cues: string[] = [];
    if ((code === 'open_question' || code === 'closed_question') && (q.markedStatement || !q.form)) {
      // A question code needs a question. A statement typed with a question mark ("You're worried
      // it'll get worse?") is a reflection with a rising voice (MITI); it is coded for what it says,
      // its best other code, with the question codes' share taken out of the confidence.
      let alt = -1;
      model.classes.forEach((c, i) => {
        if (c !== 'open_question' && c !== 'closed_question' && (alt < 0 || probs[i]! > probs[alt]!)) alt = i;
      });
      code = model.classes[alt]!;
      const questionMass = probs[model.classes.indexOf('open_question')]! + probs[model.classes.indexOf('closed_question')]!;
      confidence = Math.min(0.99, probs[alt]! / Math.max(1e-9, 1 - questionMass));
      if (q.markedStatement) cues.push(MARKED_CUE);
    } else if (q.markedStatement && (code === 'simple_reflection' || code === 'complex_reflection')) {
      cues.push(MARKED_CUE);
    }
    if (confidence < UNCLEAR_BELOW && q.form && !q.markedStatement) {
      // Unsure what it does, but it is worded as a question: code it as the question it is.
      code = q.form === 'open' ? 'open_question' : 'closed_question';
      confidence = probs[model.classes.indexOf(code)]!;
    } else if (confidence < UNCLEAR_BELOW) {
      return { code: 'unclear', confidence, cues: [`hard to tell; closest is ${CODE_INFO[code].name.toLowerCase()}, but the coder is not sure`] };
    }
    if (q.form && !q.markedStatement && q.asked && NOT_ASKING.includes(code) && !f.hits.some((h) => h.rule.id === 'tentative_guess')) {
      // Worded as a question and typed with a question mark, it asks: a reflection, an affirmation
      // or information does not end in a real question ("Where were you?", "Are you worried it'd
      // go on your record?"). Its question code is read from the form below.
      const open = probs[model.classes.indexOf('open_question')]!;
      const closed = probs[model.classes.indexOf('closed_question')]!;
      code = open >= closed ? 'open_question' : 'closed_question';
      confidence = Math.max(open, closed) / Math.max(1e-9, probs[best]! + Math.max(open, closed));
    }
    if (code === 'open_question' || code === 'closed_question') {
      // A question that carries advice or a put-down is coded for what it does, not its form.
      // A tag question carries its statement's stance: "You owe it to him, don't you?"
      const disguised = f.hits.find((h) => h.rule.id === 'advice_question' || h.rule.id === 'label' || (h.rule.id === 'confront_stance' && (q.tag || CONFRONTING_QUESTION.test(h.matched))));
      if (disguised) {
        code = disguised.rule.id === 'advice_question' ? 'persuade' : 'confront';
        confidence = Math.max(probs[model.classes.indexOf(code)]!, 0.5);
        cues.push(`a question in form, but ${code === 'persuade' ? 'it carries advice the client did not ask for' : 'it judges or disagrees with the client'}`);
      }
    }
    if (code === 'open_question' || code === 'closed_question') {
      const form = f.parsed.question.form;
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
