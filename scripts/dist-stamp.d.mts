export declare const STAMP_FILE: string
export declare function sourcesHash(root: string): string
export declare function distIsCurrent(root: string): boolean
