// The little of smtp-server's API the benchmark's mail sink uses (the package has no types).
declare module "smtp-server" {
  import type { Readable } from "node:stream";
  export class SMTPServer {
    constructor(options: {
      authOptional?: boolean;
      disabledCommands?: string[];
      logger?: boolean;
      size?: number;
      onData?: (stream: Readable, session: unknown, callback: (err?: Error | null) => void) => void;
    });
    listen(port: number, host: string, callback?: () => void): void;
    close(callback?: () => void): void;
    server: { address(): { port: number } | string | null };
  }
}
