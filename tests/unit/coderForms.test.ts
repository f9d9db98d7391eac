// Open versus closed from the form of a question, as trainees type them: no question mark, lower
// case, a request to tell, a lead-in clause or a reflection first, a statement with a rising
// voice. Written here from the forms trainers teach; none comes from the held-out set.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/freeText/questionForm.ts';
import { normalise, sentences } from '../../src/core/freeText/text.ts';

const read = (text: string) => readQuestion({ sentences: sentences(normalise(text)) });
const form = (text: string) => read(text).form;

describe('open questions', () => {
  it.each([
    'What keeps you going back to the garage?',
    'what keeps you going back to the garage',
    'how come you stopped going',
    'How come the garage?',
    'What about the nights when you do sleep?',
    'what about your wife, how does she see it',
    'Tell me more about those nights.',
    'tell me what a bad night looks like',
    "I'm curious what goes through your mind when you check the locks.",
    'Im curious whats got in the way',
    'I wonder what the garage gives you.',
    'Can you tell me more about the nights?',
    'could you say more about what happens at three',
    'Would you walk me through a typical night?',
    'Are you able to tell me a bit about how that first session felt?',
    'Help me understand what the garage gives you.',
    "You're tired of it. What would help?",
    'I hear how worn down you are, and I wonder, what would a good night look like?',
    'When you think about the nights, what comes up for you?',
    'If you had your nights back, what would be different?',
    'Where does that leave you?',
    'Where do you think that comes from?',
    'who do you reckon therapy is for',
    'So where are you with it all, now?',
    'Do you want to sleep better? What is stopping you?',
  ])('"%s" is open', (text) => {
    expect(form(text)).toBe('open');
  });
});

describe('closed questions', () => {
  it.each([
    'Is it the memories or the sleep that bothers you more?',
    'is it worse on weekdays or weekends',
    'Do you think the beers help?',
    'do you think it is getting worse',
    'Have you talked to your doctor about it?',
    'Is work the main thing you would be worried about?',
    'would thursday or friday be easier for you',
    'How many nights a week is it like this?',
    'How long has this been going on?',
    'When did it start?',
    'When you check the locks, does it help?',
    'What score did it give you?',
    'On a scale of 0-10, how ready would you say you are?',
    "I'm wondering whether you've told your doctor about the sleep.",
    'Tell me, is it the same dream each time?',
    'Anything else you want to tell me?',
    'mind if I ask a few more questions?',
    'What is stopping you? Do you want to sleep better?',
    '(to Rania) Does she understand how confidentiality works here?',
    'With all of that going on, did Dr. Amin tell you what CPT involves?',
  ])('"%s" is closed', (text) => {
    expect(form(text)).toBe('closed');
  });
});

describe('statements', () => {
  it.each([
    'You sleep about three hours.',
    "What you're describing sounds exhausting.",
    'How you get through the nights matters to you.',
    "So what you're saying is you only sleep three hours.",
    "What happened can't be undone, and you're not sure anything can change.",
    'How hard that must be.',
    'When the beers stop working, the nights get long.',
    'Do what feels right for you.',
    'Have a think about it.',
  ])('"%s" does not ask', (text) => {
    expect(read(text)).toMatchObject({ form: null, markedStatement: false });
  });

  it('a statement typed with a question mark, or with a tag, is marked as such (a reflection with a rising voice)', () => {
    for (const text of ["You're worried it'll get worse?", 'So the garage is the one place that feels safe?', "You're worried what they'll think at work, isn't it?", "You haven't told your wife, right?"]) {
      expect(read(text)).toEqual({ form: 'closed', matched: '?', markedStatement: true });
    }
    expect(read('Where would you like to start: what your wife wants, or what you want?')).toMatchObject({ form: 'open', markedStatement: false });
  });
});

describe('typed text', () => {
  it('reads contractions typed without apostrophes and chat spellings', () => {
    expect(normalise('Im sure youre tired, its not easy and u dont have to')).toBe('i am sure you are tired, it is not easy and you do not have to');
    expect(normalise("Its own pace. I'm wanna go")).toBe('its own pace. i am want to go');
  });

  it('does not end a sentence at a title', () => {
    expect(sentences(normalise('Did Dr. Amin tell you?'))).toEqual([{ text: 'did dr amin tell you', question: true }]);
  });
});
