/** Unsigned varints and length-prefixed UTF-8 strings in a growing byte buffer (the stored features' form). */

export class ByteWriter {
  private bytes = new Uint8Array(1024);
  length = 0;

  private room(extra: number): void {
    if (this.length + extra > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  raw(values: Uint8Array): void {
    this.room(values.length);
    this.bytes.set(values, this.length);
    this.length += values.length;
  }

  varint(value: number): void {
    this.room(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  string(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.varint(encoded.length);
    this.raw(encoded);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; throws RangeError past the end (the caller reports a damaged segment). */
export class ByteReader {
  offset = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  byte(): number {
    if (this.offset >= this.bytes.length) {
      throw new RangeError('unexpected end');
    }
    return this.bytes[this.offset++];
  }

  raw(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) {
      throw new RangeError('unexpected end');
    }
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        if (value > 0xffffffff) {
          throw new RangeError('varint too large');
        }
        return value;
      }
    }
    throw new RangeError('varint too long');
  }

  string(): string {
    return this.decoder.decode(this.raw(this.varint()));
  }
}
