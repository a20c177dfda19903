import { FileChooser } from '../../ui/FileChooser.tsx';
import { useState } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { downloadText } from '../../ui/download.ts';
import { describeImport, localityFileName, localityFileText, planLocalityImport, readLocalityFile } from '../../localities/localityFile.ts';

/** Save the localities as a small file, or add the localities from one (a colleague's, another browser's). */
export function LocalityFileControls() {
  const { localities } = useSession();
  const dispatch = useDispatch();
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  const onFile = async (file: File) => {
    const text = await file.text().catch(() => null);
    const read = text === null ? ({ ok: false, message: `Could not read ${file.name}. Nothing was changed.` } as const) : readLocalityFile(text);
    if (!read.ok) return setMessage({ text: `${file.name}: ${read.message}`, problem: true });
    const plan = planLocalityImport(localities, read.localities);
    if (plan.add.length) dispatch({ type: 'mergeLocalities', localities: plan.add });
    setMessage({ text: [describeImport(plan), read.message].filter(Boolean).join(' '), problem: false });
  };

  return (
    <p className="buttons">
      <button
        type="button"
        disabled={localities.length === 0}
        onClick={() => downloadText(localityFileName(), localityFileText(localities), 'application/json')}
        data-testid="localities-export"
      >
        Export localities
      </button>{' '}
      <FileChooser accept=".json,application/json" inputLabel="Localities file" inputTestId="localities-file-input" onFiles={([file]) => void onFile(file!)}>
        Import localities file…
      </FileChooser>
      {message && (
        <span role={message.problem ? 'alert' : 'status'} className={message.problem ? 'problem' : 'hint'} data-testid="localities-file-message">
          {' '}
          {message.text}
        </span>
      )}
    </p>
  );
}
