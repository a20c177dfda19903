import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import { methodNote } from '../../analysis/hotspots/methodNote.ts';
import type { AreaLevel } from '../../geo/levels.ts';

/** What the statistics mean and do not mean, in plain words, folded away until asked for. */
export function MethodNotePanel({ run, isTheme, level }: { run: HotspotRun; isTheme: boolean; level: AreaLevel }) {
  const note = methodNote({
    statistic: run.statistic,
    permutations: run.permutations,
    fdr: run.fdr,
    seed: run.seed,
    areaNoun: level === 'ward' ? 'ward' : 'small area',
    islands: run.summary.islands,
    excluded: run.summary.noValue,
    isTheme,
  });
  return (
    <details className="method-note" data-testid="method-note">
      <summary>{note.title}</summary>
      {note.sections.map((s) => (
        <section key={s.heading}>
          <h4>{s.heading}</h4>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
    </details>
  );
}
