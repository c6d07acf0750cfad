/**
 * The few react-dom APIs the framework tests call. React's own types come from @types/react (a dev
 * dependency, also what the consumer fixture in test/consumers/react compiles against); react-dom
 * ships no declarations and @types/react-dom isn't a dependency, so these keep `tsc --noEmit` strict.
 */
declare module 'react-dom' {
  export function flushSync<T>(fn: () => T): T;
}

declare module 'react-dom/client' {
  export interface Root {
    render(node: unknown): void;
    unmount(): void;
  }
  export function createRoot(container: Element): Root;
}
