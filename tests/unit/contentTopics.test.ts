import { describe, expect, it } from 'vitest';
import { topicsOf } from '../../src/core/scenario/contentTopics.ts';

describe('content topics for hiding scenarios', () => {
  it('maps free-text content notes to the topics a trainee can hide', () => {
    expect(topicsOf(['sexual assault at a party (referred to, not described)'])).toEqual(['sexual-violence']);
    expect(topicsOf(['passive thoughts of death (asked about directly)'])).toEqual(['suicide', 'death']);
    expect(topicsOf(['combat trauma (referred to)', 'alcohol use'])).toEqual(['war', 'alcohol']);
    expect(topicsOf(['nightmares and sleep problems'])).toEqual([]);
  });
});
