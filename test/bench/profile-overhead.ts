import { Children } from './child-process.ts'
import { speechCalls } from './contenders.ts'
import { loadCore } from './load.ts'

// Drives one contender's small speech call many times against the bench server (its own
// process), for a CPU profile of the client alone:
//   node --cpu-prof --cpu-prof-dir=.profiles --import tsx test/bench/profile-overhead.ts [voxfetch] [calls]
// then open the .cpuprofile in Chrome DevTools (Performance → load profile).
const name = (process.argv[2] ?? 'voxfetch') as keyof ReturnType<typeof speechCalls>
const total = Number(process.argv[3] ?? 3_000)
const children = await Children.compile()
const server = await children.startServer()
try {
  const call = speechCalls(await loadCore(), `${server.url}/small`)[name]
  if (!call) throw new Error(`no contender named ${name}`)
  const startedAt = performance.now()
  for (let index = 0; index < total / 2; index++) await call()
  for (let index = 0; index < total / 2; index += 100) await Promise.all(Array.from({ length: 100 }, call))
  console.log(`${name}: ${total} calls in ${(performance.now() - startedAt).toFixed(0)} ms`)
} finally {
  await server.stop()
  await children.dispose()
}
