import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

/**
 * On Linux with two cores or more and util-linux's `taskset`, the bench (every thread of it, and
 * the children it spawns) runs on core 0 and its HTTP server on core 1. Unpinned, the two
 * processes moved between the cores and traded places with the VM's own work, and the same build
 * measured 0.97–1.08× raw fetch from run to run.
 */
export const pinning = canPin() ? { bench: '0', server: '1' } : undefined

function canPin(): boolean {
  if (process.platform !== 'linux' || availableParallelism() < 2) return false
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export function pinThisProcess(): void {
  if (pinning) execFileSync('taskset', ['-a', '-p', '-c', pinning.bench, String(process.pid)], { stdio: 'ignore' })
}

/** The command that starts the bench server: on its own core when pinning is on. */
export function serverCommand(script: string): [string, string[]] {
  return pinning ? ['taskset', ['-c', pinning.server, process.execPath, script]] : [process.execPath, [script]]
}

export function pinningDescription(): string {
  return pinning ? `bench on core ${pinning.bench}, server on core ${pinning.server} (taskset)` : 'none (not Linux, one core, or no taskset)'
}
