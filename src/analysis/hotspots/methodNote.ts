import type { MethodOptions } from './methodSentence.ts';
import { methodSentence } from './methodSentence.ts';
import { MIN_SURVEY_RESPONSES } from '../themes/definitions.ts';
import { listWords } from '../format.ts';

export interface NoteSection {
  heading: string;
  paragraphs: string[];
}

export interface MethodNote {
  title: string;
  /** The one-line version shown under the map. */
  summary: string;
  sections: NoteSection[];
}

export interface MethodNoteOptions extends MethodOptions {
  seed: number;
  /** Areas with no neighbour, and areas left out for having no value. */
  islands?: number;
  excluded?: number;
  /** Authorities in view with no street-level police data (e.g. ["Wigan"]). */
  noPoliceData?: readonly string[];
  /** True when the values are a theme score (a blend of measures). */
  isTheme?: boolean;
}

/**
 * The method note as structured text (headings and paragraphs, no markup), in
 * words a ward councillor can follow. Rendered by the UI and the PDF export.
 */
export function methodNote(o: MethodNoteOptions): MethodNote {
  const noun = o.areaNoun ?? 'small area';
  const nouns = `${noun}s`;
  const sections: NoteSection[] = [];

  sections.push(
    o.statistic === 'gi-star'
      ? {
          heading: 'What a hot or cold spot is',
          paragraphs: [
            `For each ${noun}, the Getis–Ord Gi* statistic adds up the values of that ${noun} and the ${nouns} it touches, and asks whether that local total is higher (a hot spot) or lower (a cold spot) than chance alone would give if the same values were scattered at random across the map.`,
            `A hot spot is therefore a group of neighbouring ${nouns} with high values, not a single high ${noun}: one bad ${noun} surrounded by better ones is usually not a hot spot.`,
          ],
        }
      : {
          heading: 'What a cluster or outlier is',
          paragraphs: [
            `For each ${noun}, local Moran's I compares its value with the average of the ${nouns} it touches. High next to high is a "High-High" cluster (shown as hot), low next to low a "Low-Low" cluster (shown as cold).`,
            `"High-Low" and "Low-High" are outliers: a ${noun} that stands out from its neighbours. They are listed, but not coloured as hot or cold.`,
          ],
        },
  );

  const pParagraphs =
    o.permutations > 0
      ? [
          `The values were shuffled among the ${nouns} ${o.permutations.toLocaleString('en-GB')} times (each ${noun} keeping its own value while its neighbours were drawn at random), and the p shown is how often a shuffle gave a local result at least as extreme as the real one, counting both directions. The shuffles use a fixed seed (${o.seed}), so the same data always gives the same map.`,
          `A p of 0.01 means a pattern this strong would turn up by chance about 1 time in 100. Confidence 99 %, 95 % and 90 % correspond to p of at most 0.01, 0.05 and 0.10.`,
          `With ${o.permutations.toLocaleString('en-GB')} shuffles the smallest p possible is ${(2 / (o.permutations + 1)).toPrecision(2)}, so a ${noun} can only be as confident as that allows; more shuffles give a finer answer but take longer.`,
        ]
      : [
          'The p shown comes from the normal approximation to the statistic, without shuffling. It can be too confident when values are skewed or there are few areas.',
          `Confidence 99 %, 95 % and 90 % correspond to p of at most 0.01, 0.05 and 0.10.`,
        ];
  sections.push({ heading: 'Which p-value is shown', paragraphs: pParagraphs });

  sections.push({
    heading: 'Testing many areas at once',
    paragraphs: o.fdr
      ? [
          `Testing every ${noun} at 90 % confidence would, by chance alone, flag about 1 in 10 of them even on a random map. The false discovery rate correction (Benjamini–Hochberg) raises the bar so that, of the ${nouns} called hot or cold at a given confidence, no more than that share (1 %, 5 % or 10 %) is expected to be false alarms. The CSV also gives the adjusted p for every ${noun}.`,
        ]
      : [
          `The correction for testing many ${nouns} at once is switched off, so some ${nouns} will be flagged by chance alone (about 1 in 10 at 90 % confidence). Switch it back on before drawing conclusions.`,
        ],
  });

  const notSay = [
    `It does not say why. A hot spot shows where high values cluster, not what causes them.`,
    `It does not say how big the problem is. A ${noun} can be a strong hot spot with values only a little above average, if its neighbours are all similar; read the values themselves beside the map.`,
    `It depends on the boundaries and on who counts as a neighbour. Here neighbours are ${nouns} that touch, even at a corner; different boundaries or neighbour rules can move the spots.`,
    `Small numbers are noisy. Rates in ${nouns} with few residents, and survey shares from few responses, jump about from year to year; survey shares from fewer than ${MIN_SURVEY_RESPONSES} responses are left out rather than shown.`,
  ];
  if (o.isTheme) {
    notSay.push('A theme score is a blend of measures standardised across the areas in view, so it compares areas with each other, not with a fixed standard; changing the weights or the place in view changes the scores.');
  }
  if (o.noPoliceData && o.noPoliceData.length > 0) {
    notSay.push(
      `There is no street-level police data for ${listWords(o.noPoliceData)}, so police crime rates are left out there and their ${nouns} rely on the other measures (the IoD crime domain covers every ${noun}).`,
    );
  }
  sections.push({ heading: 'What this does not tell you', paragraphs: notSay });

  const gaps: string[] = [];
  if (o.excluded) gaps.push(`${o.excluded.toLocaleString('en-GB')} ${o.excluded === 1 ? noun : nouns} with no value ${o.excluded === 1 ? 'was' : 'were'} left out, and the neighbour list rebuilt without ${o.excluded === 1 ? 'it' : 'them'}.`);
  if (o.islands) gaps.push(`${o.islands.toLocaleString('en-GB')} ${o.islands === 1 ? noun : nouns} touch no other ${noun} with a value, so ${o.islands === 1 ? 'it counts' : 'they count'} in the averages but can never be hot or cold.`);
  if (gaps.length > 0) sections.push({ heading: 'Areas left out', paragraphs: gaps });

  return { title: 'How the hot and cold spots were found', summary: methodSentence(o), sections };
}
