import { fingerprint } from './keys.ts';

/** How a survey response was collected, as the survey panel groups it. */
export const CHANNELS = ['In person', 'Online', 'Phone', 'Post', 'Paper'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How placeless responses with no channel are counted: nothing says how they came, or only a venue off the map. */
export const NO_CHANNEL_GIVEN = 'No channel or place given';
export const VENUE_WITHOUT_PLACE = 'Venue kept without a place';

/** Channels whose responses have no place of their own unless the row gives one. */
export const PLACELESS_CHANNELS: readonly Channel[] = ['Online', 'Phone', 'Post', 'Paper'];

/**
 * Words that name a channel, tried in this order, so 'paper form by post' is
 * Post and 'email link' is Online. Words are fingerprint tokens: case,
 * punctuation and accents never matter.
 */
const CHANNEL_WORDS: [Channel, Set<string>][] = [
  ['Online', new Set(['online', 'web', 'website', 'internet', 'email', 'surveymonkey', 'smartsurvey', 'qr', 'digital', 'electronic', 'link', 'url', 'forms', 'ipad', 'tablet'])],
  ['Phone', new Set(['phone', 'telephone', 'tel', 'phoned', 'call', 'sms'])],
  ['Post', new Set(['post', 'postal', 'posted', 'freepost', 'mail', 'mailed'])],
  ['Paper', new Set(['paper', 'hardcopy'])],
  ['In person', new Set(['person', 'f2f', 'doorstep', 'face'])],
];

/** Longest answer read as a channel: a sentence is not a channel. */
const MAX_WORDS = 5;

/** Words that may sit beside a channel word in a venue cell ('by phone', 'online survey', 'paper form returned'). */
const FILLER = new Set(['by', 'via', 'the', 'a', 'an', 'on', 'over', 'form', 'forms', 'survey', 'response', 'responses', 'questionnaire', 'returned', 'sent', 'completed', 'filled', 'in', 'out', 'copy', 'hard', 'to', 'e', 'mail', 'google', 'microsoft', 'ms', 'interview', 'return', 'smart']);

/**
 * The channel a cell names ('Online', 'web', 'SurveyMonkey link', 'by phone',
 * 'Paper form', 'postal', 'e-mail', 'face to face'…), or null when it names
 * none, such as a venue's name. In a venue column ('venue') it must be only
 * channel words, so a venue called 'Old Post Office' stays a venue.
 */
export function channelOf(text: string, where: 'channel' | 'venue' = 'channel'): Channel | null {
  const tokens = fingerprint(text).split(' ').filter((t) => t !== '');
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  // In a venue column every word must belong to the channel: 'Old Post Office' is a venue, 'By post' is not.
  if (where === 'venue' && !tokens.every((t) => FILLER.has(t) || CHANNEL_WORDS.some(([, words]) => words.has(t)))) return null;
  // 'e-mail' arrives as the two words 'e' and 'mail'.
  if (tokens.includes('e') && tokens.includes('mail')) return 'Online';
  for (const [channel, words] of CHANNEL_WORDS) {
    if (tokens.some((t) => words.has(t))) return channel;
  }
  return null;
}

/** True for a channel whose responses are kept without a place when the row gives none. */
export function isPlacelessChannel(channel: Channel | null): boolean {
  return channel !== null && PLACELESS_CHANNELS.includes(channel);
}
