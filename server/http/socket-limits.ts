import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface SocketLimits {
  requestTimeoutSeconds: number;
  maxSocketsPerAddress: number;
}

/**
 * Bounds what slow or greedy clients can hold: a request must arrive whole within the request
 * timeout (Node answers 408 and closes; its headers within a third of it), and one address keeps
 * at most `maxSocketsPerAddress` connections open (HTTP and WebSocket alike); more are dropped at
 * once, before any byte is read.
 */
export function limitSockets(server: Server, limits: SocketLimits, log: (line: string) => void): void {
  server.requestTimeout = limits.requestTimeoutSeconds * 1000;
  server.headersTimeout = Math.max(1000, Math.min(server.requestTimeout, Math.round(server.requestTimeout / 3)));
  const open = new Map<string, number>();
  const warned = new Set<string>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxSocketsPerAddress) {
      // One line per address and burst, not one per refused socket.
      if (!warned.has(address)) log(`http: refusing connections from ${address}: over ${limits.maxSocketsPerAddress} open`);
      warned.add(address);
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else {
        open.delete(address);
        warned.delete(address);
      }
    });
  });
}
