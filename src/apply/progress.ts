// Chooses listr2's renderer for a progress mode. Progress always goes to stderr so that stdout stays
// clean for `-o json`.
import type { ProgressMode } from '../context.js';

/** listr2 options for the mode (listr2 is imported lazily by the caller). */
export async function listrOptions(mode: ProgressMode) {
  const { ListrLogger, ProcessOutput, PRESET_TIMER } = await import('listr2');
  const logger = new ListrLogger({ processOutput: new ProcessOutput(process.stderr, process.stderr), toStderr: [] });
  const renderer = mode === 'tty' ? 'default' : mode === 'plain' ? 'simple' : 'silent';
  return {
    renderer,
    fallbackRenderer: mode === 'silent' ? 'silent' : 'simple',
    rendererOptions: { logger, timer: PRESET_TIMER },
    fallbackRendererOptions: { logger, timer: PRESET_TIMER },
    registerSignalListeners: false,
    exitOnError: true,
    collectErrors: false,
  } as const;
}
