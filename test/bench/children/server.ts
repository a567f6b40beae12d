import { startBenchServer } from '../servers.ts'

// The bench server in its own process: its CPU and memory are billed to no contender.
const server = await startBenchServer()
let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  server.close().then(() => process.exit(0), () => process.exit(1))
}
process.on('SIGTERM', stop)
process.stdin.on('end', stop)
process.stdin.resume()
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
