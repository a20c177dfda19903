import { useEffect, useReducer, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ImportClient, ImportOutcome } from '../../ingest/importClient.ts';
import { ImportFailed, newDatasetId } from '../../ingest/importClient.ts';
import type { ImportChoices } from '../../ingest/importProtocol.ts';
import { choicesOf, initialState, locked, STEP_TITLES, stepsFor, wizardReducer, workAtRisk, type StepId } from './steps/wizard.ts';
import { shownErrors, stepErrors } from './steps/errors.ts';
import { ErrorSummary } from './steps/ErrorSummary.tsx';
import { FileStep } from './steps/FileStep.tsx';
import { HeaderStep } from './steps/HeaderStep.tsx';
import { KindStep } from './steps/KindStep.tsx';
import { ColumnsStep } from './steps/ColumnsStep.tsx';
import { ValuesStep } from './steps/ValuesStep.tsx';
import { CheckStep } from './steps/CheckStep.tsx';
import { useValueProfile } from './steps/useValueProfile.ts';
import { loadVenueList, saveValueChoices, saveVenueList } from '../../db/persist/importMemory.ts';

export interface ImportDialogProps {
  file: File;
  client: ImportClient;
  /** Store the imported dataset; resolves once it is queryable. */
  onImported(outcome: ImportOutcome): Promise<string | null>;
  /** Files chosen with this one, still waiting. */
  others: number;
  /** Import the waiting files with the same choices (offered once this one is in). */
  onImportOthers(choices: ImportChoices): void;
  onClose(): void;
}

/** Longer than a double click's gap (Windows' default is 500 ms). */
const DOUBLE_CLICK_MS = 600;

const message = (e: unknown) => (e instanceof ImportFailed || e instanceof Error ? e.message : String(e));

/**
 * The import, step by step, in a full-width modal dialog: the file → sheet and
 * header row → what it holds → columns → values → check and import, then the
 * row-by-row report. The step state lives in a pure reducer (steps/wizard.ts);
 * this component runs the worker requests and moves focus.
 */
