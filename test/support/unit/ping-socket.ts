// A tiny HTTP server on a unix socket that answers Docker's GET /_ping, so the real dockerode connection
// can be exercised without a Docker daemon.
import { createServer, type Server } from 'node:http';

/** Listens on `path`; every request gets 200 OK. Returns the server's close function. */
export async function pingSocket(path: string): Promise<() => Promise<void>> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.45' });
    res.end('OK');
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
