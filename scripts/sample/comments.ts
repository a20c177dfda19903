/**
 * Invented free-text comments, keyed by the respondent's first choice. They
 * are generic on purpose: no real names, streets or organisations. A few
 * hold commas, quotes, a pound sign or a line break so importers meet the
 * awkward cases a real export contains.
 */
import type { SurveyTheme } from '../../src/ingest/schemas.ts';

export const COMMENTS: Record<SurveyTheme, readonly string[]> = {
  'Youth activities': [
    'Nothing for teenagers to do in the evenings since the youth club closed.',
    'More holiday clubs please, the ones we have fill up in a day.',
    'Kids hang around the shops because there is nowhere else to go.',
  ],
  'Healthy eating & affordable food': [
    'Food at the corner shop costs £2 or £3 more than the big supermarket.',
    'A community fridge or pantry would help a lot of families here.',
    'Cooking classes on a budget would be good.',
  ],
  'Mental health & reducing isolation': [
    'Since my husband died I can go days without speaking to anyone.',
    'More drop-in groups during the day, not just one afternoon a week.',
    'Waiting lists for talking therapy are far too long.',
  ],
  'Parenting skills & support': [
    'Stay and play sessions were a lifeline, please bring them back.',
    'Support for dads as well as mums.',
  ],
  'Information & advice': [
    'Hard to know who to ring when something goes wrong with the flat.',
    'Help with forms and benefits, face to face, not only online.',
  ],
  'Diversity, inclusion & community spirit': [
    'More events that bring different parts of the community together.',
    'A summer street party would help neighbours get to know each other.',
  ],
  'Policing & safety': [
    'Drug dealing by the garages most nights, reported it but nothing happens.',
    'We never see a "bobby on the beat" any more.',
    'I don\'t walk through the underpass after dark.',
    'Motorbikes racing round the estate late at night.',
  ],
  'Affordable exercise': [
    'The gym is too expensive for most people round here.',
    'Free outdoor gym equipment in the park would get used.',
  ],
  'Maintenance & condition of public/communal areas': [
    'Bin stores overflowing, fly-tipping every week.',
    'Lights in the stairwell have been broken for months.',
    'Two things:\n1) the paths are cracked\n2) the play area is locked',
    'Grass only gets cut twice a year, the verges are a mess.',
  ],
  'Employment support & income maximisation': [
    'Help for people over 50 to get back into work.',
    'Apprenticeships for young people who leave school with nothing.',
  ],
  'Housing issues': [
    'Damp and mould in the bedroom, repairs keep getting cancelled.',
    'Waiting years for a transfer, we are overcrowded with three kids in one room.',
    'Rents keep going up, many of us can\'t afford to stay.',
    'The regeneration has been "starting soon" for ten years.',
  ],
};
