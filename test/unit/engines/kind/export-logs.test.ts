// kind's log export: `kind export logs DIR --name N`, with the export's time limit; its failure is kind's own error.
import { describe, expect, it } from 'vitest';
import { EngineFailedError } from '../../../../src/errors.js';
import { EXPORT_LOGS_TIMEOUT_MS } from '../../../../src/engines/engine.js';
import { kindEngine } from '../../../../src/engines/kind/engine.js';
import { planUp } from '../../../../src/plan/plan.js';
import { recordedRunner, type RecordedCall } from '../../../../src/runtime/recorded-process-runner.js';
import { builtinPreset } from '../../../support/unit/presets.js';

const ENV = { HOME: '/home/me' };
const { spec } = planUp(builtinPreset('kind'), { name: 'dev' });

function engineWith(script: RecordedCall[]) {
  const runner = recordedRunner(script);
  return { runner, engine: kindEngine({ binary: 'kind', runner, env: ENV, tmpDir: '/tmp' }) };
}

describe('kind engine: exportLogs', () => {
  it('runs `kind export logs DIR --name N` within the export time limit', async () => {
    const { runner, engine } = engineWith([{ file: 'kind', args: ['export', 'logs', '/tmp/x/export', '--name', 'dev'] }]);
    await engine.exportLogs(spec, '/tmp/x/export');
    runner.assertDone();
    expect(runner.calls[0]!.opts).toMatchObject({ env: ENV, timeoutMs: EXPORT_LOGS_TIMEOUT_MS });
  });

  it("a failed export -> EngineFailedError with kind's words", async () => {
    const { engine } = engineWith([
      {
        file: 'kind',
        args: ['export', 'logs', '/d', '--name', 'dev'],
        result: { exitCode: 1, stderr: 'ERROR: unknown cluster "dev"\n' },
      },
    ]);
    const err = await engine.exportLogs(spec, '/d').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineFailedError);
    expect((err as Error).message).toContain('ERROR: unknown cluster "dev"');
  });
});
