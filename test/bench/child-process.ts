import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'
import { serverCommand } from './cpu-pinning.ts'
import { BENCH_DIR } from './paths.ts'

export type ChildName = 'server' | 'stream-to-file' | 'upload'

/**
 * The child scripts, compiled once to plain JavaScript: run through tsx, each child would carry
 * ~50 MB of loader in its RSS, which is not the client's memory.
 */
export class Children {
  private constructor(private readonly dir: string) {}

  static async compile(): Promise<Children> {
    const dir = await mkdtemp(join(tmpdir(), 'voxfetch-bench-'))
    await build({
      entryPoints: (['server', 'stream-to-file', 'upload'] satisfies ChildName[]).map((name) => join(BENCH_DIR, 'children', `${name}.ts`)),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Some bundled CommonJS (openai's dependencies) calls require for Node built-ins.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'silent',
    })
    return new Children(dir)
  }

  /** Runs a child to completion and returns the JSON it printed last. */
  async run<T>(name: Exclude<ChildName, 'server'>, input: unknown): Promise<T> {
    const child = spawn(process.execPath, [this.script(name), JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)))
    const last = stdout.trim().split('\n').pop() ?? ''
    if (code !== 0 || !last.startsWith('{')) throw new Error(`child ${name} failed (exit ${code}): ${stderr || stdout}`)
    return JSON.parse(last) as T
  }

  /** Starts the bench server in its own process; `stop` closes it and waits for the exit. */
  async startServer(): Promise<{ url: string; stop(): Promise<void> }> {
    const [command, args] = serverCommand(this.script('server'))
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    const lines = createInterface({ input: child.stdout })
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)))
    })
    lines.close()
    const { url } = JSON.parse(first) as { url: string }
    return {
      url,
      async stop() {
        child.stdin.end()
        await exited
      },
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }

  private script(name: ChildName): string {
    return join(this.dir, `${name}.mjs`)
  }
}
