package dev.asap.llm.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GGUF v3 file: header, metadata key/values, tensor infos, then F32 tensor data, each tensor aligned
 * to {@link #ALIGNMENT} bytes. Only what tests need: scalar, string and array values and F32 tensors.
 */
final class GgufWriter {
  static final int ALIGNMENT = 32;

  // GGUF value type ids (ggml's gguf.h).
  private static final int TYPE_UINT32 = 4;
  private static final int TYPE_INT32 = 5;
  private static final int TYPE_FLOAT32 = 6;
  private static final int TYPE_BOOL = 7;
  private static final int TYPE_STRING = 8;
  private static final int TYPE_ARRAY = 9;
  private static final int GGML_TYPE_F32 = 0;

  private interface Value {
    void writeTo(LittleEndian out);
  }

  private record Entry(String key, Value value) {}

  private record Tensor(String name, long[] dims, float[] data) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<Tensor> tensors = new ArrayList<>();

  GgufWriter putString(String key, String value) {
    return put(key, out -> {
      out.u32(TYPE_STRING);
      out.string(value);
    });
  }

  GgufWriter putUInt32(String key, int value) {
    return put(key, out -> {
      out.u32(TYPE_UINT32);
      out.u32(value);
    });
  }

  GgufWriter putFloat32(String key, float value) {
    return put(key, out -> {
      out.u32(TYPE_FLOAT32);
      out.f32(value);
    });
  }

  GgufWriter putBool(String key, boolean value) {
    return put(key, out -> {
      out.u32(TYPE_BOOL);
      out.u8(value ? 1 : 0);
    });
  }

  GgufWriter putStrings(String key, List<String> values) {
    return put(key, out -> {
      out.u32(TYPE_ARRAY);
      out.u32(TYPE_STRING);
      out.u64(values.size());
      values.forEach(out::string);
    });
  }

  GgufWriter putInt32s(String key, int[] values) {
    return put(key, out -> {
      out.u32(TYPE_ARRAY);
      out.u32(TYPE_INT32);
      out.u64(values.length);
      for (int v : values) {
        out.u32(v);
      }
    });
  }

  /** {@code dims} in ggml order: the first dimension is the contiguous one (a row's length). */
  GgufWriter addTensor(String name, float[] data, long... dims) {
    long elements = 1;
    for (long d : dims) {
      elements *= d;
    }
    if (elements != data.length) {
      throw new IllegalArgumentException(name + ": " + data.length + " values for " + elements + " elements");
    }
    tensors.add(new Tensor(name, dims.clone(), data));
    return this;
  }

  void write(Path file) throws IOException {
    LittleEndian out = new LittleEndian();
    out.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
    out.u32(3);
    out.u64(tensors.size());
    out.u64(entries.size());
    for (Entry e : entries) {
      out.string(e.key());
      e.value().writeTo(out);
    }
    long offset = 0;
    for (Tensor t : tensors) {
      out.string(t.name());
      out.u32(t.dims().length);
      for (long d : t.dims()) {
        out.u64(d);
      }
      out.u32(GGML_TYPE_F32);
      out.u64(offset);
      offset = align(offset + 4L * t.data().length);
    }
    out.padTo(ALIGNMENT);
    for (Tensor t : tensors) {
      for (float f : t.data()) {
        out.f32(f);
      }
      out.padTo(ALIGNMENT);
    }
    try (OutputStream os = Files.newOutputStream(file)) {
      out.buffer.writeTo(os);
    }
  }

  private GgufWriter put(String key, Value value) {
    entries.add(new Entry(key, value));
    return this;
  }

  private static long align(long n) {
    return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  private static final class LittleEndian {
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);

    void u8(int v) {
      buffer.write(v);
    }

    void u32(int v) {
      for (int i = 0; i < 4; i++) {
        buffer.write(v >>> (8 * i));
      }
    }

    void u64(long v) {
      for (int i = 0; i < 8; i++) {
        buffer.write((int) (v >>> (8 * i)));
      }
    }

    void f32(float v) {
      u32(Float.floatToRawIntBits(v));
    }

    void bytes(byte[] b) {
      buffer.write(b, 0, b.length);
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      u64(b.length);
      bytes(b);
    }

    void padTo(int alignment) {
      while (buffer.size() % alignment != 0) {
        buffer.write(0);
      }
    }
  }
}
