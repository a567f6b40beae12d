// The layer rules of ARCHITECTURE.md, checked by `npm test` (`npm run lint:layers`).
// A folder of src/ may import its own files and the folders listed before it; nothing later.

/** The core's folders, lowest first (stream-speech is built on speech, above the capabilities). */
const LAYERS = ['util', 'errors', 'options', 'audio', 'transport', 'providers', 'auth', 'pipeline', 'capabilities', 'stream-speech']
/** The capabilities share the top layer and never import one another. */
const CAPABILITIES = ['speech', 'transcription']

const folderPattern = (layer) => (layer === 'capabilities' ? `^src/(${CAPABILITIES.join('|')})/` : `^src/${layer}/`)

const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ imports only ${LAYERS.slice(0, index).join(', ') || 'itself'}: never a layer above it`,
  severity: 'error',
  from: { path: folderPattern(layer) },
  to: {
    path: LAYERS.slice(index + 1).map(folderPattern).concat('^src/(client|index)\\.ts$'),
  },
}))

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: every file can be read after the files it imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'providers-never-send',
      comment: "Providers are pure builders and parsers: they describe a request in transport's plain-data shape (a type) and never send one",
      severity: 'error',
      from: { path: '^src/providers/' },
      to: { path: '^src/transport/', dependencyTypesNot: ['type-only'] },
    },
    ...CAPABILITIES.map((capability) => ({
      name: `${capability}-stands-alone`,
      comment: `src/${capability}/ never imports another capability: a page that only uses one pays for one`,
      severity: 'error',
      from: { path: `^src/${capability}/` },
      to: { path: `^src/(${CAPABILITIES.filter((other) => other !== capability).join('|')})/` },
    })),
    {
      name: 'stream-speech-builds-on-speech',
      comment: 'src/stream-speech/ (speech of a text still being written) is made of speech calls; it never imports transcription',
      severity: 'error',
      from: { path: '^src/stream-speech/' },
      to: { path: '^src/transcription/' },
    },
    {
      name: 'core-stays-out-of-the-browser-audio-entries',
      comment: 'The core never imports the player, the recorder or dictation: a page that only calls speech() downloads none of them',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(playback|record|dictation)/' },
      to: { path: '^src/(playback|record|dictation)/' },
    },
    {
      name: 'dictation-uses-the-core-entry',
      comment: "src/dictation/ (voxfetch/dictation) reaches the core only through src/index.ts, built as an import of 'voxfetch', and captures with src/record/",
      severity: 'error',
      from: { path: '^src/dictation/' },
      to: { path: '^src/', pathNot: '^src/(dictation/|record/|index\\.ts$)' },
    },
    {
      name: 'playback-and-record-are-leaves',
      comment: 'The player and the recorder use only audio/ and util/ of the core: their entries stay small and Node-free',
      severity: 'error',
      from: { path: '^src/(playback|record)/' },
      to: { path: '^src/', pathNot: ['^src/(playback|record|audio|util)/'] },
    },
    {
      name: 'node-helpers-only-from-the-node-entry',
      comment: 'src/node/ is the voxfetch/node entry: nothing else in src/ or react/ imports it',
      severity: 'error',
      from: { path: '^(src|react)/', pathNot: '^src/node/' },
      to: { path: '^src/node/' },
    },
    {
      name: 'react-uses-public-entries',
      comment: 'react/ imports the package only through its public entries (voxfetch, voxfetch/player, voxfetch/recorder, voxfetch/dictation)',
      severity: 'error',
      from: { path: '^react/' },
      to: { path: '^src/', pathNot: '^src/(index\\.ts|playback/index\\.ts|record/index\\.ts|dictation/index\\.ts)$' },
    },
    {
      name: 'one-module-talks-to-ofetch',
      comment: 'transport/http.ts is the only door to the network library',
      severity: 'error',
      from: { pathNot: '^src/transport/http\\.ts$' },
      to: { path: 'node_modules/ofetch/' },
    },
    {
      name: 'zod-mini-only',
      comment: "import * as z from 'zod/mini': the full zod pulls every locale into browser bundles",
      severity: 'error',
      from: { path: '^(src|react)/' },
      to: { path: 'node_modules/zod/', pathNot: 'node_modules/zod/(v4/)?(mini|core)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
}