export function ImportDialog({ file, client, onImported, others, onImportOthers, onClose }: ImportDialogProps) {
  const [s, dispatch] = useReducer(wizardReducer, undefined, initialState);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const cancelJob = useRef<(() => void) | null>(null);
  /** Set on the first press of Import: a second press or a double click finds it set and does nothing. */
  const started = useRef(false);
  /** When the import started: a Cancel pressed within DOUBLE_CLICK_MS is the tail of the click that started it. */
  const startedAt = useRef(0);
  /** The same for "import the other files the same way": one batch, however often it is pressed. */
  const batchStarted = useRef(false);
  const importOthers = (choices: ImportChoices) => {
    if (batchStarted.current) return;
    batchStarted.current = true;
    onImportOthers(choices);
  };

  // (Re)read the first rows whenever the reducer asks (opening, another sheet, header row or kind).
  const { reading, kind, sheet, headerRow } = s;
  useEffect(() => {
    if (!reading) return;
    let live = true;
    client
      .preview(file, kind ?? undefined, { sheet, headerRow })
      .then((preview) => live && dispatch({ type: 'previewed', preview }))
      .catch((e: unknown) => live && dispatch({ type: 'readFailed', message: message(e) }));
    return () => {
      live = false;
    };
  }, [client, file, reading, kind, sheet, headerRow]);

  const retryValues = useValueProfile(client, file, s, dispatch);

  // A survey placed by venue starts with the venue list used last time (the person can choose another).
  const needsVenues = s.kind === 'survey' && s.mapping.venue !== undefined && s.venues === null;
  useEffect(() => {
    if (!needsVenues) return;
    const last = loadVenueList();
    if (last) dispatch({ type: 'venues', venues: { venues: last.venues, problems: [] }, from: { name: last.fileName, remembered: true } });
  }, [needsVenues]);

  // Focus: the step heading when the step changes (and when the import ends, for the report);
  // the error summary each time Continue is refused.
  const ended = s.run.phase === 'done' || s.run.phase === 'failed';
  useEffect(() => heading.current?.focus(), [s.step, ended]);
  useEffect(() => {
    if (s.refused > 0) summary.current?.focus();
  }, [s.refused]);

  // A modal: the page behind is inert while the dialog is open; focus goes back where it was after.
  useEffect(() => {
    const root = document.getElementById('root');
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root?.setAttribute('inert', '');
    document.body.classList.add('modal-open');
    return () => {
      root?.removeAttribute('inert');
      document.body.classList.remove('modal-open');
      if (before?.isConnected) before.focus();
    };
  }, []);

  const close = () => {
    if (s.run.phase === 'importing') cancelJob.current?.();
    onClose();
  };
  const askToClose = () => (workAtRisk(s) ? setConfirming(true) : close());

  const next = () => dispatch({ type: 'next', errors: stepErrors(s).length });

  const start = () => {
    const choices = choicesOf(s);
    if (started.current || !choices || s.step !== 'check' || s.run.phase === 'importing' || s.run.phase === 'done') return;
    started.current = true;
    startedAt.current = performance.now();
    const meta = { id: newDatasetId(), kind: choices.kind, fileName: file.name, rows: 0, loadedAt: new Date().toISOString(), synthetic: false };
    dispatch({ type: 'importStarted' });
    const job = client.import(file, choices, meta, (stage, fraction) => dispatch({ type: 'importProgress', stage, fraction }));
    cancelJob.current = job.cancel;
    job.done
      .then(async (outcome) => {
        saveValueChoices(choices.kind, choices.values);
        if (choices.venues?.length && s.venuesFrom) saveVenueList({ fileName: s.venuesFrom.name, venues: choices.venues });
        dispatch({ type: 'imported', outcome, note: await onImported(outcome), choices });
      })
      .catch((e: unknown) => {
        started.current = false;
        dispatch({ type: 'importFailed', message: message(e) });
      })
      .finally(() => {
        cancelJob.current = null;
      });
  };

  const steps = stepsFor(s);
  const at = steps.indexOf(s.step);
  const errors = shownErrors(s);
  const props = { s, dispatch, errors };
  const failedToRead = s.readError !== null && !s.preview;
  const busy = s.reading || (s.step === 'values' && (s.profiling.phase === 'idle' || s.profiling.phase === 'reading'));

  return createPortal(
    <div
      className="import-overlay"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (confirming) setConfirming(false);
        else askToClose();
      }}
    >
      <div className="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-heading" data-testid="import-dialog">
        <header className="import-head">
          <p className="import-file">Import {file.name}</p>
          <ol className="import-steps" aria-label="Steps">
            {steps.map((id: StepId, i) => (
              <li key={id} aria-current={id === s.step ? 'step' : undefined} className={i < at ? 'done' : undefined}>
                {i < at && !locked(s) ? (
                  <button type="button" className="link" onClick={() => dispatch({ type: 'goto', step: id })}>
                    {i + 1}. {STEP_TITLES[id]}
                  </button>
                ) : (
                  <span>
                    {i + 1}. {STEP_TITLES[id]}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </header>
        <ErrorSummary ref={summary} errors={errors} />
        <h2 id="import-heading" ref={heading} tabIndex={-1} data-testid="import-step-heading">
          <span className="step-count">
            Step {at + 1} of {steps.length}
            <span className="visually-hidden">:</span>
          </span>{' '}
          {s.run.phase === 'done' ? 'Import report' : STEP_TITLES[s.step]}
        </h2>
        {s.readError && (
          <p className="problem" role="alert" data-testid="import-error">
            {s.readError}
          </p>
        )}
        {!failedToRead && (
          <>
            {s.step === 'file' && <FileStep {...props} file={file} />}
            {s.step === 'header' && <HeaderStep {...props} />}
            {s.step === 'kind' && <KindStep {...props} />}
            {s.step === 'columns' && <ColumnsStep {...props} />}
            {s.step === 'values' && <ValuesStep {...props} onRetry={retryValues} />}
            {s.step === 'check' && (
              <CheckStep {...props} file={file} onStart={start} onCancel={() => performance.now() - startedAt.current > DOUBLE_CLICK_MS && cancelJob.current?.()} others={others} onImportOthers={importOthers} onClose={onClose} />
            )}
          </>
        )}
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby="import-confirm-text">
            <p id="import-confirm-text">
              {s.run.phase === 'importing' ? 'Stop the import and close? Nothing will be added.' : `Close without importing ${file.name}? The choices you made will be lost.`}
            </p>
            <div className="buttons">
              <button type="button" className="warning" onClick={close} autoFocus data-testid="import-confirm-close">
                Yes, close
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                No, go back
              </button>
            </div>
          </div>
        ) : (
          <div className="buttons step-buttons">
            {s.step !== 'check' && !failedToRead && (
              <button type="button" onClick={next} aria-disabled={busy} data-testid="import-next" disabled={busy}>
                Continue
              </button>
            )}
            {at > 0 && !locked(s) && (
              <button type="button" className="secondary" onClick={() => dispatch({ type: 'back' })} data-testid="import-back">
                Back
              </button>
            )}
            {s.run.phase !== 'done' && (
              <button type="button" className="secondary" onClick={failedToRead ? close : askToClose} data-testid={failedToRead ? 'import-close' : 'import-dismiss'}>
                {failedToRead ? 'Close' : s.run.phase === 'importing' ? 'Stop and close' : 'Cancel'}
              </button>
            )}
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}
