import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '#contracts/onboarding.ts';
import { isApiError } from '../../app/api-client.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { createDraft, updateDraft, type DraftStep } from './api/drafts.ts';
import { getDraft } from './api/get-draft.ts';
import type { WizardValues } from './wizard-form.ts';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface Options {
  initial: Draft | null;
  values: WizardValues;
  step: DraftStep;
  /** False until there is something worth keeping (a first change). */
  enabled: boolean;
  onCreated(id: string): void;
  /** Someone saved the draft since we read it (another tab): show theirs. */
  onStale(draft: Draft): void;
}

const serialize = (step: DraftStep, values: WizardValues) => JSON.stringify({ step, values });

/**
 * Saves the wizard to a server draft about a second after the last change: the first save creates
 * it, the next ones replace it with If-Match (a 412 means another tab saved it: we load theirs).
 * Saves never overlap; `flush` saves now (Submit stores its MS-RequestId in the draft first).
 */
export function useDraftAutosave({ initial, values, step, enabled, onCreated, onStale }: Options) {
  const draft = useRef<{ id: string | null; version: number }>({ id: initial?.id ?? null, version: initial?.version ?? 0 });
  const lastSaved = useRef(initial ? serialize(initial.step, initial.data as unknown as WizardValues) : '');
  const latest = useRef({ step, values });
  latest.current = { step, values };
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const stopped = useRef(false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const callbacks = useRef({ onCreated, onStale });
  callbacks.current = { onCreated, onStale };

  const saveNow = useCallback((requestId?: string): Promise<void> => {
    const run = async () => {
      if (stopped.current) return;
      const { step: currentStep, values: currentValues } = latest.current;
      const serialized = serialize(currentStep, currentValues);
      if (serialized === lastSaved.current && requestId === undefined && draft.current.id !== null) return;
      const input = { step: currentStep, data: currentValues as unknown as Record<string, unknown>, ...(requestId ? { requestId } : {}) };
      setStatus('saving');
      try {
        if (draft.current.id === null) {
          const created = await createDraft(input);
          draft.current = { id: created.id, version: created.version };
          callbacks.current.onCreated(created.id);
        } else {
          try {
            const updated = await updateDraft(draft.current.id, draft.current.version, input);
            draft.current.version = updated.version;
          } catch (error) {
            if (isApiError(error, 412)) {
              const fresh = await getDraft(draft.current.id);
              draft.current.version = fresh.version;
              lastSaved.current = serialize(fresh.step, fresh.data as unknown as WizardValues);
              callbacks.current.onStale(fresh);
              setStatus('saved');
              return;
            }
            if (isApiError(error, 404)) {
              // Discarded elsewhere: keep the entries in a new draft.
              const created = await createDraft(input);
              draft.current = { id: created.id, version: created.version };
              callbacks.current.onCreated(created.id);
            } else {
              throw error;
            }
          }
        }
        lastSaved.current = serialized;
        setStatus('saved');
      } catch (error) {
        setStatus('failed');
        throw error;
      }
    };
    const next = queue.current.then(run, run);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const pending = serialize(step, values);
  const settled = useDebouncedValue(pending, 1000);
  useEffect(() => {
    if (!enabled || settled === lastSaved.current) return;
    saveNow().catch(() => undefined);
  }, [enabled, settled, saveNow]);

  // Leaving the wizard within the second after a change: save what was typed.
  useEffect(
    () => () => {
      if (!stopped.current && enabledRef.current && serialize(latest.current.step, latest.current.values) !== lastSaved.current) {
        saveNow().catch(() => undefined);
      }
    },
    [saveNow],
  );
  // A change not saved yet reads as "saving": the status never claims more than is on the server.
  const unsaved = enabled && !stopped.current && pending !== lastSaved.current && status !== 'failed';
  return {
    status: unsaved ? 'saving' : status,
    draftId: () => draft.current.id,
    /** Saves now, with the submission's MS-RequestId when given; rejects when the save failed. */
    flush: (requestId?: string) => saveNow(requestId),
    /** After Submit or Cancel: the draft is gone, nothing more is saved. */
    stop: () => {
      stopped.current = true;
    },
  };
}
