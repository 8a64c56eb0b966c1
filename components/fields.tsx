/** Labelled form controls with inline errors and hints, wired for screen readers. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { uiLanguage } from '@/utils/shared/i18n';
import { type CountryOption, countryName, countryOptions } from '@/utils/shared/profile/countries';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: ComponentChildren;
  onInput(value: string): void;
}

/** A field's error, or else its hint, which the field names in aria-describedby. */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: ComponentChildren }) {
  if (!error && !hint) return null;
  return (
    <p id={id} class={error ? 'field-error' : 'field-hint'}>
      {error ?? hint}
    </p>
  );
}

function FieldShell({
  id,
  label,
  error,
  hint,
  children,
}: Omit<FieldProps, 'value' | 'onInput'> & { children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      <FieldMessage id={`${id}-message`} error={error} hint={hint} />
    </div>
  );
}

function describedBy(props: FieldProps): string | undefined {
  return props.error || props.hint ? `${props.id}-message` : undefined;
}

export function TextField(props: FieldProps & { placeholder?: string }) {
  return (
    <FieldShell {...props}>
      <input
        id={props.id}
        name={props.id}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </FieldShell>
  );
}

/** A searchable country list: type a name (in your language) or an ISO code. */
export function CountryField(props: FieldProps) {
  const language = uiLanguage();
  const codeOf = (text: string) => {
    const query = text.trim().toLowerCase();
    const match = countryOptions(language).find(
      (o) => o.name.toLowerCase() === query || o.code.toLowerCase() === query,
    );
    return match?.code ?? text;
  };
  // The text being typed; the form holds the code as soon as the text names a country.
  const [text, setText] = useState(() => countryName(props.value, language));
  useEffect(() => {
    // The value changed from outside (discard, fresher server data): show its name.
    if (codeOf(text) !== props.value) setText(countryName(props.value, language));
  }, [props.value]);
  // The list of ~250 names is built after the editor is on screen, not before.
  const [options, setOptions] = useState<CountryOption[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setOptions(countryOptions(language)), 0);
    return () => clearTimeout(timer);
  }, [language]);

  function onInput(value: string) {
    setText(value);
    props.onInput(codeOf(value));
  }

  return (
    <FieldShell {...props}>
      <input
        id={props.id}
        name={props.id}
        list={`${props.id}-options`}
        value={text}
        autocomplete="off"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <datalist id={`${props.id}-options`}>
        {options.map((option) => (
          <option key={option.code} value={option.name} />
        ))}
      </datalist>
    </FieldShell>
  );
}
