export declare const STAMP_FILE: string
export declare function sourcesHash(root: string): string
export declare function assertDistCurrent(root: string): void
