import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickerProps {
  /** What the files are for, shown above the button. */
  readonly label: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** The files the form holds, when it holds them (so a reset form shows none); otherwise the last choice. */
  readonly files?: readonly File[];
  readonly onFiles: (files: File[]) => void;
  readonly testId?: string;
}

/**
 * A file input whose button and "no file chosen" text come from the catalogs: the browser's own control speaks
 * the browser's language, not the page's.
 */
export function FilePicker({ label, accept, multiple = false, required = false, files, onFiles, testId }: FilePickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const names = files ? files.map((f) => f.name) : chosen;
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    setChosen(picked.map((f) => f.name));
    onFiles(picked);
  };
  return (
    <div className="file-picker">
      <span className="file-picker-label">{label}</span>
      <span className="file-picker-row">
        <label className="button secondary file-button">
          {t(multiple ? 'files.choose_many' : 'files.choose_one')}
          <input type="file" accept={accept} multiple={multiple} required={required} onChange={onChange} data-testid={testId} />
        </label>
        <span className="muted small" aria-live="polite">
          {names.length > 0 ? names.join(', ') : t('files.none_chosen')}
        </span>
      </span>
    </div>
  );
}
