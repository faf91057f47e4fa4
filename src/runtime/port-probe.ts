// Asks the operating system whether a host port can still be bound, by binding it for an instant.
import { createServer } from 'node:net';

/** Checks whether address:port is free to listen on. */
export interface PortProbe {
  isFree(address: string, port: number): Promise<boolean>;
}

/** The real probe: listen, then close at once. EADDRINUSE (or EACCES) means taken. */
export const netPortProbe: PortProbe = {
  isFree(address, port) {
    return new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)));
    });
  },
};
