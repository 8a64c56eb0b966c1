/**
 * Code a page needs soon but not for its first paint: it is fetched just after that paint, once
 * per page, and components that use it render without it until it is in.
 */
import { useEffect, useState } from 'preact/hooks';

export function deferredModule<T extends object>(load: () => Promise<T>): () => T | null {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const start = () => {
    loading ??= load().then((module) => {
      loaded = module;
      return module;
    });
    return loading;
  };
  return function useDeferredModule() {
    const [module, setModule] = useState<T | null>(loaded);
    useEffect(() => {
      if (module) return;
      let live = true;
      const frame = requestAnimationFrame(() =>
        setTimeout(() => void start().then((ready) => live && setModule(ready)), 0),
      );
      return () => {
        live = false;
        cancelAnimationFrame(frame);
      };
    }, []);
    return module;
  };
}
