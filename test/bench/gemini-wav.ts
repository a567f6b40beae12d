import { decodeGeminiSpeech } from '../../src/providers/gemini-speech.ts'
import type { SpeechInput } from '../../src/providers/types.ts'
import type { VoxfetchCore } from './load.ts'
import { GEMINI_CLIP, geminiAnswer } from './servers.ts'
import { collectGarbage, median, now, rotate } from './stats.ts'
import { ms, ratio, type Table, verdict } from './table.ts'

const IN_PROCESS_ROUNDS = 11
const END_TO_END_ROUNDS = 7
const TARGET = 0.9
const PCM_BYTES = GEMINI_CLIP.seconds * GEMINI_CLIP.sampleRate * 2
const WAV_INPUT: SpeechInput = { input: 'A ten-minute story.', response_format: 'wav' }

interface Pair {
  what: string
  voxfetch: { label: string; run: () => Promise<number> | number }
  bare: { label: string; run: () => Promise<number> | number }
  rounds: number
}

/** Table 5: Gemini's base64 PCM answer → a playable WAV, against a bare base64 decode. */
export async function geminiWavTable(core: VoxfetchCore, serverURL: string): Promise<Table> {
  const text = geminiAnswer().toString('utf8')
  const payload = JSON.parse(text) as GeminiAnswer
  const client = core.createClient({ baseURL: `${serverURL}/gemini/v1beta`, apiKey: 'gemini-bench-key' })
  const pairs: Pair[] = [
    {
      what: 'decode: parsed answer → audio bytes',
      voxfetch: { label: 'decodeGeminiSpeech (WAV)', run: () => decodeGeminiSpeech(payload, WAV_INPUT, 'gemini').bytes.byteLength - 44 },
      bare: { label: 'Buffer.from(data, "base64")', run: () => Buffer.from(inlineData(payload), 'base64').byteLength },
      rounds: IN_PROCESS_ROUNDS,
    },
    {
      what: 'parse + decode: JSON text → audio bytes',
      voxfetch: { label: 'JSON.parse + decodeGeminiSpeech', run: () => decodeGeminiSpeech(JSON.parse(text), WAV_INPUT, 'gemini').bytes.byteLength - 44 },
      bare: { label: 'JSON.parse + Buffer.from', run: () => Buffer.from(inlineData(JSON.parse(text) as GeminiAnswer), 'base64').byteLength },
      rounds: IN_PROCESS_ROUNDS,
    },
    {
      what: 'end to end over loopback',
      voxfetch: {
        label: "speech({ model: 'gemini/…' }).arrayBuffer()",
        run: async () => {
          const audio = await client.speech({ model: 'gemini/gemini-2.5-flash-preview-tts', voice: 'Kore', input: 'A ten-minute story.' })
          return (await audio.arrayBuffer()).byteLength - 44
        },
      },
      bare: {
        label: 'fetch + JSON.parse + Buffer.from',
        run: async () => {
          const response = await fetch(`${serverURL}/gemini/v1beta/models/gemini-2.5-flash-preview-tts:generateContent`, {
            method: 'POST',
            headers: { 'x-goog-api-key': 'gemini-bench-key', 'content-type': 'application/json' },
            body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'A ten-minute story.' }] }] }),
          })
          return Buffer.from(inlineData((await response.json()) as GeminiAnswer), 'base64').byteLength
        },
      },
      rounds: END_TO_END_ROUNDS,
    },
  ]
  const rows: string[][] = []
  for (const pair of pairs) {
    const contenders = [pair.voxfetch, pair.bare]
    for (const contender of contenders) await check(contender) // warm-up, and the sizes are right
    const times = new Map<string, number[]>()
    for (let round = 0; round < pair.rounds; round++) {
      for (const contender of rotate(contenders, round)) {
        collectGarbage()
        const startedAt = now()
        await contender.run()
        times.set(contender.label, [...(times.get(contender.label) ?? []), now() - startedAt])
      }
    }
    const own = times.get(pair.voxfetch.label)!
    const bare = times.get(pair.bare.label)!
    // Speed relative to the bare decode: > 1 is faster, the target is at least 0.9.
    const speed = median(own.map((elapsed, round) => bare[round]! / elapsed))
    rows.push([pair.what, pair.voxfetch.label, ms(median(own)), pair.bare.label, ms(median(bare)), ratio(speed), `≥ ${TARGET}×`, verdict(speed >= TARGET)])
  }
  return {
    title: `5. Gemini PCM → WAV: a ${GEMINI_CLIP.seconds / 60}-minute clip (${(PCM_BYTES / 1024 ** 2).toFixed(1)} MB of 24 kHz PCM, ${(geminiAnswer().byteLength / 1024 ** 2).toFixed(1)} MB of JSON)`,
    columns: ['measure', 'voxfetch', 'time (median)', 'bare', 'time (median)', 'speed vs bare', 'target', 'verdict'],
    rows,
    notes: [
      `Speed = bare time ÷ voxfetch time, median of per-round ratios (${IN_PROCESS_ROUNDS} rounds in process, ${END_TO_END_ROUNDS} end to end). voxfetch also writes the WAV header and copies the samples once; the bare path gives raw PCM.`,
      'decodeGeminiSpeech is the internal function the Gemini adapter calls; on Node 20 it decodes with Buffer (Uint8Array.fromBase64 arrives in Node 22+ and browsers).',
    ],
  }
}

interface GeminiAnswer {
  candidates: Array<{ content: { parts: Array<{ inlineData: { data: string } }> } }>
}

const inlineData = (answer: GeminiAnswer) => answer.candidates[0]!.content.parts[0]!.inlineData.data

async function check(contender: { label: string; run: () => Promise<number> | number }): Promise<void> {
  const bytes = await contender.run()
  if (bytes !== PCM_BYTES) throw new Error(`${contender.label} gave ${bytes} bytes of audio, expected ${PCM_BYTES}`)
}
