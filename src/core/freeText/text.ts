// Text preparation shared by the rules and the model: lower case, contractions expanded (so that
// "you're" and "you are" are one thing to both), simple word tokens, and a crude stem so that
// "sleeping" in a reflection matches "sleep" in the client's line.

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\blet's\b/g, 'let us'],
  [/\b(it|that|what|there|here|who|where|when|why|how|he|she)'s\b/g, '$1 is'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/\by'all\b/g, 'you all'],
  // Typed in a hurry, without apostrophes or in chat spelling.
  [/\b(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need)nt\b/g, '$1 not'],
  [/\bcant\b/g, 'can not'],
  [/\bwont\b/g, 'will not'],
  [/\bim\b/g, 'i am'],
  [/\bive\b/g, 'i have'],
  // "were" is a word of its own, not "we're" typed without its apostrophe: read as "we are", it
  // turned "Where were you?" into a question about now.
  [/\b(you|they)re\b/g, '$1 are'],
  [/\b(you|they|we)ve\b/g, '$1 have'],
  [/\b(you|they)ll\b/g, '$1 will'],
  [/\byoud\b/g, 'you would'],
  [/\b(that|what|there|how|when|where)s\b/g, '$1 is'],
  [/\bits (?=(a|an|the|not|just|okay|ok|fine|like|really|so|very|been|going|up|normal|hard|true|totally|completely|entirely|all|your|yours|only|still|also|too|never|always|been|ok)\b)/g, 'it is '],
  [/\bu\b/g, 'you'],
  [/\b(wat|wut|wht)\b/g, 'what'],
  [/\bthru\b/g, 'through'],
  [/\br (?=(u|you|they|we)\b)/g, 'are '],
  [/\b(ya)\b(?= (know|think|reckon|want|feel|need|mean)\b)/g, 'you'],
  [/\b(cos|coz|cuz)\b/g, 'because'],
  [/\bur\b/g, 'your'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bgotta\b/g, 'have got to'],
  [/\bkinda\b/g, 'kind of'],
  [/\bdunno\b/g, 'do not know'],
];

export function normalise(text: string): string {
  let t = text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, ' - ');
  for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  return t.replace(/\s+/g, ' ').trim();
}

/** Words, numbers, and the punctuation that matters for telling questions from statements. */
export function tokens(normalised: string): string[] {
  return normalised.match(/[a-z]+(?:-[a-z]+)*|\d+|[?!.,;:]/g) ?? [];
}

export function words(normalised: string): string[] {
  return normalised.match(/[a-z]+(?:-[a-z]+)*|\d+/g) ?? [];
}

/** Sentences of the normalised text, without their end marks. */
export function sentences(normalised: string): { text: string; question: boolean }[] {
  const out: { text: string; question: boolean }[] = [];
  // "Dr. Amin" and "e.g." do not end a sentence.
  const text = normalised.replace(/\b(dr|mr|mrs|ms|st|vs|etc|e\.g|i\.e)\./g, '$1');
  for (const m of text.matchAll(/[^.?!;:]+([.?!;:]+|$)/g)) {
    const body = m[0].replace(/[.?!;:]+$/, '').trim();
    if (body) out.push({ text: body.replace(/^[-,"' ]+/, ''), question: m[1]!.includes('?') });
  }
  return out;
}

export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word
    .replace(/(ies)$/, 'y')
    .replace(/(ing|ed|es|s|ly)$/, '')
    .replace(/(.)\1$/, '$1');
}

// Words that carry no content of their own: a reflection that shares only these with the client
// has not picked up anything the client said.
export const STOP_WORDS = new Set(
  `a an the and or but so if then than that this these those it its is are was were be been being am do does did done have has had having
  i me my mine myself you your yours yourself we us our he him his she her they them their there here what which who whom whose when where why how
  to of in on at by for with about as from into onto over under up down out off again just really very too also not no nor only own same
  can could would should will shall may might must let get got go going gone like well now still even ever much many more most some any all
  one ones thing things something anything nothing everything lot bit kind sort way ways time times maybe okay ok yes yeah sure right
  feel feels felt think thought know knew say said tell told want wanted seem seems sound sounds`.split(/\s+/),
);

export function contentStems(normalised: string): string[] {
  return words(normalised)
    .filter((w) => !STOP_WORDS.has(w) && w.length > 2)
    .map(stem);
}
