/** Changing the avatar: from a web address, or a file picked or dropped, previewed first. */
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '@/utils/shared/api/errors';
import { t } from '@/utils/shared/i18n';
import type { PayloadOf, ResultOf } from '@/utils/shared/messaging';
import { AVATAR_TYPES, avatarFileProblem, avatarUrlProblem } from '@/utils/shared/profile/avatar';

export type AvatarChange = PayloadOf<'ui:setAvatar'>['change'];

interface Props {
  /** Sends the change to the profile being edited. */
  setAvatar(change: AvatarChange): Promise<ResultOf<'ui:setAvatar'>>;
  onChanged(avatarUrl: string | null): void;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function AvatarEditor({ setAvatar, onChanged }: Props) {
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    if (!file) return;
    const objectUrl = URL.createObjectURL(file);
    setPreview(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);

  function choose(candidate: File | undefined) {
    if (!candidate) return;
    const fileProblem = avatarFileProblem(candidate.type, candidate.size);
    setProblem(fileProblem);
    setStatus(null);
    setFile(fileProblem ? null : candidate);
    if (fileProblem) setPreview(null);
  }

  async function apply(change: 'url' | 'file') {
    setBusy(true);
    setStatus(null);
    setProblem(null);
    const result =
      change === 'url'
        ? await setAvatar({ url: url.trim() })
        : await setAvatar({
            name: file?.name ?? 'avatar',
            type: file?.type as (typeof AVATAR_TYPES)[number],
            base64: file ? await base64Of(file) : '',
          });
    setBusy(false);
    if (!result.ok) {
      setProblem((result.error as ApiError).message);
      return;
    }
    setStatus(t('avatarChanged'));
    setFile(null);
    setPreview(null);
    setUrl('');
    onChanged(result.value.avatarUrl);
  }

  const urlProblem = url.trim() === '' ? null : avatarUrlProblem(url);

  return (
    // The form inside is built when the section is first opened, and kept: most visits never
    // change the avatar, and the popup's first frame comes sooner without it.
    <details class="avatar-editor" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{t('changeAvatar')}</summary>
      {opened && (
        <>
          <div class="field">
            <label for="avatar-url">{t('imageAddress')}</label>
            <div class="inline">
              <input
                id="avatar-url"
                value={url}
                placeholder="https://…/photo.jpg"
                aria-invalid={urlProblem ? 'true' : undefined}
                aria-describedby={urlProblem ? 'avatar-url-message' : undefined}
                onInput={(event) => setUrl(event.currentTarget.value)}
              />
              <button
                type="button"
                disabled={busy || url.trim() === '' || urlProblem !== null}
                onClick={() => void apply('url')}
              >
                {t('useAddress')}
              </button>
            </div>
            {urlProblem && (
              <p class="field-error" id="avatar-url-message">
                {urlProblem}
              </p>
            )}
          </div>
          <fieldset
            class={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              choose(event.dataTransfer?.files[0]);
            }}
          >
            <legend>{t('uploadAnImage')}</legend>
            {preview && <img class="avatar avatar-preview" src={preview} alt={t('avatarPreview')} />}
            <label for="avatar-file">{t('imageFile')}</label>
            <input
              id="avatar-file"
              type="file"
              accept={AVATAR_TYPES.join(',')}
              onChange={(event) => choose(event.currentTarget.files?.[0])}
            />
            <p class="field-hint">{t('imageFileHint')}</p>
            <button type="button" class="primary" disabled={busy || !file} onClick={() => void apply('file')}>
              {t('uploadImage')}
            </button>
          </fieldset>
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
          {status && (
            <p class="field-hint" role="status">
              {status}
            </p>
          )}
        </>
      )}
    </details>
  );
}
