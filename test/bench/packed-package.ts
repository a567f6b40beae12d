import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './paths.ts'

const run = promisify(execFile)

/** voxfetch as `npm install` leaves it: the tarball of `npm pack`, unpacked in node_modules. */
export interface PackedPackage {
  /** An app folder: `appDir/node_modules/voxfetch` is the unpacked tarball. */
  appDir: string
  /** Files in the tarball, relative to the package root. */
  files: string[]
  dispose(): Promise<void>
}

/** Packs the package (build dist/ first) and installs the tarball into a temporary app folder. */
export async function packedPackage(): Promise<PackedPackage> {
  const appDir = await mkdtemp(join(tmpdir(), 'voxfetch-packed-'))
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', appDir], { cwd: ROOT })
    const [{ filename, files }] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }]
    const target = join(appDir, 'node_modules', 'voxfetch')
    await mkdir(target, { recursive: true })
    await run('tar', ['-xzf', join(appDir, filename), '-C', target, '--strip-components=1'])
    return { appDir, files: files.map((file) => file.path), dispose: () => rm(appDir, { recursive: true, force: true }) }
  } catch (error) {
    await rm(appDir, { recursive: true, force: true })
    throw error
  }
}
