import { useEffect, useRef } from 'react';
import { FileChooser } from '../../ui/FileChooser.tsx';
import { PROJECT_EXTENSION } from '../../project/format.ts';
import type { OpenMode } from '../../project/plan.ts';
import { useProjectFile, type ProjectState } from './useProjectFile.ts';
import './project.css';

const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;

/** Save the whole workspace as one file; open one (from another browser, a colleague), replacing or merging. */
export function ProjectFileSection() {
  const { state, save, open, apply, cancel, canSave, canOpen } = useProjectFile();
  const busy = state.phase === 'busy' || state.phase === 'ask';
  return (
    <section className="project-file" aria-labelledby="project-file-heading" data-testid="project-file">
      <h3 id="project-file-heading">Project file</h3>
      <p className="hint">
        Everything here as one file — your localities, the data you imported, your slides and the view on screen — to open in another
        browser or give to a colleague.
      </p>
      <p className="buttons">
        <button type="button" onClick={() => void save()} disabled={busy || !canSave} data-testid="project-save">
          Save project
        </button>
        <FileChooser
          accept={`${PROJECT_EXTENSION},.json,application/json`}
          disabled={busy || !canOpen}
          inputLabel="Project file"
          buttonTestId="project-open"
          inputTestId="project-file-input"
          onFiles={([file]) => void open(file!)}
        >
          Open project…
        </FileChooser>
      </p>
      <p className="privacy" data-testid="project-privacy">
        Residents’ data never leaves this device except in this file, when you save it. It holds every row you imported: keep it as safely
        as the original files, and share it only with people allowed to see them.
      </p>
      {!canOpen && <p className="hint">Saving and opening a project wait for the data engine and your saved data…</p>}
      {state.phase === 'busy' && <Progress state={state} onCancel={cancel} />}
      {state.phase === 'ask' && <Ask state={state} onChoose={(mode) => void apply(state.project, mode)} onCancel={cancel} />}
      {state.phase === 'done' && (
        <p role={state.problem ? 'alert' : 'status'} className={state.problem ? 'problem' : 'hint'} data-testid="project-message">
          {state.message}
        </p>
      )}
    </section>
  );
}

function Progress({ state, onCancel }: { state: Extract<ProjectState, { phase: 'busy' }>; onCancel(): void }) {
  return (
    <div role="status" data-testid="project-progress">
      <p>
        {state.what === 'save' ? 'Saving the project' : 'Opening the project'}: {state.step}… {Math.round(state.fraction * 100)}%
      </p>
      <progress max={1} value={state.fraction} aria-label={state.what === 'save' ? 'Saving the project' : 'Opening the project'} />{' '}
      <button type="button" onClick={onCancel} data-testid="project-cancel">
        Cancel
      </button>
    </div>
  );
}

/** Replace everything, Merge, or Cancel, each saying what it does to each part. */
function Ask({ state, onChoose, onCancel }: { state: Extract<ProjectState, { phase: 'ask' }>; onChoose(mode: OpenMode): void; onCancel(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { here, project } = state;
  const rows = project.datasets.reduce((k, d) => k + d.meta.rows, 0);
  const hereParts = [n(here.localities, 'locality', 'localities'), n(here.datasets, 'dataset', 'datasets'), n(here.slides, 'slide', 'slides')];
  return (
    <div className="project-ask" role="group" aria-labelledby="project-ask-heading" data-testid="project-ask">
      <h4 id="project-ask-heading" tabIndex={-1} ref={heading}>
        Open {state.fileName}: replace what is here, or merge?
      </h4>
      <p>
        This browser already has {hereParts.join(', ')}. The file holds {n(project.localities.length, 'locality', 'localities')},{' '}
        {n(project.datasets.length, 'dataset', 'datasets')} ({n(rows, 'row', 'rows')}) and its own view
        {project.savedAt ? `, saved ${new Date(project.savedAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}` : ''}.
      </p>
      <div className="choice">
        <button type="button" onClick={() => onChoose('replace')} data-testid="project-replace">
          Replace everything
        </button>
        <p className="hint">Show the file’s view, localities, data and slides. The localities, data and slides here now are removed.</p>
      </div>
      <div className="choice">
        <button type="button" onClick={() => onChoose('merge')} data-testid="project-merge">
          Merge
        </button>
        <p className="hint">
          Keep the view on screen and everything here. Add the file’s localities and data beside yours (the same locality or file is not added
          twice) and put its slides after yours. As with an import, data of your own replaces the sample of its kind.
        </p>
      </div>
      <div className="choice">
        <button type="button" onClick={onCancel} data-testid="project-ask-cancel">
          Cancel
        </button>
        <p className="hint">Change nothing.</p>
      </div>
    </div>
  );
}
