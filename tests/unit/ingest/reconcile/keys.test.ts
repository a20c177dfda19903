import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, bracketlessFingerprint, fingerprint, nearKeys, ngramFingerprint, stripAccents, withoutBrackets } from '../../../../src/ingest/reconcile/keys.ts';
import { channelOf, isPlacelessChannel } from '../../../../src/ingest/reconcile/channels.ts';

describe('fingerprint keys', () => {
  it('ignores case, outer and repeated spaces', () => {
    expect(fingerprint('  Library   Hub ')).toBe(fingerprint('library hub'));
    expect(fingerprint('LIBRARY HUB')).toBe('hub lib');
  });
  it('strips accents through NFD', () => {
    expect(stripAccents('Café Crème Noël')).toBe('Cafe Creme Noel');
    expect(fingerprint('Westcotes Café')).toBe(fingerprint('westcotes cafe'));
  });
  it('removes straight and curly apostrophes so Mary’s, Mary\'s and Marys meet', () => {
    expect(fingerprint('St Mary’s')).toBe(fingerprint("St Mary's"));
    expect(fingerprint("St Mary's")).toBe(fingerprint('St Marys'));
  });
  it("reads '&' and '+' as 'and'", () => {
    expect(fingerprint('Police & safety')).toBe(fingerprint('Police and safety'));
    expect(fingerprint('Youth + Community')).toBe(fingerprint('youth and community'));
  });
  it('writes each common abbreviation one way', () => {
    const pairs: [string, string][] = [
      ['Station Rd', 'Station Road'], ['High St', 'High Street'], ['Park Ave', 'Park Avenue'], ['Youth Ctr', 'Youth Centre'],
      ['Youth Center', 'Youth Centre'], ['Mill Ln', 'Mill Lane'], ['Oak Dr', 'Oak Drive'], ['Market Sq', 'Market Square'],
      ['Moon Cres', 'Moon Crescent'], ['Comm Hall', 'Community Hall'], ['St Mary’s Ch. Hall', 'Saint Marys Church Hall'],
    ];
    for (const [short, long] of pairs) expect(fingerprint(short), short).toBe(fingerprint(long));
  });
  it('turns punctuation into spaces and sorts and de-duplicates words, so word order does not matter', () => {
    expect(fingerprint('Centre, Community - Lache')).toBe(fingerprint('Lache Community Centre'));
    expect(fingerprint('Hall hall HALL')).toBe('hall');
    expect(fingerprint('St. Mary’s/Church.Hall')).toBe('ch hall marys st');
  });
  it('drops text in brackets as a second key', () => {
    expect(withoutBrackets('St Mary’s Hall (Lache) [old]').trim()).toBe('St Mary’s Hall');
    expect(bracketlessFingerprint('St. Mary’s Ch. Hall (Lache)')).toBe(fingerprint("St Mary's Church Hall"));
    expect(fingerprint('St. Mary’s Ch. Hall (Lache)')).not.toBe(fingerprint("St Mary's Church Hall"));
  });
  it('makes an n-gram key that meets values written without spaces', () => {
    expect(ngramFingerprint('StMarys Hall')).toBe(ngramFingerprint('St Marys Hall'));
    expect(ngramFingerprint('ab')).toBe('ab');
    expect(ngramFingerprint('abab')).toBe('abba');
    expect(ngramFingerprint('Westcotes Caffe')).not.toBe(ngramFingerprint('Westcotes Cafe'));
  });
  it('bounds the spelling distance and proposes only keys of six letters or more', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 5)).toBe(3);
    expect(boundedLevenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(boundedLevenshtein('abc', 'abcdefgh', 2)).toBe(3);
    expect(nearKeys('cafe westcotes', 'caffe westcotes')).toBe(true);
    expect(nearKeys('rec', 'red')).toBe(false);
    expect(nearKeys('library', 'library')).toBe(false);
    expect(nearKeys('library hub', 'lib')).toBe(false);
  });
});

describe('channels', () => {
  it('recognises the ways forms and people write a channel', () => {
    const cases: [string, string | null][] = [
      ['Online', 'Online'], ['web', 'Online'], ['SurveyMonkey link', 'Online'], ['e-mail', 'Online'], ['QR code', 'Online'],
      ['by phone', 'Phone'], ['Telephone', 'Phone'], ['Paper form', 'Paper'], ['postal', 'Post'], ['Paper form by post', 'Post'],
      ['Face to face', 'In person'], ['In person', 'In person'], ["St Mary's Church Hall", null], ['', null],
    ];
    for (const [text, channel] of cases) expect(channelOf(text), text).toBe(channel);
  });
  it('in a venue column, takes only cells made of channel words', () => {
    expect(channelOf('Old Post Office', 'venue')).toBeNull();
    expect(channelOf('Old Post Office')).toBe('Post');
    expect(channelOf('Online survey', 'venue')).toBe('Online');
    expect(channelOf('By phone', 'venue')).toBe('Phone');
  });
  it('keeps online, phone, post and paper answers without a place, not in-person ones', () => {
    expect(isPlacelessChannel('Online')).toBe(true);
    expect(isPlacelessChannel('Paper')).toBe(true);
    expect(isPlacelessChannel('In person')).toBe(false);
    expect(isPlacelessChannel(null)).toBe(false);
  });
});
