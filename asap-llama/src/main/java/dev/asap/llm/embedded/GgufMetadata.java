package dev.asap.llm.embedded;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scalar and string metadata of a GGUF file (arrays such as the vocabulary are skipped), read before the
 * file reaches llama.cpp so that a wrong path fails with a message naming it instead of inside native code.
 */
final class GgufMetadata {
  private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
  private static final long MAX_ENTRIES = 1L << 20;
  private static final long MAX_STRING_BYTES = 1L << 26;

  private final Map<String, Object> values;

  private GgufMetadata(Map<String, Object> values) {
    this.values = values;
  }

  /** Reads the header and key/values of {@code file}; IllegalArgumentException naming it if it is no GGUF. */
  static GgufMetadata read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no GGUF model file at " + file.toAbsolutePath());
    }
    try (InputStream raw = Files.newInputStream(file)) {
      Reader in = new Reader(new DataInputStream(new BufferedInputStream(raw, 1 << 16)));
      if (in.u32() != MAGIC) {
        throw new IllegalArgumentException(file.toAbsolutePath() + " is not a GGUF model file (wrong magic bytes)");
      }
      int version = in.u32();
      if (version != 2 && version != 3) {
        throw new IllegalArgumentException(file.toAbsolutePath() + ": GGUF version " + version
            + " is not supported (llama.cpp reads versions 2 and 3)");
      }
      in.u64(); // tensor count: llama.cpp checks the tensors itself
      long entries = in.u64();
      if (entries < 0 || entries > MAX_ENTRIES) {
        throw new IllegalArgumentException(file.toAbsolutePath() + ": implausible metadata count " + entries);
      }
      Map<String, Object> values = new HashMap<>();
      for (long i = 0; i < entries; i++) {
        String key = in.string();
        Object value = in.value(in.u32());
        if (value != null) {
          values.put(key, value);
        }
      }
      return new GgufMetadata(values);
    } catch (EOFException e) {
      throw new IllegalArgumentException(file.toAbsolutePath() + " is not a GGUF model file (truncated metadata)", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  Optional<String> string(String key) {
    Object v = values.get(key);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }

  Optional<Boolean> bool(String key) {
    Object v = values.get(key);
    return v instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  /**
   * Whether llama.cpp puts a BOS token before every prompt: the file's {@code tokenizer.ggml.add_bos_token},
   * else llama.cpp's default for the tokenizer (SentencePiece and WordPiece yes, BPE only for a few
   * pre-tokenizers).
   */
  boolean addsBosToken() {
    Optional<Boolean> explicit = bool("tokenizer.ggml.add_bos_token");
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String model = string("tokenizer.ggml.model").orElse("");
    String pre = string("tokenizer.ggml.pre").orElse("");
    return switch (model) {
      case "llama", "bert" -> true;
      case "gpt2" -> switch (pre) {
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "tekken", "chameleon" -> true;
        default -> false;
      };
      default -> false;
    };
  }

  /** Little-endian GGUF primitives. */
  private static final class Reader {
    private final DataInputStream in;

    Reader(DataInputStream in) {
      this.in = in;
    }

    int u32() throws IOException {
      return Integer.reverseBytes(in.readInt());
    }

    long u64() throws IOException {
      return Long.reverseBytes(in.readLong());
    }

    String string() throws IOException {
      long length = u64();
      if (length < 0 || length > MAX_STRING_BYTES) {
        throw new IOException("implausible string length " + length);
      }
      return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }

    /** The value of a GGUF type id; arrays are skipped and yield null. */
    Object value(int type) throws IOException {
      return switch (type) {
        case 0 -> (long) in.readUnsignedByte();
        case 1 -> (long) in.readByte();
        case 2 -> (long) Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        case 3 -> (long) Short.reverseBytes(in.readShort());
        case 4 -> Integer.toUnsignedLong(u32());
        case 5 -> (long) u32();
        case 6 -> (double) Float.intBitsToFloat(u32());
        case 7 -> in.readByte() != 0;
        case 8 -> string();
        case 9 -> {
          skipArray();
          yield null;
        }
        case 10, 11 -> u64();
        case 12 -> Double.longBitsToDouble(u64());
        default -> throw new IOException("unknown metadata value type " + type);
      };
    }

    private void skipArray() throws IOException {
      int elementType = u32();
      long count = u64();
      if (count < 0) {
        throw new IOException("implausible array length " + count);
      }
      if (elementType == 8) {
        for (long i = 0; i < count; i++) {
          long length = u64();
          if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("implausible string length " + length);
          }
          in.skipNBytes(length);
        }
        return;
      }
      long width = switch (elementType) {
        case 0, 1, 7 -> 1;
        case 2, 3 -> 2;
        case 4, 5, 6 -> 4;
        case 10, 11, 12 -> 8;
        default -> throw new IOException("unsupported array element type " + elementType);
      };
      in.skipNBytes(Math.multiplyExact(width, count));
    }
  }
}
