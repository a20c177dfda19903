/** The README written beside the sample files, so its counts and seed always match them. */
import { SAMPLE_LABEL } from '../../src/ingest/schemas.ts';
import { WARDS } from './config.ts';
import { DETERIORATING_SITES, FIRST_MONTH, IMPROVING_SITES, MONTHS } from './streetReps.ts';

export interface SampleSummary {
  seed: number;
  wardCodes: string[];
  responses: number;
  venues: number;
  sites: number;
  visits: number;
  femaleShare: number;
  youngShare: number;
  ageBlankShare: number;
  commentShare: number;
  /** Census 2021 residents aged 15–24 as a share of those aged 15 and over, in the chosen wards. */
  censusYoungShare: number;
  /** The ward where White residents over-answer most, and its Census and sample White shares. */
  skewWard: string;
  censusWhiteShare: number;
  sampleWhiteShare: number;
}

/** 1500 → "1,500" without relying on the machine's locale data. */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const percent = (share: number): string => `${(100 * share).toFixed(1)} %`;

export function sampleReadme(s: SampleSummary): string {
  const wardLines = WARDS.map((w, i) => `| ${w.name} | ${s.wardCodes[i]} | ${w.ladName} (${w.ladCode}) | ${w.responses} | ${w.fieldworkStart}, ${w.fieldworkWeeks} weeks | ${w.streetRepSites} |`);
  return `# ${SAMPLE_LABEL}

Every row in this folder is invented by \`scripts/sample/generate.ts\` with seed ${s.seed}. Nothing here is real:
no real person answered the survey, no street rep visited these sites, and the venues, sites and comments do not exist.
Only the ward boundaries (and the Census 2021 ethnic mix used as a starting point) are real, so the points land inside real wards.
Wherever these files are shown, the app labels them "${SAMPLE_LABEL}".

## Files
| file | what it holds |
|---|---|
| \`sample-survey.csv\` | ${thousands(s.responses)} neighbourhood-priorities survey responses: id, date (dd/mm/yyyy), venue, channel (Paper or Online), latitude/longitude, up to five ranked theme choices, optional age band, sex, ethnicity and comment |
| \`sample-venues.csv\` | the ${s.venues} venues where paper surveys were collected, with coordinates (a user-supplied venue list) |
| \`sample-street-reps.csv\` | ${thousands(s.visits)} street-rep visits to ${s.sites} sites, one row per visit, one A–D grade column per issue on the monitoring form |

The CSVs themselves are plain, as a community group would export them; the "sample-" file names and this README carry the label.

## Wards (real boundaries, invented data)
| ward | code | authority | responses | fieldwork (2025) | street-rep sites |
|---|---|---|---|---|---|
${wardLines.join('\n')}

Online responses carry a home location drawn inside the ward, weighted unevenly across its small areas (LSOAs), so some small areas are under-represented.
Paper responses carry their venue's coordinates; each venue is one fixed point inside its ward.

## Deliberate skews (so the representativeness view has something to flag)
Real pilot surveys reach some people far more easily than others. The sample copies that on purpose:
- **Sex**: ${percent(s.femaleShare)} of those who gave their sex are women (children's centres and elders' groups most of all).
- **Age**: too many people over 55 and far too few aged 16–24: ${percent(s.youngShare)} of those who gave an age, against ${percent(s.censusYoungShare)} among residents aged 15 and over in these wards (Census 2021 residents aged 15–24: the Census has no 16–24 band). ${percent(s.ageBlankShare)} left age blank.
- **Ethnicity**: White respondents are over-represented everywhere, most of all in ${s.skewWard}, a diverse ward: ${percent(s.sampleWhiteShare)} of its respondents who gave their ethnicity are White, against ${percent(s.censusWhiteShare)} of its residents (Census 2021). Some left ethnicity blank.
- **Place**: online responses come unevenly from a ward's small areas; paper responses sit at a handful of venues.
- **Themes**: Housing issues, Policing & safety and Maintenance & condition of public/communal areas are the most chosen overall, with variation by ward and venue (Youth activities higher at the estate fun days, Mental health & reducing isolation at the elders' groups, Parenting skills & support at the children's centres).
- ${percent(s.commentShare)} left a short comment; a few comments contain commas, quotes, a £ sign or a line break, as real exports do.

## Street reps
Sites are visited roughly monthly for ${MONTHS} months from ${FIRST_MONTH}, with some missed months. Every visit grades every issue A (no problem) to D (a really big issue).
Most sites stay at A/B with some noise; overgrown greenery is worse in summer and street lighting in winter.
${DETERIORATING_SITES} sites clearly deteriorate on one to three issues (most often fly-tipping, street lighting, litter, loitering) over the last six months; ${IMPROVING_SITES} sites improve after a bad start.

## Regenerate
\`\`\`
npx tsx scripts/sample/generate.ts            # seed ${s.seed}, writes data/sample/
npx tsx scripts/sample/generate.ts --seed 7   # another synthetic sample
\`\`\`
The same seed always gives byte-identical files (tests/unit/sample/sample.test.ts checks this).
`;
}
