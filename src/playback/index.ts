export { createPlayer, type Player, type PlayOptions } from './player.ts'
export type {
  PlaybackDetails,
  PlaybackEngine,
  PlaybackMode,
  PlaybackSegment,
  PlaybackSegments,
  PlaybackSource,
  PlayerState,
  PlayerStatus,
  SoundingSegment,
} from './state.ts'
