import { useRef, type ReactNode } from 'react';

export interface FileChooserProps {
  /** The button's words. */
  children: ReactNode;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** The hidden input's accessible name (the button names it for sighted users). */
  inputLabel?: string;
  buttonTestId?: string;
  inputTestId?: string;
  onFiles(files: File[]): void;
}

/**
 * A button that opens the browser's file picker. The input is cleared after
 * each choice, so choosing the same file again is a new choice.
 */
export function FileChooser({ children, accept, multiple, disabled, inputLabel, buttonTestId, inputTestId, onFiles }: FileChooserProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={disabled} data-testid={buttonTestId}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple={multiple}
        accept={accept}
        aria-label={inputLabel}
        data-testid={inputTestId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
