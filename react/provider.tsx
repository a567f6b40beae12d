import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { type ClientOptions, createClient, type VoxfetchClient } from '../src/index.ts'
import { optionsKey } from './options-key.ts'

const ClientContext = createContext<VoxfetchClient | undefined>(undefined)

/**
 * Client options that survive serialization (strings, numbers, booleans, plain objects), so a
 * React Server Component can pass them to `VoxfetchProvider`. Functions (`fetch`, token
 * providers) cannot cross that boundary, and a service account must never reach a page.
 * Everything here ends up in the HTML sent to the browser: use a proxy virtual key or a
 * short-lived token, never a provider key.
 */
export type SerializableClientOptions = Omit<ClientOptions, 'fetch' | 'azureAdTokenProvider' | 'accessToken' | 'vertexCredentials'> & {
  /** A short-lived Google OAuth access token for Vertex AI. */
  accessToken?: string
}

export type VoxfetchProviderProps =
  | {
      /** The client the hooks below use unless a hook is given its own `client`. */
      client: VoxfetchClient
      options?: never
      children?: ReactNode
    }
  | {
      /**
       * Plain options the provider makes its client from (once per distinct value), for
       * layouts that are Server Components and cannot hand a client object to the browser.
       */
      options: SerializableClientOptions
      client?: never
      children?: ReactNode
    }

/** Gives every voxfetch hook below it one shared client (base URL, key, retries…). */
export function VoxfetchProvider({ client, options, children }: VoxfetchProviderProps) {
  const key = client ? undefined : optionsKey(options ?? {})
  // `key` stands for `options`, compared by value: a new but equal object keeps the client.
  const made = useMemo(() => (key === undefined ? undefined : createClient(options)), [key])
  return <ClientContext.Provider value={client ?? made}>{children}</ClientContext.Provider>
}

let defaultClient: VoxfetchClient | undefined

/** `createClient()` with no options, made on first use (never at import or during a server render). */
export function getDefaultClient(): VoxfetchClient {
  return (defaultClient ??= createClient())
}

/** The client of the nearest `VoxfetchProvider`, or `undefined` outside one. */
export function useProvidedClient(): VoxfetchClient | undefined {
  return useContext(ClientContext)
}

/** The client of the nearest `VoxfetchProvider`, else the shared default `createClient()`. */
export function useVoxfetchClient(): VoxfetchClient {
  return useContext(ClientContext) ?? getDefaultClient()
}
