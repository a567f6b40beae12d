export { fileFromPath } from './file-from-path.ts'
export { streamToFile } from './stream-to-file.ts'
