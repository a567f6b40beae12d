import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBase64, decodeBase64After } from '../../../src/util/base64.ts'
import { extensionForMediaType, mediaTypeForExtension } from '../../../src/audio/media-type.ts'
import { InvalidRequestError } from '../../../src/index.ts'
import { loadConfig } from '../../../src/node/index.ts'
import { googleVoice } from '../../../src/providers/cloud-tts.ts'
import { geminiVoice } from '../../../src/providers/gemini-speech.ts'
import { resolveRoute } from '../../../src/pipeline/route.ts'
import { createClient } from '../../../src/index.ts'

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']

/** Every key of `value` at every depth. */
function allKeys(value: unknown, keys: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return keys
  for (const [key, item] of Object.entries(value)) {
    keys.push(key)
    allKeys(item, keys)
  }
  return keys
}

describe('lookup tables answer only for their own entries', () => {
  it.each(PROTOTYPE_NAMES)('treats %s/… as a proxy alias, not a provider prefix', (name) => {
    expect(resolveRoute(`${name}/tts-1`, { baseURL: 'http://proxy.test' })).toMatchObject({ provider: 'proxy', model: `${name}/tts-1` })
  })

  it.each(PROTOTYPE_NAMES)('passes the Gemini voice %s through unmapped, without a warning', (name) => {
    const warnings: unknown[] = []
    expect(geminiVoice(name, 'voice', warnings as never)).toBe(name)
    expect(warnings).toEqual([])
  })

  it.each(PROTOTYPE_NAMES)('refuses the Cloud TTS voice %s as unknown', (name) => {
    expect(() => googleVoice(name, 'chirp', [])).toThrow(InvalidRequestError)
  })

  it.each(PROTOTYPE_NAMES)('knows no file extension for the media type %s, and no media type for it as an extension', (name) => {
    expect(extensionForMediaType(name)).toBeUndefined()
    expect(mediaTypeForExtension(name)).toBeUndefined()
  })
})

describe('prototype keys in configuration', () => {
  const hostile = `{
    "model_list": [{
      "model_name": "tts",
      "__proto__": { "polluted": true },
      "constructor": { "prototype": { "polluted": true } },
      "litellm_params": { "model": "openai/tts-1", "__proto__": { "api_base": "http://attacker.test" }, "prototype": 1 },
      "model_info": { "__proto__": { "x": 1 }, "nested": { "constructor": 1, "ok": 2 } }
    }]
  }`

  it('are dropped at every depth by loadConfig', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'voxfetch-config-'))
    const path = join(directory, 'config.json')
    await writeFile(path, hostile)
    const loaded = await loadConfig(path)
    const keys = allKeys(loaded)
    for (const name of ['__proto__', 'constructor', 'prototype']) expect(keys).not.toContain(name)
    const entry = loaded.modelList![0]!
    expect(Object.getPrototypeOf(entry.litellm_params)).toBe(Object.prototype)
    expect(entry.litellm_params.api_base).toBeUndefined()
    expect(entry.model_info).toEqual({ nested: { ok: 2 } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('are dropped at every depth from a modelList given to createClient', () => {
    const client = createClient({ modelList: JSON.parse(hostile).model_list })
    const keys = allKeys(client.options)
    for (const name of ['__proto__', 'constructor', 'prototype']) expect(keys).not.toContain(name)
    const params = client.options.modelList![0]!.litellm_params
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype)
    expect(resolveRoute('tts', client.options).baseURL).toBe('https://api.openai.com/v1')
  })
})

describe('decoded audio', () => {
  it('owns its memory: a small clip is not a view into a shared pool', () => {
    for (const bytes of [decodeBase64('AAECAwQF'), decodeBase64After(44, 'AAECAwQF')]) {
      expect(bytes.byteOffset).toBe(0)
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength)
    }
    expect([...decodeBase64('AAECAwQF')]).toEqual([0, 1, 2, 3, 4, 5])
  })
})
