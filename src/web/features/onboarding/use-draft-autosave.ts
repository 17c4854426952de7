import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Draft } from '#contracts/onboarding.ts';
import { isApiError, uuid } from '../../app/api-client.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { createDraft, updateDraft, type DraftInput, type DraftStep } from './api/drafts.ts';
import { getDraft } from './api/get-draft.ts';
import type { WizardValues } from './wizard-form.ts';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface Options {
  initial: Draft | null;
  values: WizardValues;
  step: DraftStep;
  /** False until there is something worth keeping (a first change). */
  enabled: boolean;
  /** The draft has its id (put it in the address): from the first change, before its first save returns. */
  onCreated(id: string): void;
  /** Someone saved the draft since we read it (another tab): show theirs. */
  onStale(draft: Draft): void;
}

const serialize = (step: DraftStep, values: WizardValues) => JSON.stringify({ step, values });
const toInput = (step: DraftStep, values: WizardValues, requestId?: string): DraftInput => ({
  step,
  data: values as unknown as Record<string, unknown>,
  ...(requestId ? { requestId } : {}),
});
const ignore = () => undefined;

/**
 * Saves the wizard to a server draft about a second after the last change: the first save creates
 * it, the next ones replace it with If-Match (a 412 means another tab saved it: we load theirs).
 * Saves never overlap; `flush` saves now what is not saved yet (Submit does, first).
 *
 * A reload or a closed tab within that second must not lose the change, so the page's hiding
 * (`pagehide`, or `visibilitychange` to hidden, the last event a phone's browser reliably sends) saves
 * at once with `fetch`'s keepalive, which outlives the page. For that to work on a new wizard too, the
 * draft's id is chosen here at the first change and put in the address before any save: the reloaded
 * page then opens the draft that its keepalive request created.
 */
