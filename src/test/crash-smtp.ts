// A minimal SMTP sink for the crash test: accepts every message and records each delivery (one
// line per DATA, with its recipients and Message-ID), so a message sent twice shows up twice —
// which .eml files named by the message's digest cannot show. `beforeAck` runs when a message
// has been received and before the 250 reply, so a test can kill the sender there: the message
// is delivered but its job is still in flight.
import net from "node:net";

export type Delivery = { to: string[]; messageId: string | null; at: number };

export type SmtpSink = {
  url: string;
  deliveries: Delivery[];
  /** Runs after a message is received, before the server answers 250 (awaited). */
  beforeAck: ((d: Delivery, index: number) => Promise<void> | void) | null;
  close: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Set<net.Socket>();
  const sink: SmtpSink = { url: "", deliveries: [], beforeAck: null, close: async () => {} };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {}); // the sender was killed mid-conversation
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let rcpt: string[] = [];
    let busy = Promise.resolve();
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };

    const onData = async (body: string) => {
      const head = body.split(/\r\n\r\n/, 1)[0].replace(/\r\n[ \t]+/g, " ");
      const delivery: Delivery = {
        to: rcpt,
        messageId: /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? null,
        at: Date.now(),
      };
      sink.deliveries.push(delivery);
      rcpt = [];
      await sink.beforeAck?.(delivery, sink.deliveries.length - 1);
      reply("250 2.0.0 queued");
    };

    const onLine = async (line: string) => {
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") return reply("250-sink\r\n250 8BITMIME");
      if (verb === "HELO") return reply("250 sink");
      if (verb === "MAIL") return reply("250 2.1.0 ok");
      if (verb === "RCPT") {
        rcpt.push(/<([^>]*)>/.exec(line)?.[1]?.toLowerCase() ?? "");
        return reply("250 2.1.5 ok");
      }
      if (verb === "DATA") {
        inData = true;
        return reply("354 end with <CRLF>.<CRLF>");
      }
      if (verb === "RSET") {
        rcpt = [];
        return reply("250 ok");
      }
      if (verb === "QUIT") {
        reply("221 bye");
        return void socket.end();
      }
      return reply("250 ok");
    };

    socket.on("data", (chunk: string) => {
      buffer += chunk;
      // Commands are handled in order, one at a time (a beforeAck hook may hold one).
      busy = busy.then(async () => {
        for (;;) {
          if (inData) {
            const end = buffer.indexOf("\r\n.\r\n");
            if (end < 0) return;
            const body = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            await onData(body);
          } else {
            const eol = buffer.indexOf("\r\n");
            if (eol < 0) return;
            const line = buffer.slice(0, eol);
            buffer = buffer.slice(eol + 2);
            await onLine(line);
          }
        }
      });
    });
    reply("220 sink ESMTP");
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return sink;
}
