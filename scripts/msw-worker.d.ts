import type { Plugin } from 'vite';

export declare const MSW_WORKER_URL: string;
export declare function mswWorkerSource(): string;
export declare function mswTestWorkerSource(): string;
export declare function mswWorkerPlugin(options?: { emit?: boolean }): Plugin;
export declare const mswWorkerWtrPlugin: { name: string; serve(context: { path: string }): { body: string; type: string } | undefined };
