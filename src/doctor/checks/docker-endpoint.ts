// Which Docker endpoint answered and how it was found (--docker-context, DOCKER_HOST, a context, a known socket),
// and the engine's version. Nothing works without it: a failure blocks `up`.
import { fail, ok, warn, type DoctorCheck } from '../check.js';

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, '; ');

/** The Docker endpoint check. */
export const dockerEndpointCheck: DoctorCheck = {
  id: 'docker',
  title: 'Docker endpoint',
  blocking: true,
  async run(d) {
    const connected = await d.ctx.docker().then(
      (client) => ({ client }),
      (error: unknown) => ({ error }),
    );
    if ('error' in connected) {
      const hint = (connected.error as { hint?: unknown }).hint;
      return fail(
        oneLine((connected.error as Error).message ?? String(connected.error)),
        typeof hint === 'string' ? hint : 'start Docker, or point DOCKER_HOST or a Docker context at a running engine',
      );
    }
    const { client } = connected;
    const info = client.endpointInfo;
    const at = `${client.endpoint}${info ? ` (${info.source})` : ''}${info?.podman ? ' [podman]' : ''}`;
    const v = (await d.versions()).docker;
    if (!v.version) {
      return warn(
        `${at} answered but did not say its version${v.error ? `: ${oneLine(v.error)}` : ''}`,
        'check the engine with `docker version`; kindling needs the Docker Engine API',
      );
    }
    return ok(`${at}: Docker ${v.version}, API ${v.apiVersion ?? '?'}${v.platform ? `, ${v.platform}` : ''}`);
  },
};
