import { createElement, lazy, useState, type ComponentType } from 'react';

export type Preloadable<P extends object> = ComponentType<P> & {
  /** Fetches the component's code now (once), so that showing it later does not wait for it. */
  preload(): Promise<unknown>;
};

/**
 * A lazily loaded component that can be fetched ahead of being shown. React.lazy alone suspends on the
 * first render even when the code is already there, and React keeps a Suspense fallback on screen for
 * at least 300 ms once shown: a step that was preloaded renders at once instead. A mounted instance
 * keeps the way it was first rendered (through React.lazy or not), so it is never remounted.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a failed fetch (offline) may be tried again
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function PreloadableComponent(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return Object.assign(PreloadableComponent, { preload: () => preload().catch(() => undefined) });
}