export function useDraftAutosave({ initial, values, step, enabled, onCreated, onStale }: Options) {
  const draft = useRef<{ id: string | null; version: number; onServer: boolean }>({
    id: initial?.id ?? null,
    version: initial?.version ?? 0,
    onServer: initial !== null,
  });
  // What the server holds, and what the latest request sent carries (the same when none is under way).
  // The form as it opened counts as saved (an opened draft's JSON comes back with its keys in another
  // order), so that the first save too comes a second after the last change, not at the first keystroke.
  const lastSaved = useRef(serialize(initial?.step ?? step, values));
  const lastSent = useRef(lastSaved.current);
  const latest = useRef({ step, values });
  latest.current = { step, values };
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Saves queued or under way: with none, a save starts at once (a keepalive fetch must leave before the page goes).
  const pending = useRef(0);
  const stopped = useRef(false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const callbacks = useRef({ onCreated, onStale });
  callbacks.current = { onCreated, onStale };

  const nameDraft = useCallback((): string => {
    const id = uuid();
    draft.current = { id, version: 0, onServer: false };
    callbacks.current.onCreated(id);
    return id;
  }, []);

  /** Creates the draft under its id; a draft already there under it (a keepalive create whose answer was lost) is taken over. */
  const create = useCallback(async (id: string, input: DraftInput, keepalive: boolean) => {
    try {
      const created = await createDraft(id, input, { keepalive });
      draft.current = { id, version: created.version, onServer: true };
    } catch (error) {
      if (!isApiError(error, 409)) throw error;
      const existing = await getDraft(id);
      const updated = await updateDraft(id, existing.version, input);
      draft.current = { id, version: updated.version, onServer: true };
    }
  }, []);

  const saveNow = useCallback(
    (requestId?: string, options: { keepalive?: boolean } = {}): Promise<void> => {
      const keepalive = options.keepalive ?? false;
      const run = async () => {
        if (stopped.current) return;
        const { step: currentStep, values: currentValues } = latest.current;
        const serialized = serialize(currentStep, currentValues);
        if (serialized === lastSaved.current && requestId === undefined && draft.current.onServer) return;
        const input = toInput(currentStep, currentValues, requestId);
        setStatus('saving');
        lastSent.current = serialized;
        try {
          const { id, version, onServer } = draft.current;
          if (!onServer) {
            await create(id ?? nameDraft(), input, keepalive);
          } else if (id !== null) {
            try {
              const updated = await updateDraft(id, version, input, { keepalive });
              draft.current.version = Math.max(draft.current.version, updated.version);
            } catch (error) {
              if (isApiError(error, 412)) {
                const fresh = await getDraft(id);
                draft.current.version = fresh.version;
                lastSaved.current = lastSent.current = serialize(fresh.step, fresh.data as unknown as WizardValues);
                callbacks.current.onStale(fresh);
                setStatus('saved');
                return;
              }
              // Discarded elsewhere (or expired): keep the entries in a new draft.
              if (!isApiError(error, 404)) throw error;
              await create(nameDraft(), input, keepalive);
            }
          }
          lastSaved.current = serialized;
          setStatus('saved');
        } catch (error) {
          lastSent.current = lastSaved.current;
          setStatus('failed');
          throw error;
        }
      };
      pending.current += 1;
      const next = (pending.current === 1 ? run() : queue.current.then(run, run)).finally(() => {
        pending.current -= 1;
      });
      queue.current = next.catch(ignore);
      return next;
    },
    [create, nameDraft],
  );

  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;

  // The first change names the draft, so that the address holds it before anything can be lost.
  useLayoutEffect(() => {
    if (enabled && !stopped.current && draft.current.id === null) nameDraft();
  }, [enabled, nameDraft]);

  const pendingValues = serialize(step, values);
  const settled = useDebouncedValue(pendingValues, 1000);
  useEffect(() => {
    if (!enabled || settled === lastSaved.current) return;
    saveNow().catch(ignore);
  }, [enabled, settled, saveNow]);

  // The page is going (reload, closed tab, another app on a phone): save what the second's wait would have.
  useEffect(() => {
    const saveOnHide = () => {
      if (stopped.current) return;
      const { id, version, onServer } = draft.current;
      // A draft named in the address but not saved yet is saved too, so that the address never names a missing draft.
      if (!enabledRef.current && (id === null || onServer)) return;
      const { step: currentStep, values: currentValues } = latest.current;
      const serialized = serialize(currentStep, currentValues);
      if (serialized === lastSent.current && (onServer || pending.current > 0)) return;
      if (pending.current === 0) {
        saveNow(undefined, { keepalive: true }).catch(ignore);
        return;
      }
      // A save is under way and its answer may never reach this page: send ours now, for the version that one makes.
      if (id === null) return;
      lastSent.current = serialized;
      updateDraft(id, onServer ? version + 1 : 1, toInput(currentStep, currentValues), { keepalive: true }).then((updated) => {
        // The page lived on (the tab came back).
        draft.current.version = Math.max(draft.current.version, updated.version);
        lastSaved.current = serialized;
      }, ignore);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') saveOnHide();
    };
    window.addEventListener('pagehide', saveOnHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', saveOnHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [saveNow]);

  // Leaving the wizard within the second after a change: save what was typed.
  useEffect(
    () => () => {
      if (!stopped.current && enabledRef.current && serialize(latest.current.step, latest.current.values) !== lastSaved.current) {
        saveNow().catch(ignore);
      }
    },
    [saveNow],
  );
  // A change not saved yet reads as "saving": the status never claims more than is on the server.
  const unsaved = enabled && !stopped.current && pendingValues !== lastSaved.current && status !== 'failed';
  return {
    status: unsaved ? 'saving' : status,
    /** The draft's id once it is on the server (Cancel deletes it, Submit names it); `null` before. */
    draftId: () => (draft.current.onServer ? draft.current.id : null),
    /** Saves now, with the submission's MS-RequestId when given; rejects when the save failed. */
    flush: (requestId?: string) => saveNow(requestId),
    /** After Submit or Cancel: the draft is gone, nothing more is saved. */
    stop: () => {
      stopped.current = true;
    },
  };
}
