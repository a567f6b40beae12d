export { fileFromPath } from './file-from-path.ts'
export { type LoadConfigOptions, type LoadedConfig, loadConfig } from './load-config.ts'
export { streamToFile } from './stream-to-file.ts'
