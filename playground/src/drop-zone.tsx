import { useState } from 'react'

interface DropZoneProps {
  onFile(file: File): void
  limitMB: number
  /** Extensions voxfetch accepts: the picker offers and the hint names exactly these. */
  formats: readonly string[]
}

/** A file picker that is also a drop target for one audio file. */
export function DropZone({ onFile, limitMB, formats }: DropZoneProps) {
  const [dragging, setDragging] = useState(false)
  return (
    <label
      className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault()
        setDragging(false)
        const file = event.dataTransfer.files[0]
        if (file) onFile(file)
      }}
    >
      <input
        className="visually-hidden"
        type="file"
        accept={formats.map((format) => `.${format}`).join(',')}
        data-testid="file-input"
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared, so choosing the same file again still counts as a change.
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
      <svg className="drop-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 16V4M7 9l5-5 5 5M5 20h14" /></svg>
      <span className="drop-title"><strong>Drop an audio file</strong> or <span className="link">browse</span></span>
      <span className="hint" data-testid="upload-formats">{formats.join(', ')}</span>
      <span className="drop-limit" data-testid="max-size">Max {limitMB}&nbsp;MB</span>
    </label>
  )
}
