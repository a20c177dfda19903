import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { ImportClient } from '../../../ingest/importClient.ts';
import { ImportFailed } from '../../../ingest/importClient.ts';
import { loadValueMemory } from '../../../db/persist/importMemory.ts';
import { choicesOf, type WizardAction, type WizardState } from './wizard.ts';

/**
 * Profile the whole file's values when the values step first needs them, once
 * per set of choices (profileGen): a profile made for older columns is ignored
 * when it arrives. Returns a retry for a failed profile.
 */
export function useValueProfile(client: ImportClient, file: File, s: WizardState, dispatch: Dispatch<WizardAction>): () => void {
  const latest = useRef(s.profileGen);
  latest.current = s.profileGen;
  const job = useRef<{ gen: number; cancel(): void } | null>(null);

  const want = s.step === 'values' && s.profiling.phase === 'idle';
  useEffect(() => {
    if (!want || job.current?.gen === s.profileGen) return;
    const choices = choicesOf(s);
    if (!choices) return;
    job.current?.cancel();
    const gen = s.profileGen;
    const current = () => latest.current === gen;
    const request = client.values(file, choices, (stage, fraction) => current() && dispatch({ type: 'profiling', stage, fraction }));
    job.current = { gen, cancel: request.cancel };
    dispatch({ type: 'profiling', stage: 'Reading', fraction: 0 });
    request.done
      .then((profile) => current() && dispatch({ type: 'profiled', profile, memory: loadValueMemory() }))
      .catch((e: unknown) => current() && dispatch({ type: 'profileFailed', message: e instanceof ImportFailed || e instanceof Error ? e.message : String(e) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- started once per profile generation; the choices are read as they are then
  }, [want, s.profileGen, client, file]);

  useEffect(() => () => job.current?.cancel(), []);

  return useCallback(() => {
    job.current = null;
    dispatch({ type: 'profileRetry' });
  }, [dispatch]);
}
