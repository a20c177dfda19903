import { useEffect } from 'react';
import { useDispatch } from '../session/SessionContext.tsx';
import { useImportQueue } from '../session/handles.tsx';

/** A file dropped anywhere on the page opens the import step in "Your data". */
export function useFileDrop(): void {
  const dispatch = useDispatch();
  const { openFiles } = useImportQueue();
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) {
        dispatch({ type: 'setTab', tab: 'data' });
        openFiles(files);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFiles, dispatch]);
}
