import { useId, useState } from 'react'

const CUSTOM = '\u0000custom'

interface ModelFieldProps {
  label: string
  models: readonly string[]
  value: string
  onChange(model: string): void
  /** Text after each listed model, e.g. its size limit. */
  describe?: (model: string) => string | undefined
}

/** The server's model aliases, plus "Other…" for a name typed in (any LiteLLM model works). */
export function ModelField({ label, models, value, onChange, describe }: ModelFieldProps) {
  const id = useId()
  const [custom, setCustom] = useState(!models.includes(value))
  return (
    <div className="field">
      <label className="label" htmlFor={id}>{label}</label>
      <select
        id={id}
        value={custom ? CUSTOM : value}
        onChange={(event) => {
          const next = event.target.value
          setCustom(next === CUSTOM)
          if (next !== CUSTOM) onChange(next)
        }}
      >
        {models.map((model) => {
          const description = describe?.(model)
          return <option key={model} value={model}>{description ? `${model} · ${description}` : model}</option>
        })}
        <option value={CUSTOM}>Other…</option>
      </select>
      {custom && (
        <>
          <label className="label label-small" htmlFor={`${id}-name`}>{label} name</label>
          <input
            id={`${id}-name`}
            className="custom-model"
            placeholder="an alias from the proxy's model_list"
            value={value}
            onChange={(event) => onChange(event.target.value.trim())}
            autoFocus
          />
        </>
      )}
    </div>
  )
}
