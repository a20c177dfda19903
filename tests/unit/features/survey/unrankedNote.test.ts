import { describe, expect, it } from 'vitest';
import { UNRANKED_SENTENCE, unrankedSentence } from '../../../../src/features/survey/PrioritiesSection.tsx';

describe('the survey panel on ticked boxes', () => {
  it('says nothing when every response ranked its choices', () => {
    expect(unrankedSentence({ responses: 0, withChoices: 40 })).toBeNull();
    expect(unrankedSentence(undefined)).toBeNull();
  });

  it('says plainly that ticked boxes have no first choice', () => {
    expect(UNRANKED_SENTENCE).toBe('These answers are ticked boxes, not a ranking, so there is no first choice; they count as chosen.');
    expect(unrankedSentence({ responses: 26, withChoices: 26 })).toBe(`${UNRANKED_SENTENCE} “In top three” counts every theme ticked.`);
  });

  it('says how many, when ticked boxes sit beside a ranked survey', () => {
    expect(unrankedSentence({ responses: 1200, withChoices: 1500 })).toBe(
      '1,200 of the 1,500 responses come from a file whose answers are ticked boxes, not a ranking, so they have no first choice; they count as chosen (in “In top three”), never as “Ranked first”.',
    );
  });
});
