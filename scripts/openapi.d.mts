// Types of scripts/openapi.mjs for the TypeScript that imports it (src/web/api/schema.test.ts).
export declare const schemaFile: string;
export declare function openapiDocument(): Promise<unknown>;
export declare function generateSchema(): Promise<string>;
