export { createPlayer, type Player, type PlayOptions } from './player.ts'
export type {
  PlaybackDetails,
  PlaybackEngine,
  PlaybackMode,
  PlaybackSource,
  PlayerState,
  PlayerStatus,
} from './state.ts'
