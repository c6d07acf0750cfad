/**
 * The few React APIs the framework tests call. React 19 ships no type declarations and @types/react
 * isn't a dependency; these keep `tsc --noEmit` strict without adding one. (Delete this file if
 * @types/react and @types/react-dom are ever installed.)
 */
declare module 'react' {
  export function createElement(type: string, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

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
