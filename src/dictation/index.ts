export { createDictation, type Dictation } from './dictation.ts'
export type { DictationOptions, PieceParams } from './options.ts'
export type { PauseOptions } from './pause-detector.ts'
export type { DictationEvents, DictationPiece, DictationState, DictationStatus, PieceStatus } from './state.ts'
