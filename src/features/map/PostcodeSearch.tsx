import { useId, useRef, useState, type FormEvent } from 'react';
import { fetchBytes } from '../../ui/fetchData.ts';
import { POSTCODES_PATH, PostcodeTable, type PostcodeEntry } from '../../ingest/postcodeTable.ts';

export interface PostcodeSearchProps {
  /** A postcode was found: show its small area and open its profile. */
  onFound(entry: PostcodeEntry): void;
}

// One lookup for the page, fetched on the first search (1.2 MB; most visits never search).
let table: Promise<PostcodeTable> | null = null;
function postcodes(): Promise<PostcodeTable> {
  table ??= fetchBytes(POSTCODES_PATH)
    .then((bytes) => new PostcodeTable(bytes))
    .catch((e: unknown) => {
      table = null;
      throw e;
    });
  return table;
}

/**
 * "Find a postcode": the small area a postcode of the five areas is in, from
 * the built-in NSPL lookup fetched from the app itself (never a postcode
 * service, so nothing typed leaves the browser). The postcode is not kept
 * in the link or anywhere else: only the small area it leads to.
 */
export function PostcodeSearch({ onFound }: PostcodeSearchProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = input.current?.value ?? '';
    if (text.trim() === '') {
      setMessage('Type a postcode, such as KT1 2AB.');
      return;
    }
    setBusy(true);
    try {
      const found = (await postcodes()).find(text);
      if ('found' in found) {
        setMessage(null);
        onFound(found.found);
      } else setMessage(found.reason);
    } catch {
      setMessage('The postcode lookup could not be loaded. Check the connection to this app and try again.');
    }
    setBusy(false);
  };

  return (
    <form className="postcode-search" role="search" aria-label="Postcode search" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Find a postcode</label>
      <div className="postcode-search-row">
        <input id={id} ref={input} type="text" inputMode="text" autoComplete="off" spellCheck={false} size={9} maxLength={12} data-testid="postcode-input" aria-describedby={message ? `${id}-message` : undefined} />
        <button type="submit" disabled={busy} data-testid="postcode-find">
          Find
        </button>
      </div>
      <p id={`${id}-message`} className="postcode-message" role="status" aria-live="polite" data-testid="postcode-message">
        {message}
      </p>
    </form>
  );
}
