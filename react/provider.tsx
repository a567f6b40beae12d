import { createContext, type ReactNode, useContext } from 'react'
import { createClient, type VoxfetchClient } from '../src/index.ts'

const ClientContext = createContext<VoxfetchClient | undefined>(undefined)

export interface VoxfetchProviderProps {
  /** The client the hooks below use unless a hook is given its own `client`. */
  client: VoxfetchClient
  children?: ReactNode
}

/** Gives every voxfetch hook below it one shared client (base URL, key, retries…). */
export function VoxfetchProvider({ client, children }: VoxfetchProviderProps) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
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
