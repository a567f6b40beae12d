/** MSB-first bit writer for the FLAC encoder. */
export class BitWriter {
  private bytes = new Uint8Array(1 << 16)
  private bitLength = 0

  get byteLength(): number {
    return Math.ceil(this.bitLength / 8)
  }

  /** Writes the low `count` bits of `value` (count ≤ 32; value taken as unsigned). */
  write(value: number, count: number): void {
    this.ensure(this.bitLength + count)
    let left = count
    while (left > 0) {
      const free = 8 - (this.bitLength & 7)
      const take = Math.min(free, left)
      const bits = Math.floor(value / 2 ** (left - take)) & ((1 << take) - 1)
      this.bytes[this.bitLength >> 3]! |= bits << (free - take)
      this.bitLength += take
      left -= take
    }
  }

  /** `zeros` zero bits followed by a one (the buffer starts zeroed, so zeros are a skip). */
  writeUnary(zeros: number): void {
    this.ensure(this.bitLength + zeros + 1)
    this.bitLength += zeros
    this.write(1, 1)
  }

  writeBytes(data: Uint8Array): void {
    for (const byte of data) this.write(byte, 8)
  }

  alignToByte(): void {
    this.bitLength = Math.ceil(this.bitLength / 8) * 8
  }

  /** The bytes written so far (a copy). */
  toBytes(from = 0): Uint8Array {
    return this.bytes.slice(from, this.byteLength)
  }

  private ensure(bits: number): void {
    const needed = (bits >> 3) + 2
    if (needed <= this.bytes.length) return
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2))
    grown.set(this.bytes)
    this.bytes = grown
  }
}
